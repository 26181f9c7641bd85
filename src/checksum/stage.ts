import type { Clock } from '../clock.js'
import type { Plan } from '../config/plan.js'
import type { GosumdbDatabase } from '../goenv/gosumdb.js'
import type { NetrcEntry } from '../goenv/netrc.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import type { HttpGet } from '../http/types.js'
import { credentialsFor } from '../probe/credentials.js'
import { CandidateRequester } from '../probe/requester.js'
import { isUsable, type CandidateReport, type ProbeRecord } from '../probe/types.js'
import { createBreaker, type createLimiter } from '../resilience/policy.js'
import { parseVerifierKey } from '../sumdb/note.js'
import { compareServed } from './compare.js'
import { checkRoute, type DbRecord, type ModuleVersion } from './route-check.js'
import { routesToCheck, type Route } from './routes.js'

export interface RouteReport {
  route: Route
  ok: boolean
  problem?: string
  treeSize?: number
  probes: ProbeRecord[]
}

/** What the checksum database said, before the chain (and so Go's route) is chosen. */
export interface IntegrityCheck {
  status: 'checked' | 'off' | 'not-checked'
  reason: string
  db?: GosumdbDatabase
  routes: RouteReport[]
  /** Module versions the database proved, with their hashes. */
  records: DbRecord[]
  /** Module versions it has no record of. */
  unknown: ModuleVersion[]
}

export interface IntegrityDeps {
  http: HttpGet
  clock: Clock
  limit: ReturnType<typeof createLimiter>
  netrc?: NetrcEntry[]
}

/**
 * Proves the probed content against the checksum database: every route to it is checked side by
 * side, then each candidate's .mod (and .zip) hashes are compared with the signed records. A
 * mismatch makes the candidate `tampered`; a proxy whose /sumdb/ route fails, `unhealthy`.
 * Modules matching GONOSUMDB are never looked up: the database must not learn private paths.
 */
export async function checkIntegrity(plan: Plan, reports: CandidateReport[], deps: IntegrityDeps): Promise<IntegrityCheck> {
  const none = { routes: [], records: [], unknown: [] }
  if (plan.checks === 'quick') return { status: 'not-checked', reason: 'checks: quick does not verify content', ...none }
  const db = plan.gosumdb
  if (db.kind === 'off') return { status: 'off', reason: 'GOSUMDB=off: content is not verified', ...none }
  const versions = versionsToCheck(plan, reports)
  if (versions.length === 0) {
    return { status: 'not-checked', reason: 'no fresh content to verify', db, ...none }
  }
  const verifier = parseVerifierKey(db.verifierKey)
  const routes = await Promise.all(
    routesToCheck(plan, db, reports).map(async route => {
      const requester = new CandidateRequester({
        ...deps,
        breaker: createBreaker(plan.breaker),
        timeoutMs: plan.timeoutMs,
        retries: plan.retries,
        credentials: route.candidate && credentialsFor(route.candidate, deps.netrc)
      })
      const verdict = await checkRoute(route.base, versions, verifier, requester)
      return { route, verdict }
    })
  )
  const trusted = routes.find(r => r.verdict.ok)?.verdict
  for (const { route, verdict } of routes) {
    if (!verdict.ok && route.kind === 'proxy') failProxyRoute(reports, route, verdict.problem)
  }
  if (trusted) compareServed(reports, trusted.records)
  return {
    status: 'checked',
    reason: trusted ? `${trusted.records.length} module versions proved` : 'no route to the checksum database passed',
    db,
    routes: routes.map(({ route, verdict }) => ({ route, ok: verdict.ok, problem: verdict.problem, treeSize: verdict.tree?.size, probes: verdict.probes })),
    records: trusted?.records ?? [],
    unknown: trusted?.unknown ?? []
  }
}

/** The module versions usable candidates served this run, except private ones. */
function versionsToCheck(plan: Plan, reports: CandidateReport[]): ModuleVersion[] {
  const seen = new Map<string, ModuleVersion>()
  for (const report of reports) {
    if (!isUsable(report.verdict)) continue
    for (const { path, version } of report.served) {
      if (!matchPrefixPatterns(plan.patterns.gonosumdb, path)) seen.set(`${path}@${version}`, { path, version })
    }
  }
  return [...seen.values()]
}

function failProxyRoute(reports: CandidateReport[], route: Route, problem: string | undefined): void {
  const report = reports.find(r => r.candidate === route.candidate)
  if (!report || !isUsable(report.verdict)) return
  report.verdict = 'unhealthy'
  report.reason = `its checksum database proxy ${route.label} failed: ${problem ?? 'unknown error'}`
}
