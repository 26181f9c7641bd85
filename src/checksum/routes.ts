import type { Candidate, Plan } from '../config/plan.js'
import { directUrl, type GosumdbDatabase } from '../goenv/gosumdb.js'
import { redactUrl } from '../goenv/redact.js'
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
 * Every route worth proving: an explicit GOSUMDB URL bypasses proxies, as in the go command;
 * otherwise each usable proxy that serves the database, and https://<name> itself. The
 * `sumdb-mirrors` come last: they stand in when the route Go would take fails.
 */
export function routesToCheck(plan: Plan, db: GosumdbDatabase, reports: CandidateReport[]): Route[] {
  const mirrors = plan.sumdbMirrors.map(url => route('mirror', url))
  if (db.url) return [route('explicit', db.url), ...mirrors]
  const viaProxies = reports
    .filter(r => isUsable(r.verdict) && r.sumdb === 'supported')
    .map(r => proxyRoute(r.candidate, db.name))
  return [...viaProxies, route('direct', directUrl(db)), ...mirrors]
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
    if (entry.kind === 'direct' || entry.kind === 'off') break
    if (report.sumdb === 'supported') return proxyRoute(report.candidate, db.name)
  }
  return route('direct', directUrl(db))
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.kind === b.kind && a.base === b.base
}

function proxyRoute(candidate: Candidate, name: string): Route {
  const url = candidate.entry.kind === 'proxy' || candidate.entry.kind === 'file' ? candidate.entry.url : ''
  const base = `${url.replace(/\/+$/, '')}/sumdb/${name}`
  return { kind: 'proxy', base, label: redactUrl(base), candidate }
}

function route(kind: Route['kind'], url: string): Route {
  return { kind, base: url, label: redactUrl(url) }
}
