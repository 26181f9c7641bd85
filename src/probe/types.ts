import type { Candidate } from '../config/plan.js'
import type { ProbeRecord } from '../http/record.js'
import type { GoModSummary } from '../build/requires.js'

/**
 * Who records a finding. Within one level, findings are ranked in this order (then in the order
 * they were recorded), so a candidate's reason never depends on which stage finished first.
 */
export const STAGES = ['contact', 'probe', 'sumdb', 'build', 'route', 'staleness'] as const
export type Stage = (typeof STAGES)[number]

/**
 * Ranked from worst to best: a candidate's verdict is the worst level among its findings, healthy
 * when there is none. `skipped` is only ever a candidate's one finding (an entry not probed).
 */
export const LEVELS = ['tampered', 'unhealthy', 'degraded', 'healthy', 'skipped'] as const
export type Verdict = (typeof LEVELS)[number]

/** What one stage established about a candidate; a verdict is decided from these alone. */
export interface Finding {
  stage: Stage
  level: Exclude<Verdict, 'healthy'>
  /** One line a person can act on. */
  reason: string
}

/** What a candidate served for one module version, for the integrity checks. */
export interface ServedContent {
  path: string
  version: string
  goMod?: Buffer
  /** h1: of the zip, when `checks: full` downloaded and read it. */
  zipHash?: string
}

export interface CandidateReport {
  candidate: Candidate
  /** Decided from `findings` by settleVerdict alone; stages only ever add findings. */
  verdict: Verdict
  reason: string
  findings: Finding[]
  /** Median time to response headers over the successful probes. */
  latencyMs?: number
  checksPassed: number
  checksTotal: number
  /** Attempts beyond the first, over all probes. */
  retries: number
  probes: ProbeRecord[]
  /** Module path → the version the candidate's @latest (or list) resolved to. */
  latest: Record<string, string>
  served: ServedContent[]
  /** Set when the verdict came from the cache instead of the network. */
  cached?: { ageMs: number; storedAt: number }
  breaker?: 'closed' | 'open' | 'half-open'
  /**
   * Whether the proxy serves the checksum database at /sumdb/<name>/ (asked when it matters):
   * `failed` is another error, tolerated only with `|` after the entry or `sumdb-mirrors` given.
   */
  sumdb?: SumdbSupport
  /** What it answered for files of the build (`path@version mod|zip` → answer), when asked. */
  buildAnswers?: Record<string, BuildAnswer>
}

/**
 * A proxy's answer to /sumdb/<name>/supported: 200, 404/410, or another error. Across `|` Go moves
 * on from `failed` to the next entry for the database (modfetch.TryProxies); a sumdb mirror,
 * exported with its URL, takes Go past it too.
 */
export type SumdbSupport = 'supported' | 'unsupported' | 'failed'

/**
 * What a proxy answered for one file of the build. `missing` (404/410) lets Go move on to the
 * next entry; `failed` only across `|` (unless `stopsGo`); `contradicts` is content that does not
 * hash to go.sum (or, with no line, to the checksum database's record); `unverified`, served with
 * no go.sum line and no record the database would give for it: the go command fails the download
 * whichever entry served it. Not the proxy's fault, so never cached.
 */
export interface BuildAnswer {
  kind: 'served' | 'missing' | 'failed' | 'contradicts' | 'unverified'
  /** One line a person can act on (the request and what was wrong), unless served. */
  problem?: string
  /** A served go.mod that hashes to its go.sum line: what it adds to the module graph. */
  goMod?: GoModSummary
  /**
   * A failure the go command stops at even across `|`: no answer within the timeout (Go has no
   * deadline) or a zip that is not a good zip (Go checks it after the fetch).
   */
  stopsGo?: boolean
  /** A served query (a version a main go.mod spells as one): the version it resolves to. */
  resolved?: string
}

export function isUsable(verdict: Verdict): boolean {
  return verdict === 'healthy' || verdict === 'degraded'
}
