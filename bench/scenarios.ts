/**
 * Measurements of A alone: one healthy candidate, a warm cache, the two faults that cost a naive
 * client time or memory, and the scale series.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ModuleVersion } from '../__tests__/world/modules.js'
import { isUsableVerdict, runMeasuredAction, type ActionMeasure } from './action.js'
import { mixedInputs } from './sweeps.js'
import { startHealthyWorld, startMixedWorld, type BenchWorld } from './world.js'

/** One run of the action: what it cost, and what the world saw. */
export interface Sample extends ActionMeasure {
  requests: number
  /** Verdicts as A judged them, in list order (usable or not). */
  usable: boolean[]
}

async function measure(world: BenchWorld, inputs: Record<string, string>): Promise<Sample> {
  world.resetCounts()
  const run = await runMeasuredAction(inputs)
  const usable = (run.candidates ?? []).map(c => isUsableVerdict(c.verdict))
  return { ...run, requests: world.requests(), usable }
}

/** The mixed sweep's inputs narrowed to one candidate of a world. */
function oneCandidate(
  world: BenchWorld,
  name: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  const candidate = world.candidates.find(c => c.spec.name === name)
  if (!candidate) throw new Error(`no candidate named ${name} in the world`)
  return { ...mixedInputs(world), proxies: candidate.url, ...extra }
}

async function repeat<T>(runs: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < runs; i++) out.push(await fn())
  return out
}

export interface SingleResults {
  healthy: Sample[]
  /** A run that fails input validation at once: the cost of starting and loading alone. */
  invalidInput: Sample[]
  endless: Sample[]
  hang: Sample[]
}

/** One candidate at a time, with the mixed sweep's inputs (checks: full, timeout 3, the database). */
export async function singleCandidateRuns(
  modules: ModuleVersion[],
  runs: number
): Promise<SingleResults> {
  const world = await startMixedWorld(modules)
  try {
    return {
      healthy: await repeat(runs, () => measure(world, oneCandidate(world, 'healthy'))),
      invalidInput: await repeat(runs, () =>
        measure(world, oneCandidate(world, 'healthy', { timeout: 'abc' }))
      ),
      endless: await repeat(runs, () => measure(world, oneCandidate(world, 'endless-body'))),
      hang: await repeat(runs, () => measure(world, oneCandidate(world, 'hang')))
    }
  } finally {
    await world.close()
  }
}

export interface WarmPair {
  cold: Sample
  warm: Sample
}

/** The same inputs and cache-dir twice: the second run must answer from the cache alone. */
export async function warmCacheRuns(
  modules: ModuleVersion[],
  runs: number,
  candidate: 'healthy' | 'all'
): Promise<WarmPair[]> {
  return repeat(runs, async () => {
    // A fresh world each time: the one-off 503 must be fresh for the cold run.
    const world = await startMixedWorld(modules)
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-bench-cache-'))
    try {
      const extra = { cache: 'true', 'cache-dir': cacheDir }
      const inputs =
        candidate === 'all'
          ? { ...mixedInputs(world), ...extra }
          : oneCandidate(world, 'healthy', extra)
      const cold = await measure(world, inputs)
      const warm = await measure(world, inputs)
      return { cold, warm }
    } finally {
      await Promise.all([world.close(), rm(cacheDir, { recursive: true, force: true })])
    }
  })
}

export interface ScalePoint {
  candidates: number
  samples: Sample[]
}

export const SCALE_INPUTS = {
  checks: 'quick',
  // One module @latest: @v/list, then @latest, then the .info of the version: three requests,
  // each waiting for the one before, so a candidate holds one request slot at a time.
  'probe-modules': 'example.com/hello',
  concurrency: '8',
  cache: 'false'
} as const

/** N healthy candidates, each `delayMs` away (0: loopback), for each N of `sizes`. */
export async function scaleRuns(
  modules: ModuleVersion[],
  sizes: number[],
  delayMs: number,
  runs: number
): Promise<ScalePoint[]> {
  const points: ScalePoint[] = []
  for (const size of sizes) {
    const world = await startHealthyWorld(modules, size, delayMs)
    try {
      const inputs = { ...SCALE_INPUTS, proxies: world.candidates.map(c => c.url).join('|') }
      const samples = await repeat(runs, () => measure(world, inputs))
      const wrong = samples.find(s => s.usable.length !== size || s.usable.some(u => !u))
      if (wrong)
        throw new Error(
          `scale ${size}: not every healthy candidate was judged usable (exit ${wrong.code})`
        )
      points.push({ candidates: size, samples })
    } finally {
      await world.close()
    }
  }
  return points
}
