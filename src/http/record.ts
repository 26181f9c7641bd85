import type { HttpPhases } from './types.js'

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
  /**
   * Sends beside the first contact that were cut short before their answer, to free a request
   * slot for a request that was due (the proxy may or may not have received them); not counted
   * in `attempts`: the request was sent again.
   */
  gaveWay?: number
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

/** One line naming the request and what was wrong with it. */
export function probeReason(record: ProbeRecord): string {
  return `GET ${record.url} → ${record.problem ?? `${record.status ?? ''} ok`.trim()}`
}
