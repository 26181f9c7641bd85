/**
 * Medians and targets of the whole-process series: start-up against `node -e 0`, and a real
 * build's go.sum against the request model and `go mod download`. Pure.
 */
import { spreadText } from './format.js'
import type { GosumPoint, GosumRun } from './gosum.js'
import type { Phase, StartupKind, StartupResults } from './startup.js'
import { spread, type Spread } from './summary.js'
import type { Target } from './targets.js'

const MIB = 1024

export interface StartupRow {
  wallMs: Spread
  /** Median wall time over the median of `node -e 0`. */
  ratio: number
  requests: Spread
  codes: number[]
  cacheHit: string[]
}

export interface StartupSummary {
  node: string
  shellNodeVariables: string[]
  nodeVersion: string
  rounds: number
  rows: Record<StartupKind, StartupRow>
  phases: Phase[]
  phasesWallMs: number
}

export function summarizeStartup(r: StartupResults, nodeVersion: string): StartupSummary {
  const base = spread(r.runs.node.map(x => x.wallMs)).median
  const row = (kind: StartupKind): StartupRow => {
    const runs = r.runs[kind]
    const wallMs = spread(runs.map(x => x.wallMs))
    return {
      wallMs,
      ratio: wallMs.median / base,
      requests: spread(runs.map(x => x.requests)),
      codes: [...new Set(runs.map(x => x.code ?? -1))],
      cacheHit: [...new Set(runs.flatMap(x => (x.cacheHit === undefined ? [] : [x.cacheHit])))]
    }
  }
  const kinds = Object.keys(r.runs) as StartupKind[]
  return {
    node: r.node,
    shellNodeVariables: r.shellNodeVariables,
    nodeVersion,
    rounds: r.runs.node.length,
    rows: Object.fromEntries(kinds.map(k => [k, row(k)])) as Record<StartupKind, StartupRow>,
    phases: r.phases,
    phasesWallMs: r.phasesWallMs
  }
}

export interface GosumRow {
  modules: number
  delayMs: number
  roundTripMs: number
  concurrency: number
  requests: Spread
  /** requests ÷ concurrency × round trip, with the median request count. */
  modelMs: number
  wallMs: Spread
  engineMs: Spread
  /** (median wall − model) / model. */
  deviation: number
  maxRssMiB: Spread
  /** Requests by protocol file, first run. */
  byEndpoint: Record<string, number>
  /** Every run resolved every module version and exited 0. */
  allResolved: boolean
  go?: GosumRun
  /** go's wall time over the action's median. */
  goRatio?: number
}

export function summarizeGosum(points: GosumPoint[]): GosumRow[] {
  return points.map(p => {
    const requests = spread(p.action.map(r => r.requests))
    const wallMs = spread(p.action.map(r => r.wallMs))
    const modelMs = (requests.median / p.concurrency) * p.roundTripMs
    return {
      modules: p.modules,
      delayMs: p.delayMs,
      roundTripMs: p.roundTripMs,
      concurrency: p.concurrency,
      requests,
      modelMs,
      wallMs,
      engineMs: spread(p.action.flatMap(r => (r.engineMs === undefined ? [] : [r.engineMs]))),
      deviation: (wallMs.median - modelMs) / modelMs,
      maxRssMiB: spread(p.action.map(r => r.maxRssKiB / MIB)),
      byEndpoint: p.action[0]?.byEndpoint ?? {},
      allResolved: p.action.every(r => r.code === 0 && r.checked === p.modules && !r.unresolved),
      go: p.go,
      goRatio: p.go ? p.go.wallMs / wallMs.median : undefined
    }
  })
}

const STARTUP_LIMITS: { kind: StartupKind; limit: number; what: string }[] = [
  { kind: 'healthy', limit: 2.0, what: 'one healthy candidate on loopback' },
  { kind: 'warm', limit: 1.5, what: 'a warm-cache run' },
  { kind: 'inputError', limit: 1.3, what: 'an input error' }
]

const ms = (v: number): string => `${Math.round(v)} ms`
const s = (v: number): string => `${(v / 1000).toFixed(2)} s`
const check = (name: string, ok: boolean, measured: string): Target => ({
  name,
  status: ok ? 'PASS' : 'FAIL',
  measured
})

export function startupTargets(sum: StartupSummary | undefined): Target[] {
  return STARTUP_LIMITS.map(({ kind, limit, what }) => {
    const name = `startup: ${what} ≤ ${limit.toFixed(1)} × \`node -e 0\` (whole process)`
    if (!sum) return { name, status: 'SKIP' as const, measured: 'not run' }
    const row = sum.rows[kind]
    const node = sum.rows.node.wallMs.median
    const sane =
      kind === 'inputError' ? row.codes.every(c => c === 1) : row.codes.every(c => c === 0)
    const warmOk = kind !== 'warm' || (row.requests.max === 0 && row.cacheHit.join() === 'true')
    const measured = `${spreadText(row.wallMs, ms)} vs ${ms(node)}: ${row.ratio.toFixed(2)}×${sane && warmOk ? '' : ' (wrong outcome)'}`
    return check(name, row.ratio <= limit && sane && warmOk, measured)
  })
}

export const GOSUM_TOLERANCE = 0.25
export const GOSUM_GO_FACTOR = 5
export const GOSUM_RSS_LIMIT_MIB = 256

export function gosumTargets(rows: GosumRow[] | undefined): Target[] {
  if (!rows) return [{ name: 'go.sum of a real build', status: 'SKIP', measured: 'not run' }]
  return rows.flatMap(r => {
    const where = `go.sum of ${r.modules} module versions, 3 proxies ${r.delayMs} ms away`
    const out: Target[] = [
      check(
        `${where}: wall time ≤ ${GOSUM_TOLERANCE * 100}% above requests ÷ c × round trip`,
        r.allResolved && r.deviation <= GOSUM_TOLERANCE,
        `${spreadText(r.wallMs, s)} vs model ${s(r.modelMs)} (${Math.round(r.requests.median)} req ÷ ${r.concurrency} × ${r.roundTripMs.toFixed(1)} ms): ${r.deviation >= 0 ? '+' : ''}${(r.deviation * 100).toFixed(0)}%${r.allResolved ? '' : '; not every module resolved'}`
      ),
      check(
        `${where}: peak RSS < ${GOSUM_RSS_LIMIT_MIB} MiB`,
        r.maxRssMiB.max < GOSUM_RSS_LIMIT_MIB,
        `${r.maxRssMiB.max.toFixed(1)} MiB at most`
      )
    ]
    const goName = `${where}: ≥ ${GOSUM_GO_FACTOR}× faster than \`go mod download\` (empty module cache)`
    if (!r.go || r.goRatio === undefined)
      out.push({ name: goName, status: 'SKIP', measured: 'go not run' })
    else {
      const killed = r.go.killed ? ' (killed at its budget: at least this)' : ''
      const failed = r.go.code !== 0 && !r.go.killed ? ` (go failed: ${r.go.said})` : ''
      out.push(
        check(
          goName,
          r.goRatio >= GOSUM_GO_FACTOR,
          `go ${s(r.go.wallMs)}${killed} / action ${s(r.wallMs.median)} = ${r.goRatio.toFixed(1)}×${failed}`
        )
      )
    }
    return out
  })
}
