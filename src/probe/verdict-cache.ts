import { createHash } from 'node:crypto'
import type { Candidate, Plan, ProbeModule } from '../config/plan.js'
import { entryText } from '../goenv/proxylist.js'
import { cacheKey } from '../resilience/cache/key.js'
import type { EntryStore } from '../resilience/cache/local-store.js'
import type { BreakerSnapshot } from '../resilience/policy.js'
import type { CandidateReport } from './types.js'

/** What the cache keeps of a candidate: its report without content, and its breaker. */
export interface CachedVerdict {
  report: Omit<CandidateReport, 'candidate' | 'served' | 'cached'>
  breaker?: BreakerSnapshot
}

export interface CacheLookup {
  /** A verdict still valid: use it and send no request. */
  report?: CandidateReport
  /** The breaker as the last run left it, to restore (an open one gets a half-open trial). */
  breaker?: BreakerSnapshot
}

/**
 * Looks up a candidate's last verdict. Usable and tampered verdicts live for `cache-ttl`; a failed
 * one only until the breaker's cooldown ends (sooner if the TTL is shorter), so a recovered mirror
 * is tried again soon but a dead one is not hammered by every leg of a matrix.
 */
export async function lookupVerdict(
  store: EntryStore,
  plan: Plan,
  candidate: Candidate,
  key: string,
  now: number
): Promise<CacheLookup> {
  const entry = await store.read(key, isCachedVerdict)
  if (!entry) return {}
  const ageMs = Math.max(0, now - entry.storedAt)
  const { report, breaker } = entry.payload
  const failed = report.verdict === 'unhealthy'
  const lifetime = failed ? Math.min(plan.cache.ttlMs, plan.breaker.cooldownMs) : plan.cache.ttlMs
  if (ageMs < lifetime) {
    return {
      report: { ...report, candidate, served: [], cached: { ageMs, storedAt: entry.storedAt } }
    }
  }
  return { breaker }
}

export async function storeVerdict(
  store: EntryStore,
  key: string,
  report: CandidateReport,
  breaker: BreakerSnapshot | undefined,
  now: number
): Promise<void> {
  // Fresh probes only: re-storing a cached verdict would extend its life past the TTL.
  if (report.cached) return
  const { candidate: _candidate, served: _served, cached: _cached, ...rest } = report
  await store.write<CachedVerdict>(key, { report: rest, breaker }, now)
}

/**
 * What a verdict depends on besides the candidate: the modules actually asked (GONOPROXY
 * removes some), the timeout and retries (slow, degraded), the private patterns and the go.sum
 * lines it was checked against.
 */
export function verdictScope(plan: Plan, goSums: readonly object[]): string {
  const goSum = createHash('sha256').update(JSON.stringify(goSums)).digest('hex')
  const { timeoutMs, retries, patterns } = plan
  return JSON.stringify({ timeoutMs, retries, gonosumdb: patterns.gonosumdb, goSum })
}

/** The cache key of a candidate's verdict: its URL without credentials, and what was checked. */
export function verdictKey(
  plan: Plan,
  candidate: Candidate,
  modules: ProbeModule[],
  scope: string
): string {
  return cacheKey({
    url: entryText(candidate.entry),
    checks: plan.checks,
    modules: modules.map(m => m.text),
    gosumdb: plan.gosumdb.raw,
    extra: scope
  })
}

const VERDICTS = new Set(['healthy', 'degraded', 'unhealthy', 'tampered', 'skipped'])

function isCachedVerdict(value: unknown): value is CachedVerdict {
  const report = (value as CachedVerdict | null)?.report
  return (
    typeof report === 'object' &&
    report !== null &&
    VERDICTS.has(report.verdict) &&
    typeof report.reason === 'string' &&
    Array.isArray(report.probes) &&
    typeof report.latest === 'object'
  )
}
