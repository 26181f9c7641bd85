/**
 * The side-by-side comparison: every checker judges the same mixed-fault list, each in a world
 * of its own. A checks the whole list in one run; B and C one candidate after another.
 */
import type { ModuleVersion } from '../__tests__/world/modules.js'
import { isUsableVerdict, runMeasuredAction } from './action.js'
import { checkOne, type CandidateRun, type SequentialChecker } from './sequential.js'
import { startMixedWorld, type Arrival, type BenchWorld } from './world.js'

/** What one checker's sweep over the list cost and found. */
export interface SweepRun {
  wallMs: number
  requests: number
  maxRssKiB: number
  /** Per candidate, in list order. */
  candidates: CandidateVerdict[]
}

export interface CandidateVerdict {
  name: string
  truth: boolean
  usable: boolean
  /** The checker's own word for it: A's verdict, or B/C's exit status. */
  said: string
  ms?: number
  /** Requests the candidate's persona received (for A: with arrival offsets from the spawn). */
  requests: number
  arrivals?: Arrival[]
}

export interface SweepResult {
  id: string
  title: string
  budgetMs?: number
  runs: SweepRun[]
}

export function rightVerdicts(run: SweepRun): number {
  return run.candidates.filter(c => c.usable === c.truth).length
}

/** A's inputs for a list of candidate URLs: every fault judged (`|`), content proved (`full`). */
export function mixedInputs(world: BenchWorld): Record<string, string> {
  return {
    proxies: world.candidates.map(c => c.url).join('|'),
    gosumdb: world.gosumdbViaProxies,
    'probe-modules': 'rsc.io/quote@v1.5.2 example.com/hello',
    checks: 'full',
    timeout: '3',
    cache: 'false'
  }
}

export async function actionSweepRun(modules: ModuleVersion[]): Promise<SweepRun> {
  const world = await startMixedWorld(modules)
  try {
    const spawnedAt = performance.now()
    const run = await runMeasuredAction(mixedInputs(world))
    const reported = run.candidates ?? []
    if (reported.length !== world.candidates.length) {
      throw new Error(
        `the action reported ${reported.length} candidates, expected ${world.candidates.length} (exit ${run.code})`
      )
    }
    const candidates = world.candidates.map(({ spec }, i): CandidateVerdict => {
      const arrivals = world.arrivals(spec.name).map(a => ({ ...a, atMs: a.atMs - spawnedAt }))
      return {
        name: spec.name,
        truth: spec.usable,
        usable: isUsableVerdict(reported[i].verdict),
        said: `${reported[i].verdict}: ${reported[i].reason}`,
        requests: arrivals.length,
        arrivals
      }
    })
    return { wallMs: run.wallMs, requests: world.requests(), maxRssKiB: run.maxRssKiB, candidates }
  } finally {
    await world.close()
  }
}

interface Job {
  sweep: number
  index: number
  run?: CandidateRun
}

/**
 * Runs every sequential checker over its own world. Candidates that mostly wait on the network
 * (`idle`: hang, slow) are started first, all at once; the rest run strictly one at a time. A
 * sweep's time is the sum of its candidates' own times, as if run one after another.
 */
export async function sequentialSweepRuns(
  checkers: SequentialChecker[],
  modules: ModuleVersion[]
): Promise<SweepRun[]> {
  const worlds = await Promise.all(checkers.map(() => startMixedWorld(modules)))
  try {
    const jobs: Job[] = checkers.flatMap((_, sweep) =>
      worlds[sweep].candidates.map((_c, index) => ({ sweep, index }))
    )
    const exec = async (job: Job): Promise<void> => {
      job.run = await checkOne(checkers[job.sweep], worlds[job.sweep], job.index)
    }
    const idle = jobs.filter(j => worlds[j.sweep].candidates[j.index].spec.idle)
    const background = Promise.all(idle.map(exec))
    for (const job of jobs.filter(j => !idle.includes(j))) await exec(job)
    await background
    return checkers.map((_, sweep) =>
      summarize(
        worlds[sweep],
        jobs.filter(j => j.sweep === sweep)
      )
    )
  } finally {
    await Promise.all(worlds.map(w => w.close()))
  }
}

function summarize(world: BenchWorld, jobs: Job[]): SweepRun {
  const runs = jobs.map(j => j.run as CandidateRun)
  const candidates = runs.map((run, i): CandidateVerdict => {
    const spec = world.candidates[i].spec
    return {
      name: run.name,
      truth: spec.usable,
      usable: run.usable,
      said: run.killed
        ? 'killed at the budget'
        : `exit ${run.code}${run.said ? `: ${run.said}` : ''}`,
      ms: run.ms,
      requests: world.proxies.requests(spec.name)
    }
  })
  return {
    wallMs: runs.reduce((sum, r) => sum + r.ms, 0),
    requests: world.requests(),
    maxRssKiB: Math.max(...runs.map(r => r.maxRssKiB ?? 0)),
    candidates
  }
}
