import type { Clock } from '../clock.js'
import type { Candidate, Plan, ProbeModule } from '../config/plan.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import type { HttpGet } from '../http/types.js'
import type { EntryStore } from '../cache/local-store.js'
import { createLimiter, type Logger } from '../resilience/policy.js'
import { planBreaker } from '../resilience/plan-breaker.js'
import { probeCandidate, verdictOnly } from './candidate.js'
import type { CandidateReport } from './types.js'
import { lookupVerdict, storeVerdict, verdictKey } from '../cache/verdicts.js'

export interface EngineDeps {
  http: HttpGet
  clock: Clock
  log: Logger
  /** Verdict cache; absent when `cache: false`. */
  store?: EntryStore
  /**
   * Told each candidate's report as soon as its own probes end, before the checksum database and
   * the build have had their say (its verdict may still get worse, never better).
   */
  onProbed?: (report: CandidateReport) => void
}

export interface SkippedModule {
  module: string
  reason: string
}

export interface ProbeResult {
  reports: CandidateReport[]
  /** Probe modules no proxy is asked for (GONOPROXY: the go command fetches them direct). */
  skippedModules: SkippedModule[]
  limit: Limit
  /** Stores the fresh verdicts, once later stages (the checksum database) have had their say. */
  remember(): Promise<void>
}

type Limit = ReturnType<typeof createLimiter>

interface Probed {
  report: CandidateReport
  remember?: () => Promise<void>
}

/** Probes every candidate side by side and returns one report each, in the plan's order. */
/**
 * Probes every candidate side by side and returns one report each, in the plan's order. `scope`
 * names what else a verdict depends on (see verdictScope), so the cache never serves a verdict
 * reached under other settings.
 */
export async function probeAll(plan: Plan, deps: EngineDeps, scope: string): Promise<ProbeResult> {
  const modules = plan.modules.filter(m => !matchPrefixPatterns(plan.patterns.gonoproxy, m.path))
  const skippedModules = plan.modules
    .filter(m => !modules.includes(m))
    .map(m => ({
      module: m.text,
      reason: 'matches GONOPROXY: the go command fetches it direct, never from a proxy'
    }))
  const limit = createLimiter(plan.concurrency)
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
    return admit(() => probeWithCache(candidate, base, plan, { modules, scope }, deps, limit))
  }
  const probed = await Promise.all(
    plan.candidates.map(async candidate => {
      const one = await probeOne(candidate)
      deps.onProbed?.(one.report)
      return one
    })
  )
  const reports = probed.map(p => p.report)
  const remember = async (): Promise<void> =>
    void (await Promise.all(probed.map(p => p.remember?.())))
  return { reports, skippedModules, limit, remember }
}

async function probeWithCache(
  candidate: Candidate,
  base: string,
  plan: Plan,
  { modules, scope }: { modules: ProbeModule[]; scope: string },
  deps: EngineDeps,
  limit: Limit
): Promise<Probed> {
  const { store, clock, log } = deps
  const key = verdictKey(plan, candidate, modules, scope)
  const lookup = store ? await lookupVerdict(store, plan, candidate, key, clock.now()) : undefined
  if (lookup?.report) {
    log.debug(
      `${candidate.display}: verdict from cache (${Math.round((lookup.report.cached?.ageMs ?? 0) / 1000)} s old)`
    )
    return { report: lookup.report }
  }
  const breaker = planBreaker(plan, clock, lookup?.breaker)
  const retryAt = breaker.retryAt()
  if (breaker.state === 'open' && retryAt !== undefined && retryAt > clock.now()) {
    const reason = `circuit breaker open after repeated failures; next trial at ${new Date(retryAt).toISOString()}`
    return { report: { ...verdictOnly(candidate, 'unhealthy', reason), breaker: 'open' } }
  }
  const report = await probeCandidate(candidate, base, {
    http: deps.http,
    clock,
    limit,
    breaker,
    modules,
    checks: plan.checks,
    timeoutMs: plan.timeoutMs,
    slowMs: plan.slowThresholdMs,
    retries: plan.retries,
    sumdbName: sumdbToAsk(plan)
  })
  const remember =
    store && lookup && (() => storeVerdict(store, key, report, breaker.snapshot(), clock.now()))
  return { report, remember }
}

/** The database name to ask proxies about, when content is verified and no URL bypasses them. */
function sumdbToAsk(plan: Plan): string | undefined {
  const db = plan.gosumdb
  return plan.checks !== 'quick' && db.kind === 'db' && !db.url ? db.name : undefined
}
