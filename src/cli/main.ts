// The command line face: flags → the same plan and engine as the action → a result on stdout.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { buildPlan } from '../config/build.js'
import { loadYaml } from '../config/profiles.js'
import type { RawInputs } from '../config/plan.js'
import { planSecrets } from '../config/secrets.js'
import { InputError } from '../config/errors.js'
import { checkReportPath } from '../config/report-path.js'
import type { Plan } from '../config/plan.js'
import type { CandidateReport } from '../probe/types.js'
import { Inputs, VERSION } from '../constants.js'
import { createEffects } from '../effects.js'
import { outcomeSentence } from '../report/sentences.js'
import { messageOf } from '../logger.js'
import { validate, type RunResult } from '../validate.js'
import { parseCliArgs, UsageError } from './args.js'
import { defaultCacheDir } from './cache-dir.js'
import { formatJson, formatResult, verdictLine } from './format.js'
import { toolchainWarning } from '../walk/toolchain.js'
import { helpText } from './help.js'
import { createStderr, type Stderr } from './stderr.js'
import { parseLogFormat } from '../log/ecs.js'
import { exportFields } from '../log/events.js'
import { withGoEnvFile } from '../goenv/env-file.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import { degradedHead, degradedHeadSentence } from '../select/gate.js'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
}

export const processIo: CliIo = {
  stdout: text => void process.stdout.write(text),
  stderr: text => void process.stderr.write(text)
}

/** The exit statuses; 64 is EX_USAGE of sysexits.h. */
export const EXIT = { usable: 0, failed: 1, tampered: 2, usage: 64 } as const

/** What the table tells of the toolchains below its rows (a JSON report holds it too). */
function toolchainWarnings(result: RunResult): string[] {
  return (result.build?.toolchains ?? []).flatMap(t => toolchainWarning(t) ?? [])
}

/** Runs the CLI and returns its exit status; never throws. */
export async function main(
  argv: readonly string[],
  shellEnv: NodeJS.ProcessEnv,
  io: CliIo
): Promise<number> {
  const stderr = createStderr(io.stderr)
  try {
    checkNodeVersion()
    // What the go command will see: the shell's variables, else Go's env file.
    const env = withGoEnvFile(shellEnv, process.platform)
    const args = parseCliArgs(argv)
    if (args.help || args.version) {
      io.stdout(args.help ? helpText() : `validate-goproxy ${VERSION}\n`)
      return EXIT.usable
    }
    const logFormat = parseLogFormat(args.raw[Inputs.LogFormat])
    stderr.useFormat(logFormat, env)
    const raw = await withProfilesText(args.raw)
    const plan = buildPlan(raw, {
      env,
      platform: process.platform,
      defaultCacheDir: defaultCacheDir(env, process.platform),
      yaml: await loadYaml(raw)
    })
    const reportPath = raw[Inputs.ReportPath]?.trim()
    if (reportPath) checkReportPath(reportPath)
    for (const secret of planSecrets(plan)) stderr.addSecret(secret)
    const result = await probe(plan, env, stderr)
    // The table says it on stdout; a log store reads only the log lines.
    if (args.format !== 'table' || logFormat === 'json') {
      stderr.line(outcomeSentence(result), {
        ...exportFields(result),
        level: exitStatus(result) === EXIT.usable ? 'info' : 'error'
      })
      for (const warning of toolchainWarnings(result)) stderr.log.warning(warning)
    }
    const degraded = degradedHead(result.selection, plan.failOn)
    if (degraded) stderr.line(degradedHeadSentence(degraded), { level: 'error', action: 'gate' })
    // A server may quote a request's credentials back: what is written and printed is masked.
    await writeReport(reportPath, formatJson(result, process.platform, stderr.mask))
    io.stdout(formatResult(result, args.format, process.platform, stderr.mask))
    return exitStatus(result)
  } catch (err) {
    return failure(err, stderr)
  }
}

/**
 * 0 when a proxy that passed (at the level --fail-on asks) heads the exported chain, or there was
 * nothing to probe; else 2 when some candidate served content the checksum database refutes, 1
 * otherwise.
 */
export function exitStatus(result: RunResult): number {
  if (result.exported.healthy || result.selection.outcome === 'nothing-to-probe') return EXIT.usable
  return result.reports.some(r => r.verdict === 'tampered') ? EXIT.tampered : EXIT.failed
}

/** For the CLI, --profiles names a file; the plan takes its text, as the action input holds it. */
async function withProfilesText(raw: RawInputs): Promise<RawInputs> {
  const file = raw[Inputs.Profiles]?.trim()
  if (!file) return raw
  try {
    return { ...raw, [Inputs.Profiles]: await readFile(file, 'utf8') }
  } catch (err) {
    throw new InputError(Inputs.Profiles, file, `cannot be read: ${messageOf(err)}`)
  }
}

/**
 * Probes with progress on stderr: each candidate's verdict as soon as its own probes end (a hung
 * candidate holds up no other line), then, once the checksum database and the build have had
 * their say, the final verdict of each one that changed.
 */
async function probe(plan: Plan, env: NodeJS.ProcessEnv, stderr: Stderr): Promise<RunResult> {
  const probed = plan.candidates.filter(c => isProxyEntry(c.entry)).length
  if (probed > 0)
    stderr.line(`probing ${plural(probed, 'candidate')} (checks: ${plan.checks})…`, {
      action: 'start'
    })
  const deps = await createEffects(plan, env, stderr.log, stderr)
  try {
    const printed = new Map<string, string>()
    const onProbed = (report: CandidateReport): void => {
      printed.set(report.candidate.id, verdictLine(report))
      stderr.verdict(report)
    }
    const result = await validate(plan, { ...deps.effects, onProbed })
    for (const report of result.reports) {
      if (printed.get(report.candidate.id) !== verdictLine(report)) stderr.verdict(report, false)
    }
    return result
  } finally {
    deps.close()
  }
}

async function writeReport(file: string | undefined, report: string): Promise<void> {
  if (!file?.trim()) return
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, report)
}

/**
 * Node 20.16 or later (package.json engines, which npm only warns about): built-in modules are
 * loaded on first use with process.getBuiltinModule, which older Node lacks.
 */
function checkNodeVersion(): void {
  if (typeof process.getBuiltinModule !== 'function')
    throw new Error(`needs Node 20.16 or later; this is Node ${process.versions.node}`)
}

function failure(err: unknown, stderr: Stderr): number {
  const fields = { level: 'error', action: 'error' } as const
  stderr.line(`validate-goproxy: ${messageOf(err)}`, fields)
  if (err instanceof UsageError) stderr.line("Run 'validate-goproxy --help' for the flags.", fields)
  return err instanceof UsageError || err instanceof InputError ? EXIT.usage : EXIT.failed
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
