import type { Candidate } from '../config/plan.js'
import type { HttpPhases } from '../http/types.js'

/** What a probe asks for: proxy-protocol endpoints, then checksum-database ones. */
export type Endpoint = 'list' | 'latest' | 'info' | 'mod' | 'zip' | 'supported' | 'lookup' | 'tile'

/** One probe: one request (after its retries) and what it proved. */
export interface ProbeRecord {
  endpoint: Endpoint
  /** `path@version` as probed (`@latest` before the version is known). */
  module: string
  /** Redacted URL. */
  url: string
  status?: number
  /** Time to the final attempt's response headers; undefined when there were none. */
  latencyMs?: number
  /** Time the final attempt took, body included (queueing and backoff not counted; 0 if never sent). */
  totalMs: number
  attempts: number
  ok: boolean
  /** One line a person can act on, when not ok. */
  problem?: string
  /** The failure was a timeout (the candidate then gets no further requests). */
  timedOut?: boolean
  /** Failed, but builds that pin their versions do not need it (a proxy that will not list). */
  tolerated?: boolean
  /** The proxy answered 429 or 503 with Retry-After: how long it asked us to wait. */
  rateLimited?: { retryAfterMs: number }
  /** The candidate's circuit breaker cut this request short (or refused to send it). */
  breakerOpen?: boolean
  /** Where the final attempt's time went (DNS, connect, TLS, first byte, transfer); none for file://. */
  phases?: HttpPhases
}

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
  /** Whether the proxy serves the checksum database at /sumdb/<name>/ (asked when it matters). */
  sumdb?: 'supported' | 'unsupported'
  /** What it answered for files of the build (`path@version mod|zip` → answer), when asked. */
  buildAnswers?: Record<string, BuildAnswer>
}

/**
 * What a proxy answered for one file of the build. `missing` (404/410) lets Go move on to the
 * next entry; `failed` only across `|`; `contradicts` is content that does not hash to go.sum.
 */
export interface BuildAnswer {
  kind: 'served' | 'missing' | 'failed' | 'contradicts'
  /** One line a person can act on (the request and what was wrong), unless served. */
  problem?: string
}

export function isUsable(verdict: Verdict): boolean {
  return verdict === 'healthy' || verdict === 'degraded'
}
