/**
 * Checker A: the bundled action, run as the GitHub runner runs it (`node dist/index.js` with
 * INPUT_* variables, through the test world's runner), with the clock preload to split its time.
 */
import { access, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { runAction, type ActionRun } from '../__tests__/world/runner.js'

const CLOCK = new URL('./clock.mjs', import.meta.url).href
const DIST_BUNDLE = fileURLToPath(new URL('../dist/index.js', import.meta.url))

/** The marks the preload writes (milliseconds since Node's time origin). */
interface ClockMarks {
  /** Node's time origin, ms since the epoch: places the marks on the parent's clock. */
  timeOrigin: number
  preloadAt: number
  firstInputAt?: number
  exitAt: number
  maxRssKiB: number
  peakHeapTotalKiB: number
  peakHeapUsedKiB: number
}

export interface ActionMeasure {
  code: number | null
  /** Spawn to exit, as the runner sees it. */
  wallMs: number
  /** Node's own start, up to the preload (time origin → preload). */
  bootMs: number
  /** Loading and evaluating the bundle: preload → the action's first read of an input. */
  loadMs: number
  /** The action's work once loaded: first input read → exit. */
  workMs: number
  /** The engine's own clock over validate(): probes, checksum database, selection (report durationMs). */
  engineMs?: number
  maxRssKiB: number
  /** The V8 heap at its largest (sampled every 20 ms): reserved, and in use. */
  peakHeapTotalKiB: number
  peakHeapUsedKiB: number
  outputs: Record<string, string>
  /** The report's candidates, in input order; absent when the action wrote no report. */
  candidates?: ReportCandidate[]
  stdout: string
  /** Epoch ms of the spawn, the first input read and the exit, for timelines across processes. */
  epoch: { spawnAt: number; firstInputAt: number; exitAt: number }
}

export interface ReportCandidate {
  url: string
  verdict: string
  reason: string
  probes: { endpoint: string; module: string; totalMs: number; ok: boolean }[]
}

export interface ActionOptions {
  /** Kill the action after this long (default: the runner's 60 s). */
  killAfterMs?: number
  /** The node binary (default: the one running the benchmark). */
  node?: string
  /** Variables over the runner's (e.g. RUNNER_TOOL_CACHE, GITHUB_WORKSPACE). */
  env?: Record<string, string>
}

async function readReport(
  run: ActionRun
): Promise<{ durationMs: number; candidates: ReportCandidate[] } | undefined> {
  if (!run.outputs.report) return undefined
  try {
    return JSON.parse(await readFile(run.outputs.report, 'utf8'))
  } catch {
    return undefined
  }
}

async function readMarks(
  clockFile: string,
  run: ActionRun
): Promise<ClockMarks & { firstInputAt: number }> {
  const marks = JSON.parse(
    await readFile(clockFile, 'utf8').catch(() => 'null')
  ) as ClockMarks | null
  if (!marks) {
    throw new Error(
      `the action left no clock marks (exit code ${run.code}): ${run.stderr.slice(0, 500)}`
    )
  }
  if (marks.firstInputAt === undefined) {
    throw new Error(`the action never read an input (exit code ${run.code})`)
  }
  return { ...marks, firstInputAt: marks.firstInputAt }
}

let actionNode: string | undefined
let bundle = DIST_BUNDLE

/**
 * What every later run of the action uses: the node binary (`--node`; default: the benchmark's)
 * and the bundle (`--bundle`, e.g. an earlier build to compare with; default: dist/index.js).
 */
export function useAction(o: { node: string; bundle?: string }): void {
  actionNode = o.node
  bundle = o.bundle ?? DIST_BUNDLE
}

/** The bundle the runs use. */
export function bundlePath(): string {
  return bundle
}

export async function runMeasuredAction(
  inputs: Record<string, string>,
  options: ActionOptions = {}
): Promise<ActionMeasure> {
  // The job's temp folder: command files, the report, and the clock marks; removed afterwards.
  const dir = await mkdtemp(join(tmpdir(), 'vgp-bench-'))
  try {
    const clockFile = join(dir, 'clock.json')
    const spawnAt = performance.timeOrigin + performance.now()
    const run = await runAction(inputs, {
      dir,
      entry: bundle,
      node: options.node ?? actionNode,
      killAfterMs: options.killAfterMs,
      env: { ...options.env, NODE_OPTIONS: `--import=${CLOCK}`, BENCH_CLOCK_FILE: clockFile }
    })
    const marks = await readMarks(clockFile, run)
    const report = await readReport(run)
    return {
      code: run.code,
      wallMs: run.durationMs,
      bootMs: marks.preloadAt,
      loadMs: marks.firstInputAt - marks.preloadAt,
      workMs: marks.exitAt - marks.firstInputAt,
      engineMs: report?.durationMs,
      maxRssKiB: marks.maxRssKiB,
      peakHeapTotalKiB: marks.peakHeapTotalKiB,
      peakHeapUsedKiB: marks.peakHeapUsedKiB,
      outputs: run.outputs,
      candidates: report?.candidates,
      stdout: run.stdout,
      epoch: {
        spawnAt,
        firstInputAt: marks.timeOrigin + marks.firstInputAt,
        exitAt: marks.timeOrigin + marks.exitAt
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A run as the runner starts it, without the clock preload: wall time from spawn to exit only. */
export interface BareRun {
  code: number | null
  wallMs: number
  outputs: Record<string, string>
  stderr: string
}

export async function runBareAction(
  inputs: Record<string, string>,
  options: ActionOptions = {}
): Promise<BareRun> {
  const dir = await mkdtemp(join(tmpdir(), 'vgp-bench-'))
  try {
    const run = await runAction(inputs, {
      dir,
      entry: bundle,
      ...options,
      node: options.node ?? actionNode
    })
    return { code: run.code, wallMs: run.durationMs, outputs: run.outputs, stderr: run.stderr }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export function isUsableVerdict(verdict: string): boolean {
  return verdict === 'healthy' || verdict === 'degraded'
}

/** Waits (at most a minute) for dist/index.js: another engineer's build removes it for a moment. */
export async function waitForBundle(): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    if (
      await access(bundle).then(
        () => true,
        () => false
      )
    )
      return
    await sleep(1000)
  }
  throw new Error(`no bundle at ${bundle}: run \`npm run build\` first`)
}
