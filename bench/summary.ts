/** Medians and spreads of the raw runs, in the shape the report and --json print. Pure. */
import type { Sample, ScalePoint, SingleResults, WarmPair } from './scenarios.js'
import { rightVerdicts, type CandidateVerdict, type SweepResult } from './sweeps.js'
import type { Arrival } from './world.js'

export interface Spread {
  median: number
  min: number
  max: number
  n: number
}

export function spread(values: number[]): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length }
}

const MIB = 1024

export interface CandidateRow {
  name: string
  truth: boolean
  /** The verdict in every run, or 'varies'. */
  usable: boolean | 'varies'
  said: string
  ms: Spread
  requests: Spread
  /** A only: when the persona's last request arrived, from the spawn. */
  lastRequestMs: Spread
}

export interface SweepSummary {
  id: string
  title: string
  budgetMs?: number
  wallMs: Spread
  requests: Spread
  maxRssMiB: Spread
  right: Spread
  total: number
  candidates: CandidateRow[]
}

export function summarizeSweep(sweep: SweepResult): SweepSummary {
  const { runs } = sweep
  const first = runs[0]
  const candidates = first.candidates.map((c, i): CandidateRow => {
    const verdicts = new Set(runs.map(r => r.candidates[i].usable))
    return {
      name: c.name,
      truth: c.truth,
      usable: verdicts.size === 1 ? c.usable : 'varies',
      said: c.said,
      ms: spread(
        runs.flatMap(r => (r.candidates[i].ms === undefined ? [] : [r.candidates[i].ms as number]))
      ),
      requests: spread(runs.map(r => r.candidates[i].requests)),
      lastRequestMs: spread(runs.flatMap(r => lastArrival(r.candidates[i]) ?? []))
    }
  })
  return {
    id: sweep.id,
    title: sweep.title,
    budgetMs: sweep.budgetMs,
    wallMs: spread(runs.map(r => r.wallMs)),
    requests: spread(runs.map(r => r.requests)),
    maxRssMiB: spread(runs.map(r => r.maxRssKiB / MIB)),
    right: spread(runs.map(rightVerdicts)),
    total: first.candidates.length,
    candidates
  }
}

export interface SampleSummary {
  wallMs: Spread
  bootMs: Spread
  loadMs: Spread
  workMs: Spread
  engineMs: Spread
  maxRssMiB: Spread
  heapTotalMiB: Spread
  heapUsedMiB: Spread
  requests: Spread
  /** Exit codes seen, and verdicts (usable or not) of the first run. */
  codes: number[]
  usable: boolean[]
}

export function summarizeSamples(samples: Sample[]): SampleSummary {
  return {
    wallMs: spread(samples.map(s => s.wallMs)),
    bootMs: spread(samples.map(s => s.bootMs)),
    loadMs: spread(samples.map(s => s.loadMs)),
    workMs: spread(samples.map(s => s.workMs)),
    engineMs: spread(samples.flatMap(s => (s.engineMs === undefined ? [] : [s.engineMs]))),
    maxRssMiB: spread(samples.map(s => s.maxRssKiB / MIB)),
    heapTotalMiB: spread(samples.map(s => s.peakHeapTotalKiB / MIB)),
    heapUsedMiB: spread(samples.map(s => s.peakHeapUsedKiB / MIB)),
    requests: spread(samples.map(s => s.requests)),
    codes: [...new Set(samples.map(s => s.code ?? -1))],
    usable: samples[0]?.usable ?? []
  }
}

export interface WarmSummary {
  cold: SampleSummary
  warm: SampleSummary
  cacheHit: string[]
}

export function summarizeWarm(pairs: WarmPair[]): WarmSummary {
  return {
    cold: summarizeSamples(pairs.map(p => p.cold)),
    warm: summarizeSamples(pairs.map(p => p.warm)),
    cacheHit: [...new Set(pairs.map(p => p.warm.outputs['cache-hit'] ?? ''))]
  }
}

export interface ScaleRow extends SampleSummary {
  candidates: number
  rounds: number
  /** rounds × the one-candidate time. */
  modelMs: number
  /** (measured engine time − model) / model. */
  deviation: number
}

export interface ScaleSummary {
  delayMs: number
  concurrency: number
  /** Median engine time of one candidate: the model's unit. */
  oneCandidateMs: number
  rows: ScaleRow[]
  /** Growth of the median peak RSS per added candidate, from the smallest to the largest list. */
  rssPerCandidateMiB: number
}

export function summarizeScale(
  points: ScalePoint[],
  delayMs: number,
  concurrency: number
): ScaleSummary {
  const summaries = points.map(p => ({ candidates: p.candidates, ...summarizeSamples(p.samples) }))
  const one = summaries.find(s => s.candidates === 1)
  const oneCandidateMs = one?.engineMs.median ?? NaN
  const rows = summaries.map((s): ScaleRow => {
    const rounds = Math.ceil(s.candidates / concurrency)
    const modelMs = rounds * oneCandidateMs
    return { ...s, rounds, modelMs, deviation: (s.engineMs.median - modelMs) / modelMs }
  })
  const small = rows[0]
  const large = rows[rows.length - 1]
  const added = large && small ? large.candidates - small.candidates : 0
  const rssPerCandidateMiB =
    added > 0 ? (large.maxRssMiB.median - small.maxRssMiB.median) / added : NaN
  return { delayMs, concurrency, oneCandidateMs, rows, rssPerCandidateMiB }
}

export interface SingleSummary {
  healthy: SampleSummary
  invalidInput: SampleSummary
  endless: SampleSummary
  hang: SampleSummary
}

export function summarizeSingle(single: SingleResults): SingleSummary {
  return {
    healthy: summarizeSamples(single.healthy),
    invalidInput: summarizeSamples(single.invalidInput),
    endless: summarizeSamples(single.endless),
    hang: summarizeSamples(single.hang)
  }
}

function lastArrival(c: CandidateVerdict): number | undefined {
  return c.arrivals?.length ? Math.max(...c.arrivals.map(a => a.atMs)) : undefined
}

export interface CriticalPath {
  /** The usable persona whose last probe came latest: the verdict the run waited for longest. */
  name: string
  /** Its probes (the proxy protocol's requests; the database's go through a proxy too). */
  arrivals: Arrival[]
  wallMs: number
  /** The checksum database's requests of the run, through any persona: first lookup, last one. */
  database?: { firstLookupMs: number; lastMs: number }
}

const DATABASE = new Set(['lookup', 'tile'])

function probesOf(c: CandidateVerdict): Arrival[] {
  return (c.arrivals ?? []).filter(a => !DATABASE.has(a.endpoint))
}

/**
 * In A's median run, the usable persona probed last, with its probes' arrival times: its chain
 * of round trips is the run's critical path (beside the hung persona's one timeout).
 */
export function criticalPath(sweep: SweepResult): CriticalPath | undefined {
  const runs = [...sweep.runs].sort((a, b) => a.wallMs - b.wallMs)
  const run = runs[(runs.length - 1) >> 1]
  const usable = run?.candidates.filter(c => c.truth)
  if (!run || !usable?.length) return undefined
  const lastProbe = (c: CandidateVerdict): number => Math.max(-1, ...probesOf(c).map(a => a.atMs))
  const slowest = usable.reduce((m, c) => (lastProbe(c) > lastProbe(m) ? c : m))
  const database = run.candidates.flatMap(c =>
    (c.arrivals ?? []).filter(a => DATABASE.has(a.endpoint))
  )
  const lookups = database.filter(a => a.endpoint === 'lookup').map(a => a.atMs)
  return {
    name: slowest.name,
    arrivals: probesOf(slowest),
    wallMs: run.wallMs,
    database:
      lookups.length > 0
        ? { firstLookupMs: Math.min(...lookups), lastMs: Math.max(...database.map(a => a.atMs)) }
        : undefined
  }
}
