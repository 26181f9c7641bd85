import type { Plan } from '../config/plan.js'
import { TOOLCHAIN_MODULE, type GosumdbDatabase } from '../goenv/gosumdb.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import { recordFinding, settleVerdict } from '../probe/findings.js'
import { probeReason } from '../http/record.js'
import { isUsable, type CandidateReport } from '../probe/types.js'
import { compareServed } from './compare.js'
import type { DbRecord, ModuleVersion } from './route-proof.js'
import {
  RouteChecker,
  RouteSessions,
  type IntegrityDeps,
  type RouteReport
} from './route-checker.js'
import { fallbackRoutes, firstRoutes, routeBreaker, type Route } from './routes.js'

/** What the checksum database said, before the chain (and so Go's route) is chosen. */
export interface IntegrityCheck {
  status: 'checked' | 'off' | 'not-checked'
  reason: string
  db?: GosumdbDatabase
  /** Proves further routes on demand (the one Go takes with the chosen chain, sumdb mirrors). */
  checker?: RouteChecker
  /** Module versions the database proved, with their hashes. */
  records: DbRecord[]
  /** Module versions it has no record of. */
  unknown: ModuleVersion[]
  /**
   * The route that gave the records, and its verdict: further lookups take that route, and their
   * trees must extend the one it proved (see recordLookup).
   */
  trusted?: RouteReport
}

/**
 * Proves the probed content against the checksum database: a candidate whose .mod or .zip differs
 * from the signed record gets a `tampered` finding, one that served a version the database does
 * not know an `unhealthy` one. One route that passes gives the truth: the routes Go would use first (an explicit
 * URL, else the proxies that serve the database), then https://<name> and the sumdb mirrors only
 * when those fail. Whether the chosen chain's own route works is decided later, in decideGosumdb.
 * Modules matching GONOSUMDB are never looked up: the database must not learn private paths.
 * `alsoLookUp` names versions to prove that no candidate served yet (the build's toolchain).
 * `sessions` carries the answers of lookups started ahead (see lookupsAhead), if any.
 */
export async function checkIntegrity(
  plan: Plan,
  reports: CandidateReport[],
  deps: IntegrityDeps,
  alsoLookUp: ModuleVersion[] = [],
  sessions?: RouteSessions
): Promise<IntegrityCheck> {
  const none = { records: [], unknown: [] }
  if (plan.checks === 'quick')
    return { status: 'not-checked', reason: 'checks: quick does not verify content', ...none }
  const db = plan.gosumdb
  if (db.kind === 'off')
    return { status: 'off', reason: 'GOSUMDB=off: content is not verified', ...none }
  const served = versionsToCheck(plan, reports)
  if (served.length === 0)
    return { status: 'not-checked', reason: 'no fresh content to verify', db, ...none }
  // Looked up alongside what was served (the build's toolchain), never on their own: a warm run
  // that proves nothing fresh asks the database nothing.
  const extra = notPrivate(plan, alsoLookUp)
  const routes = sessions ?? new RouteSessions(plan, db, deps)
  const checker = new RouteChecker(routes, [...served, ...extra])
  const trusted =
    (await findTruth(checker, firstRoutes(db, reports))) ??
    (await firstPassing(checker, fallbackRoutes(plan, db)))
  if (!trusted)
    return {
      status: 'checked',
      reason: 'no route to the checksum database passed',
      db,
      checker,
      ...none
    }
  compareServed(reports, trusted.verdict.records)
  failUnknown(reports, trusted.verdict.unknown)
  const { records, unknown } = trusted.verdict
  return {
    status: 'checked',
    reason: `${records.length} module versions proved`,
    db,
    checker,
    records,
    unknown,
    trusted
  }
}

/**
 * Signed records are the same whichever route serves them, so one route that passes is enough:
 * the first (the one Go most likely takes) alone, and the others side by side only if it fails.
 * A slow proxy's route is then not waited for unless the go command would use it, and the
 * database's own host and the sumdb mirrors are asked only when no proxy route passes.
 */
async function findTruth(checker: RouteChecker, routes: Route[]): Promise<RouteReport | undefined> {
  const [first, ...rest] = routes
  const report = first && (await checker.check(first))
  return report?.verdict.ok ? report : firstPassing(checker, rest)
}

/** Checks the routes side by side and returns the first (in order) that passed. */
export async function firstPassing(
  checker: RouteChecker,
  routes: Route[]
): Promise<RouteReport | undefined> {
  const reports = await Promise.all(routes.map(r => checker.check(r)))
  return reports.find(r => r.verdict.ok)
}

/** The module versions usable candidates served this run, except private ones. */
export function versionsToCheck(plan: Plan, reports: CandidateReport[]): ModuleVersion[] {
  const seen = new Map<string, ModuleVersion>()
  for (const report of reports) {
    if (!isUsable(report.verdict)) continue
    for (const { path, version } of report.served) {
      if (!matchPrefixPatterns(plan.patterns.gonosumdb, path))
        seen.set(`${path}@${version}`, { path, version })
    }
  }
  return [...seen.values()]
}

/**
 * Versions the database may be asked about: those GONOSUMDB does not keep from it, and every
 * toolchain, which the go command looks up whatever GONOSUMDB says (modfetch useSumDB: a toolchain
 * has no go.sum line to check it against).
 */
export function notPrivate(plan: Plan, versions: ModuleVersion[]): ModuleVersion[] {
  return versions.filter(
    v => v.path === TOOLCHAIN_MODULE || !matchPrefixPatterns(plan.patterns.gonosumdb, v.path)
  )
}

/**
 * Drops the chain entry whose /sumdb/ error leaves Go no route to the database (routeBreaker),
 * unless a sumdb mirror stands in (`mirrorStandsIn`): exported as GOSUMDB="<key> <url>", it takes
 * Go past every proxy's /sumdb/. True when an entry was dropped: choose the chain again.
 */
export async function dropRouteBreaker(
  plan: Plan,
  reports: CandidateReport[],
  chain: CandidateReport[],
  mirrorStandsIn: () => Promise<boolean>
): Promise<boolean> {
  const breaker = plan.gosumdb.kind === 'db' && routeBreaker(plan.gosumdb, chain)
  if (!breaker || (await mirrorStandsIn())) return false
  const report = reports.find(r => r.candidate.id === breaker.candidate.id)
  if (!report || !isUsable(report.verdict)) return false
  const reason =
    `${supportedProblem(breaker)}, and no entry after it in the chain leads the go command to ` +
    'the checksum database (a proxy that serves it, or direct): every lookup would fail'
  recordFinding(report, { stage: 'route', level: 'unhealthy', reason })
  settleVerdict(report)
  return true
}

/** What a candidate's /sumdb/<name>/supported request met, as a reason. */
export function supportedProblem(report: CandidateReport): string {
  const answer = report.probes.find(r => r.endpoint === 'supported')
  return answer ? probeReason(answer) : 'its /sumdb/ failed'
}

/** A proxy whose /sumdb/ route fails would fail the go command's verification: unhealthy. */
export function failProxyRoute(
  reports: CandidateReport[],
  route: Route,
  problem: string | undefined
): void {
  const report = reports.find(r => r.candidate.id === route.candidate?.id)
  if (!report || !isUsable(report.verdict)) return
  const reason = `its checksum database proxy ${route.label} failed: ${problem ?? 'unknown error'}`
  recordFinding(report, { stage: 'route', level: 'unhealthy', reason })
  settleVerdict(report)
}

/**
 * A candidate that served a version the database has no record of cannot be used: the go command
 * would refuse to download it (a mirror inventing versions, or a private module missing from
 * GONOSUMDB).
 */
function failUnknown(reports: CandidateReport[], unknown: ModuleVersion[]): void {
  const missing = new Set(unknown.map(v => `${v.path}@${v.version}`))
  for (const report of reports.filter(r => isUsable(r.verdict))) {
    const served = report.served.find(s => missing.has(`${s.path}@${s.version}`))
    if (!served) continue
    const reason =
      `served ${served.path}@${served.version}, of which the checksum database has no record ` +
      '(the go command would refuse it; if it is private, add it to GONOSUMDB or GOPRIVATE)'
    recordFinding(report, { stage: 'sumdb', level: 'unhealthy', reason })
  }
}
