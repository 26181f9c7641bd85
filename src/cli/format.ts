// What the CLI prints on stdout, one function per --format, and its one-line verdicts for stderr.
import { maskValues } from '../logger.js'
import { GoEnv } from '../constants.js'
import type { CandidateReport } from '../probe/types.js'
import { buildText, reasonWithBuild } from '../report/build.js'
import { jsonReport } from '../report/json.js'
import { fallbackLines, formatMs, outcomeSentence, sumdbSentence } from '../report/sentences.js'
import type { RunResult } from '../validate.js'
import type { Format } from './args.js'

/**
 * The result in `format`; `mask` hides known secrets (a server may quote credentials back) in
 * the table and the JSON, never in `env` and `shell`, which print what the shell must export.
 */
export function formatResult(
  result: RunResult,
  format: Format,
  platform: NodeJS.Platform,
  mask: (text: string) => string = text => text
): string {
  switch (format) {
    case 'table':
      return mask(formatTable(result))
    case 'json':
      return formatJson(result, platform, mask)
    case 'env':
      return formatEnv(result)
    case 'shell':
      return formatShell(result)
  }
}

/** One aligned row a candidate (URLs redacted), then what was exported and why. */
export function formatTable(result: RunResult): string {
  const rows = [
    ['CANDIDATE', 'URL', 'VERDICT', 'LATENCY', 'CHECKS', 'REASON'],
    ...result.reports.map(r => [
      r.candidate.id,
      r.candidate.display,
      verdictText(r),
      formatMs(r.latencyMs),
      r.checksTotal ? `${r.checksPassed}/${r.checksTotal}` : '—',
      oneLine(reasonWithBuild(result, r))
    ])
  ]
  const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)))
  const lines = rows.map(row =>
    row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ')
  )
  const profile = result.plan.profile ? [`Profile: ${result.plan.profile}`, ''] : []
  const skipped = result.skippedModules.map(s => `Skipped probe module ${s.module}: ${s.reason}.`)
  const outcome = [
    outcomeSentence(result),
    ...fallbackLines(result),
    ...skipped,
    sumdbSentence(result),
    ...buildText(result)
  ]
  return [...profile, ...lines, '', ...outcome, ''].join('\n')
}

/** The action's JSON report, with the CLI's context, its strings masked by `mask`. */
export function formatJson(
  result: RunResult,
  platform: NodeJS.Platform,
  mask: (text: string) => string = text => text
): string {
  return JSON.stringify(maskValues(cliReport(result, platform), mask), null, 2) + '\n'
}

export function cliReport(result: RunResult, platform: NodeJS.Platform): object {
  return jsonReport(result, { runnerOs: platform, profile: result.plan.profile })
}

/**
 * The environment to hand the go command, with the real values (credentials included). Nothing
 * when the run failed; without GOPROXY when on-failure is `keep`.
 */
function goEnvironment(result: RunResult): [GoEnv, string][] {
  if (result.selection.outcome === 'failed') return []
  const { goprivate, gonoproxy, gonosumdb } = result.plan.patterns
  const variables: [GoEnv, string | undefined][] = [
    [GoEnv.Goproxy, result.exported.goproxy],
    [GoEnv.Gosumdb, result.sumdb.gosumdb],
    [GoEnv.Goprivate, goprivate],
    [GoEnv.Gonoproxy, gonoproxy],
    [GoEnv.Gonosumdb, gonosumdb]
  ]
  return variables.filter((v): v is [GoEnv, string] => Boolean(v[1]))
}

/** NAME=value lines, unquoted, as $GITHUB_ENV, .env and GitLab dotenv files take them. */
export function formatEnv(result: RunResult): string {
  return goEnvironment(result)
    .map(([name, value]) => `${name}=${oneLineValue(name, value)}\n`)
    .join('')
}

/**
 * `export NAME='value'` lines that sh, bash and zsh read back exactly, by `eval` or `.`: inside
 * single quotes nothing is special, and a quote itself is written '\'' (close, escaped, reopen).
 */
export function formatShell(result: RunResult): string {
  return goEnvironment(result)
    .map(([name, value]) => `export ${name}=${shellQuote(name, value)}\n`)
    .join('')
}

/** A NUL cannot be in a shell word (nor in an environment variable): refused, not cut short. */
function shellQuote(name: GoEnv, value: string): string {
  if (value.includes('\0')) throw new Error(`${name} holds a NUL; it cannot be exported by a shell`)
  return `'${value.replaceAll("'", "'\\''")}'`
}

/** The stderr line for one verdict as it is known. */
export function verdictLine(report: CandidateReport): string {
  return `${report.candidate.id} ${report.candidate.display}: ${verdictText(report)} — ${oneLine(report.reason)}`
}

function verdictText(report: CandidateReport): string {
  return report.cached
    ? `${report.verdict} (cached, ${formatMs(report.cached.ageMs)} old)`
    : report.verdict
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ')
}

/** A line break in a value would end the line early and start another variable (in $GITHUB_ENV too). */
function oneLineValue(name: GoEnv, value: string): string {
  if (!/[\r\n\0]/.test(value)) return value
  throw new Error(
    `${name} holds a line break or NUL; it cannot be printed as one ${name}=value line`
  )
}
