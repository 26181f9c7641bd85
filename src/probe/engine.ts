import type { Clock } from '../clock.js'
import type { Candidate, Plan, ProbeModule } from '../config/plan.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import type { HttpGet } from '../http/types.js'
import { createLimiter } from '../resilience/limiter.js'
import type { Logger } from '../logger.js'
import { planBreaker } from '../resilience/plan-breaker.js'
import { probeCandidate, verdictOnly } from './candidate.js'
import type { BreakerSnapshot } from '../resilience/breaker-state.js'
import type { Limit } from '../resilience/limiter.js'
import type { CandidateReport } from './types.js'

/** A candidate's last verdict, as the verdict cache holds it. */
export interface RecalledVerdict {
  /** A verdict still valid: use it and send no request. */
  report?: CandidateReport
  /** The breaker as the last run left it, to restore (an open one gets a half-open trial). */
  breaker?: BreakerSnapshot
}

/** What one run shares with the probes, made once by validate(). */
export interface ProbeRun {
  http: HttpGet
  clock: Clock
  log: Logger
  /** The run's one limit on requests in flight. */
  limit: Limit
  /** The candidate's last verdict, when a verdict cache is kept. */
  recall?: (candidate: Candidate, modules: ProbeModule[]) => Promise<RecalledVerdict>
  onProbed?: (report: CandidateReport) => void
}

export interface SkippedModule {
  module: string
  reason: string
}

/** A verdict reached by this run's probes, for the cache once it is final. */
export interface FreshVerdict {
  report: CandidateReport
  breaker: BreakerSnapshot
}

export interface ProbeResult {
  reports: CandidateReport[]
  /** The probe modules proxies were asked for (GONOPROXY removes some). */
  modules: ProbeModule[]
  /** Probe modules no proxy is asked for (GONOPROXY: the go command fetches them direct). */
  skippedModules: SkippedModule[]
  /** The candidates probed this run (not served from the cache), with their breakers. */
  fresh: FreshVerdict[]
}

interface Probed {
  report: CandidateReport
  breaker?: BreakerSnapshot
}

/**
 * Probes every candidate side by side and returns one report each, in the plan's order. A
 * candidate whose verdict the cache still holds gets no request.
 */
export async function probeAll(plan: Plan, run: ProbeRun): Promise<ProbeResult> {
  const modules = plan.modules.filter(m => !matchPrefixPatterns(plan.patterns.gonoproxy, m.path))
  const skippedModules = plan.modules
    .filter(m => !modules.includes(m))
    .map(m => ({
      module: m.text,
      reason: 'matches GONOPROXY: the go command fetches it direct, never from a proxy'
    }))
  // Candidates enter a few at a time: a list of a thousand holds the state of a handful at once,
  // while each candidate's requests still wait only for the overall request limit.
  const admit = createLimiter(Math.max(4, 2 * plan.concurrency))
  const probeOne = (candidate: Candidate): Probed | Promise<Probed> => {
    if (!isProxyEntry(candidate.entry)) {
      const reason = `${candidate.entry.kind}: not a proxy, nothing to probe`
      return { report: verdictOnly(candidate, 'skipped', reason) }
    }
    if (modules.length === 0) {
      const reason = 'every probe module matches GONOPROXY: nothing to ask this proxy'
      return { report: verdictOnly(candidate, 'skipped', reason) }
    }
    const base = candidate.entry.url
    return admit(() => probeWithCache(candidate, base, plan, modules, run))
  }
  const probed = await Promise.all(
    plan.candidates.map(async candidate => {
      const one = await probeOne(candidate)
      run.onProbed?.(one.report)
      return one
    })
  )
  const fresh = probed.flatMap(p => (p.breaker ? [{ report: p.report, breaker: p.breaker }] : []))
  return { reports: probed.map(p => p.report), modules, skippedModules, fresh }
}

async function probeWithCache(
  candidate: Candidate,
  base: string,
  plan: Plan,
  modules: ProbeModule[],
  run: ProbeRun
): Promise<Probed> {
  const { clock, log } = run
  const recalled = (await run.recall?.(candidate, modules)) ?? {}
  if (recalled.report) {
    log.debug(
      `${candidate.display}: verdict from cache (${Math.round((recalled.report.cached?.ageMs ?? 0) / 1000)} s old)`
    )
    return { report: recalled.report }
  }
  const breaker = planBreaker(plan, clock, recalled.breaker)
  const retryAt = breaker.retryAt()
  if (breaker.state === 'open' && retryAt !== undefined && retryAt > clock.now()) {
    const reason = `circuit breaker open after repeated failures; next trial at ${new Date(retryAt).toISOString()}`
    return { report: { ...verdictOnly(candidate, 'unhealthy', reason), breaker: 'open' } }
  }
  const report = await probeCandidate(candidate, base, {
    http: run.http,
    clock,
    limit: run.limit,
    breaker,
    modules,
    checks: plan.checks,
    timeoutMs: plan.timeoutMs,
    slowMs: plan.slowThresholdMs,
    retries: plan.retries,
    sumdbName: sumdbToAsk(plan),
    sumdbMirrored: plan.sumdbMirrors.length > 0
  })
  return { report, breaker: breaker.snapshot() }
}

/** The database name to ask proxies about, when content is verified and no URL bypasses them. */
function sumdbToAsk(plan: Plan): string | undefined {
  const db = plan.gosumdb
  return plan.checks !== 'quick' && db.kind === 'db' && !db.url ? db.name : undefined
}
