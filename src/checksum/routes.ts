import type { Candidate, Plan } from '../config/plan.js'
import { directUrl, type GosumdbDatabase } from '../goenv/gosumdb.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import { redactUrl } from '../credentials/redact.js'
import { webJoin } from '../goenv/urlpath.js'
import { isUsable, type CandidateReport } from '../probe/types.js'

/** One way to reach the checksum database. */
export interface Route {
  kind: 'proxy' | 'direct' | 'explicit' | 'mirror'
  /** URL prefix of /lookup and /tile; may carry a proxy's credentials. */
  base: string
  /** Redacted, for reports. */
  label: string
  /** The proxy whose /sumdb/<name>/ this is. */
  candidate?: Candidate
}

/**
 * The routes Go itself would use: an explicit GOSUMDB URL (it bypasses proxies, as in the go
 * command), else each usable proxy that serves the database — or https://<name> if none does.
 */
export function firstRoutes(db: GosumdbDatabase, reports: CandidateReport[]): Route[] {
  if (db.url) return [route('explicit', db.url)]
  const viaProxies = reports
    .filter(r => isUsable(r.verdict) && r.sumdb === 'supported')
    .map(r => proxyRoute(r.candidate, db.name))
  return viaProxies.length > 0 ? viaProxies : [route('direct', directUrl(db))]
}

/**
 * The first of firstRoutes, once it is settled: no candidate before it in the list is still being
 * probed (`reportOf` is undefined for those), so none can come before it.
 */
export function settledFirstRoute(
  db: GosumdbDatabase,
  candidates: Candidate[],
  reportOf: (candidate: Candidate) => CandidateReport | undefined
): Route | undefined {
  if (db.url) return route('explicit', db.url)
  for (const candidate of candidates) {
    const report = reportOf(candidate)
    if (!report) return undefined
    if (isUsable(report.verdict) && report.sumdb === 'supported')
      return proxyRoute(candidate, db.name)
  }
  return route('direct', directUrl(db))
}

/** Where to turn when those fail: the database's own host (unless a URL was given), then `sumdb-mirrors`. */
export function fallbackRoutes(plan: Plan, db: GosumdbDatabase): Route[] {
  return [...(db.url ? [] : [route('direct', directUrl(db))]), ...mirrorRoutes(plan)]
}

export function mirrorRoutes(plan: Plan): Route[] {
  return plan.sumdbMirrors.map(url => route('mirror', url))
}

/**
 * The route the go command will take with this GOPROXY chain: the first proxy that serves the
 * database (Go asks each in turn), else — at the end of the list, or at `direct`/`off` —
 * https://<name>. An explicit URL in GOSUMDB is always used as it is.
 */
export function routeForChain(db: GosumdbDatabase, chain: CandidateReport[]): Route {
  if (db.url) return route('explicit', db.url)
  for (const report of chain) {
    const { entry } = report.candidate
    if (!isProxyEntry(entry)) break
    if (report.sumdb === 'supported') return proxyRoute(report.candidate, db.name)
  }
  return route('direct', directUrl(db))
}

/**
 * The chain entry whose /sumdb/ error (`failed`, tolerated because `|` followed it in the input
 * or `sumdb-mirrors` are given) leaves the go command no route to the database with this chain,
 * as modfetch.TryProxies walks the list for it (sumdb.go initBase): an error other than 404/410
 * ends the walk unless `|` follows it here, and outranks a later 404/410 or `off`; only a later
 * proxy that serves the database, or `direct`, gets past it. Go's lookups then all fail with
 * that error.
 */
export function routeBreaker(
  db: GosumdbDatabase,
  chain: CandidateReport[]
): CandidateReport | undefined {
  if (db.url) return undefined
  let failed: CandidateReport | undefined
  for (const report of chain) {
    const { entry } = report.candidate
    if (entry.kind === 'direct' || report.sumdb === 'supported') return undefined
    if (report.sumdb !== 'failed') continue
    failed ??= report
    if (!entry.fallBackOnError) break
  }
  return failed
}

function proxyRoute(candidate: Candidate, name: string): Route {
  const url = isProxyEntry(candidate.entry) ? candidate.entry.url : ''
  const base = webJoin(url, `sumdb/${name}`)
  return { kind: 'proxy', base, label: redactUrl(base), candidate }
}

function route(kind: Route['kind'], url: string): Route {
  return { kind, base: url, label: redactUrl(url) }
}
