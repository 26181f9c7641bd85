import type { Candidate } from '../config/plan.js'

export type Verdict = 'healthy' | 'degraded' | 'unhealthy' | 'tampered' | 'skipped'

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
  verdict: Verdict
  reason: string
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
  /** The go.sum cross-check: module versions compared, and how many did not match. */
  goSum?: { checked: number; mismatches: number }
}

export function isUsable(verdict: Verdict): boolean {
  return verdict === 'healthy' || verdict === 'degraded'
}
