import type { Endpoint, ProbeRecord } from '../http/record.js'
import { createHash } from 'node:crypto'
import type { Candidate, Plan, ProbeModule } from '../config/plan.js'
import { entryText } from '../goenv/proxylist.js'
import type { HttpPhases } from '../http/types.js'
import { cacheKey } from './key.js'
import { stripCredentials } from '../credentials/redact.js'
import { ageOf } from './entry.js'
import type { EntryStore } from './local-store.js'
import * as is from './schema.js'
import type { BreakerSnapshot } from '../resilience/breaker-state.js'
import type { GoModSummary } from '../build/requires.js'
import type { Build } from '../build/read.js'
import type { ZipFetched } from '../build/gosum.js'
import type { Clock } from '../clock.js'
import type { FreshVerdict, RecalledVerdict } from '../probe/engine.js'
import {
  LEVELS,
  STAGES,
  type BuildAnswer,
  type CandidateReport,
  type Finding
} from '../probe/types.js'

/** What the cache keeps of a candidate: its report without content, and its breaker. */
export interface CachedVerdict {
  report: Omit<CandidateReport, 'candidate' | 'served' | 'cached'>
  breaker?: BreakerSnapshot
}

/** The verdict cache of one run: what the probes recall, and where final verdicts are kept. */
export interface VerdictCache {
  recall(candidate: Candidate, modules: ProbeModule[]): Promise<RecalledVerdict>
  /** Keeps the run's fresh verdicts; called once, after every stage has had its say. */
  keep(fresh: FreshVerdict[], modules: ProbeModule[]): Promise<void>
}

export interface VerdictCacheOptions {
  /** What else a verdict depends on (see verdictScope). */
  scope: string
  clock: Clock
  /**
   * Which credentials a candidate's requests carry (none when absent); undefined for a URL whose
   * credentials are unknown before the first request: its verdicts are neither recalled nor kept.
   */
  credentialsOf?: (url: string) => string | undefined
}

export function verdictCache(
  store: EntryStore,
  plan: Plan,
  { scope, clock, credentialsOf }: VerdictCacheOptions
): VerdictCache {
  const key = (candidate: Candidate, modules: ProbeModule[]): string | undefined => {
    const credentials = credentialsOf ? credentialsOf(entryText(candidate.entry)) : 'none'
    return credentials === undefined
      ? undefined
      : verdictKey(plan, candidate, modules, scope, credentials)
  }
  return {
    recall: async (candidate, modules) => {
      const at = key(candidate, modules)
      return at === undefined ? {} : lookupVerdict(store, plan, candidate, at, clock.now())
    },
    keep: async (fresh, modules) => {
      const now = clock.now()
      await Promise.all(
        fresh.map(f => {
          const at = key(f.report.candidate, modules)
          return at && storeVerdict(store, at, f.report, f.breaker, now)
        })
      )
    }
  }
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
): Promise<RecalledVerdict> {
  const entry = await store.read(key, isCachedVerdict)
  const ageMs = entry && ageOf(entry, now)
  if (!entry || ageMs === undefined) return {}
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
 * What a verdict depends on besides the candidate: the other candidates and how they are chained
 * (staleness and the build walk judge one against the others), the sumdb mirrors (one that
 * passes takes Go past a proxy's failing /sumdb/), the modules actually asked (GONOPROXY removes
 * some), the timeout and retries (slow, degraded), the private patterns, the go.sum lines it was
 * checked against, the toolchains fetched (a chain is chosen to serve them: they follow
 * GOTOOLCHAIN and the platform), and the trust, forward proxy and GODEBUG of the job.
 */
export function verdictScope(
  plan: Plan,
  build: Pick<Build, 'modules' | 'modGraphs' | 'toolchains'>
): string {
  // The lines' content only, not where the files are: every leg of a matrix shares the verdicts.
  // With what go.mod makes of them: which zips a build fetches, and the graph it loads.
  const zipMark = (fetched: ZipFetched | undefined) =>
    fetched === false ? '-' : fetched === 'when-selected' ? '?' : ''
  const lines = build.modules.map(m =>
    [m.path, m.version, m.modHash ?? '', m.zipHash ?? '', zipMark(m.zipFetched)].join(' ')
  )
  const graphs = (build.modGraphs ?? []).map(g => [
    g.main ?? null,
    g.unpruned,
    g.roots,
    [...g.replacements],
    [...g.excluded],
    g.workspace ?? null
  ])
  const goSum = createHash('sha256')
    .update(lines.sort().join('\n'))
    .update(JSON.stringify(build.modGraphs ? graphs : null))
    .digest('hex')
  const { timeoutMs, slowThresholdMs, retries, patterns, checks, network, strategy } = plan
  // The whole list: a stale @latest, or a file the walk stops at, is judged against the others.
  const candidates = plan.candidates.map(c => [
    c.role,
    stripCredentials(entryText(c.entry)),
    c.entry.fallBackOnError
  ])
  return JSON.stringify({
    candidates,
    sumdbMirrors: plan.sumdbMirrors.map(stripCredentials),
    strategy,
    network,
    timeoutMs,
    slowThresholdMs,
    retries,
    checks,
    gonoproxy: patterns.gonoproxy,
    gonosumdb: patterns.gonosumdb,
    goSum,
    toolchains: build.toolchains
      .flatMap(t => (t.module ? [`${t.module.path}@${t.module.version}`] : []))
      .sort()
  })
}

/**
 * The cache key of a candidate's verdict: its URL without credentials, which credentials its
 * requests carry, and what was checked.
 */
export function verdictKey(
  plan: Plan,
  candidate: Candidate,
  modules: ProbeModule[],
  scope: string,
  credentials: string
): string {
  return cacheKey({
    url: entryText(candidate.entry),
    checks: plan.checks,
    modules: modules.map(m => m.text),
    gosumdb: plan.gosumdb.raw,
    extra: scope,
    credentials
  })
}

// The whole shape, so that a damaged entry is a miss here rather than a crash later.
const isProbeRecord = is.object<ProbeRecord>({
  endpoint: is.oneOfKeys<Endpoint>({
    list: 1,
    latest: 1,
    info: 1,
    mod: 1,
    zip: 1,
    supported: 1,
    lookup: 1,
    tile: 1
  }),
  module: is.string,
  url: is.string,
  status: is.optional(is.count),
  latencyMs: is.optional(is.milliseconds),
  totalMs: is.milliseconds,
  attempts: is.count,
  gaveWay: is.optional(is.count),
  ok: is.boolean,
  problem: is.optional(is.string),
  timedOut: is.optional(is.boolean),
  tolerated: is.optional(is.boolean),
  rateLimited: is.optional(is.object({ retryAfterMs: is.milliseconds })),
  breakerOpen: is.optional(is.boolean),
  phases: is.optional(
    is.object<HttpPhases>({
      dnsMs: is.optional(is.milliseconds),
      connectMs: is.optional(is.milliseconds),
      tlsMs: is.optional(is.milliseconds),
      firstByteMs: is.optional(is.milliseconds),
      transferMs: is.optional(is.milliseconds)
    })
  )
})

const isFinding = is.object<Finding>({
  stage: is.oneOf(STAGES),
  level: is.oneOf(LEVELS.filter((l): l is Finding['level'] => l !== 'healthy')),
  reason: is.string
})

const isCachedReport = is.object<CachedVerdict['report']>({
  verdict: is.oneOf(LEVELS),
  reason: is.string,
  findings: is.arrayOf(isFinding),
  latencyMs: is.optional(is.milliseconds),
  checksPassed: is.count,
  checksTotal: is.count,
  retries: is.count,
  probes: is.arrayOf(isProbeRecord),
  latest: is.recordOf(is.string),
  breaker: is.optional(is.oneOf(['closed', 'open', 'half-open'])),
  sumdb: is.optional(is.oneOf(['supported', 'unsupported', 'failed'])),
  buildAnswers: is.optional(
    is.recordOf(
      is.object<BuildAnswer>({
        kind: is.oneOf(['served', 'missing', 'failed', 'contradicts', 'unverified']),
        problem: is.optional(is.string),
        goMod: is.optional(
          is.object<GoModSummary>({ pruned: is.boolean, requires: is.arrayOf(is.string) })
        ),
        stopsGo: is.optional(is.boolean),
        resolved: is.optional(is.string)
      })
    )
  )
})

/** Exported for tests and for checks of a cache directory. */
export const isCachedVerdict = is.object<CachedVerdict>({
  report: isCachedReport,
  // restoreStart (breaker-state.ts) checks a snapshot in full and starts a closed breaker from
  // one that does not fit, so a damaged snapshot costs at most the breaker's memory.
  breaker: is.optional(is.checkedByItsReader<BreakerSnapshot>())
})
