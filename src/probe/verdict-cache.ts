import type { Candidate, Plan } from '../config/plan.js'
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
  key: string
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
  now: number
): Promise<CacheLookup> {
  const key = verdictKey(plan, candidate)
  const entry = await store.read(key, isCachedVerdict)
  if (!entry) return { key }
  const ageMs = Math.max(0, now - entry.storedAt)
  const { report, breaker } = entry.payload
  const failed = report.verdict === 'unhealthy'
  const lifetime = failed ? Math.min(plan.cache.ttlMs, plan.breaker.cooldownMs) : plan.cache.ttlMs
  if (ageMs < lifetime) {
    return {
      key,
      report: { ...report, candidate, served: [], cached: { ageMs, storedAt: entry.storedAt } }
    }
  }
  return { key, breaker }
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

function verdictKey(plan: Plan, candidate: Candidate): string {
  const url =
    candidate.entry.kind === 'proxy' || candidate.entry.kind === 'file'
      ? candidate.entry.url
      : candidate.entry.kind
  return cacheKey({
    url,
    checks: plan.checks,
    modules: plan.modules.map(m => m.text),
    gosumdb: plan.gosumdb.raw
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
