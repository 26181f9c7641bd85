import type { Clock } from '../clock.js'
import type { Candidate, Plan, ProbeModule } from '../config/plan.js'
import { netrcCredentials, type NetrcEntry } from '../goenv/netrc.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import { compare } from '../goenv/semver.js'
import { withFileUrls } from '../http/file.js'
import type { Credentials, HttpGet } from '../http/types.js'
import type { EntryStore } from '../resilience/cache/local-store.js'
import { createBreaker, createLimiter, type Logger } from '../resilience/policy.js'
import { probeCandidate, skipped } from './candidate.js'
import type { CandidateReport } from './types.js'
import { markStale } from './verdict.js'
import { lookupVerdict, storeVerdict } from './verdict-cache.js'

export interface EngineDeps {
  http: HttpGet
  clock: Clock
  log: Logger
  /** Verdict cache; absent when `cache: false`. */
  store?: EntryStore
  netrc?: NetrcEntry[]
}

export interface SkippedModule {
  module: string
  reason: string
}

export interface ProbeResult {
  reports: CandidateReport[]
  /** Probe modules no proxy is asked for (GONOPROXY: the go command fetches them direct). */
  skippedModules: SkippedModule[]
}

/** Probes every candidate side by side and returns one report each, in the plan's order. */
export async function probeAll(plan: Plan, deps: EngineDeps): Promise<ProbeResult> {
  const modules = plan.modules.filter(m => !matchPrefixPatterns(plan.patterns.gonoproxy, m.path))
  const skippedModules = plan.modules
    .filter(m => !modules.includes(m))
    .map(m => ({ module: m.text, reason: 'matches GONOPROXY: the go command fetches it direct, never from a proxy' }))
  const limit = createLimiter(plan.concurrency)
  const http = withFileUrls(deps.http)
  const reports = await Promise.all(
    plan.candidates.map(candidate =>
      modules.length === 0 && candidate.entry.kind !== 'direct' && candidate.entry.kind !== 'off'
        ? skipped(candidate, 'every probe module matches GONOPROXY: nothing to ask this proxy')
        : probeWithCache(candidate, plan, modules, { ...deps, http }, limit)
    )
  )
  markStale(reports.filter(r => !r.cached), compare)
  return { reports, skippedModules }
}

async function probeWithCache(
  candidate: Candidate,
  plan: Plan,
  modules: ProbeModule[],
  deps: EngineDeps,
  limit: ReturnType<typeof createLimiter>
): Promise<CandidateReport> {
  const { store, clock, log } = deps
  const lookup = store ? await lookupVerdict(store, plan, candidate, clock.now()) : undefined
  if (lookup?.report) {
    log.debug(`${candidate.display}: verdict from cache (${Math.round((lookup.report.cached?.ageMs ?? 0) / 1000)} s old)`)
    return lookup.report
  }
  const breaker = createBreaker(plan.breaker, lookup?.breaker)
  const retryAt = breaker.retryAt()
  if (breaker.state === 'open' && retryAt !== undefined && retryAt > clock.now()) {
    return {
      ...skipped(candidate, `circuit breaker open after repeated failures; next trial at ${new Date(retryAt).toISOString()}`),
      verdict: 'unhealthy',
      breaker: 'open'
    }
  }
  const report = await probeCandidate(candidate, {
    http: deps.http,
    clock,
    limit,
    breaker,
    modules,
    checks: plan.checks,
    timeoutMs: plan.timeoutMs,
    retries: plan.retries,
    credentials: credentialsFor(candidate, deps.netrc)
  })
  if (store && lookup) await storeVerdict(store, lookup.key, report, breaker.snapshot(), clock.now())
  return report
}

/** netrc credentials for a proxy whose URL carries none, as the go command looks them up by host. */
function credentialsFor(candidate: Candidate, netrc: NetrcEntry[] | undefined): Credentials | undefined {
  if (!netrc || candidate.entry.kind !== 'proxy') return undefined
  const url = new URL(candidate.entry.url)
  if (url.username) return undefined
  const found = netrcCredentials(netrc, url.hostname)
  return found && { username: found.login, password: found.password }
}
