/**
 * The bundled action run as the runner runs it, measured from inside: the preload exit-probe.mjs
 * records the exit code, peak resident memory and lifetime of the process, and rejections are
 * strict, so an unhandled one ends the run with an error on stderr.
 */
import { expect } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readReport, runAction, type ActionRun, type RunOptions } from '../world/runner.js'

const PRELOAD = pathToFileURL(resolve('__tests__/hostile/exit-probe.mjs')).href

/** Peak RSS a run may reach: a hostile answer may cost at most a body cap, never its own size. */
export const MAX_RSS_MIB = 200
/**
 * How long past `timeout` a run may live: start-up and reporting, which take seconds on a busy
 * 2-core machine, but never another wait (a run held by a socket or a hanging server is killed
 * at KILL_AFTER_MS and has no exit record).
 */
export const EXIT_MARGIN_MS = 6000
/** The test kills a run after this long; a run that needs it has hung. */
const KILL_AFTER_MS = 30_000

/** The one probe module of hostile runs: pinned, so each endpoint is asked exactly once. */
export const PROBE_MODULE = 'example.com/hello@v1.0.0'
/** The path a candidate is asked first for PROBE_MODULE, as the go command asks it: its .info. */
export const FIRST_REQUEST = '/example.com/hello/@v/v1.0.0.info'

export interface ExitUsage {
  code: number
  maxRssMiB: number
  uptimeMs: number
}

export interface MeasuredRun extends ActionRun {
  /** Undefined when the process never reached its exit handler (it was killed). */
  usage?: ExitUsage
}

/** Runs the action with `inputs` over quick defaults: no retries, no cache, one probe module. */
export async function runMeasured(
  inputs: Record<string, string>,
  options: RunOptions = {}
): Promise<MeasuredRun> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'vgp-hostile-')))
  const exitFile = join(dir, 'exit.json')
  const env = {
    NODE_OPTIONS: `--import=${PRELOAD} --unhandled-rejections=strict`,
    VGP_EXIT_FILE: exitFile,
    ...options.env
  }
  const run = await runAction(
    { 'probe-modules': PROBE_MODULE, retries: '0', cache: 'false', ...inputs },
    { killAfterMs: KILL_AFTER_MS, ...options, dir, env }
  )
  return { ...run, usage: await readUsage(exitFile) }
}

async function readUsage(file: string): Promise<ExitUsage | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  const { code, maxRssKiB, uptimeMs } = JSON.parse(text) as {
    code: number
    maxRssKiB: number
    uptimeMs: number
  }
  return { code, maxRssMiB: Math.round(maxRssKiB / 1024), uptimeMs }
}

/**
 * The structural bounds of a run with `timeout` = timeoutMs: it exited by itself, within one
 * timeout plus a margin, below the memory bound, with nothing on stderr (no unhandled rejection,
 * no warning about an unsettled await).
 */
export function expectBounded(run: MeasuredRun, timeoutMs: number): void {
  expect(run.usage).toBeDefined()
  const { uptimeMs, maxRssMiB } = run.usage as ExitUsage
  expect(uptimeMs).toBeLessThan(timeoutMs + EXIT_MARGIN_MS)
  expect(maxRssMiB).toBeLessThan(MAX_RSS_MIB)
  expect(run.stderr).toBe('')
}

export interface ReportedCandidate {
  url: string
  verdict: string
  reason: string
  cached: { ageMs: number; storedAt: string } | null
  /** What the verdict rests on (see load.ts); absent in reports of older versions. */
  findings?: { level: string; reason: string }[]
  probes: { endpoint: string; module: string; url: string; ok: boolean; problem: string | null }[]
}

export interface Report {
  outcome: string
  candidates: ReportedCandidate[]
  sumdb: { ok: boolean; reason: string }
}

/** The JSON report the run wrote (the path is the `report` output). */
export function reportOf(run: ActionRun): Promise<Report> {
  return readReport<Report>(run)
}

/** The verdict and reason of the run's only candidate. */
export async function onlyVerdict(run: ActionRun): Promise<{ verdict: string; reason: string }> {
  const { verdict, reason } = await onlyCandidate(run)
  return { verdict, reason }
}

/** The run's only candidate. */
export async function onlyCandidate(run: ActionRun): Promise<ReportedCandidate> {
  const { candidates } = await reportOf(run)
  expect(candidates).toHaveLength(1)
  return candidates[0]
}
