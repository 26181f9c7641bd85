import type { Plan } from '../config/plan.js'
import type { CandidateReport } from '../probe/types.js'
import { notPrivate, type IntegrityCheck } from './integrity.js'
import type { RouteSessions } from './route-checker.js'
import { checkRoute, noRecordOf, type DbRecord, type ModuleVersion } from './route-proof.js'
import { fallbackRoutes, firstRoutes, type Route } from './routes.js'

/**
 * What the checksum database says of one module version: its proved record, or why there is none
 * (the database has no record of it, or could not be asked); the go command fails in both cases.
 */
export type RecordAnswer = { record: DbRecord } | { problem: string }

/**
 * The database's record of a module version, for a file the build fetches with no go.sum line to
 * hash it to (Go checks it against the database instead: modfetch checkModSum → checkSumDB).
 * undefined: Go would not ask the database (GOSUMDB=off, a GONOSUMDB module), the run does not
 * verify content (`checks: quick`), or no route to the database passed.
 */
export type LookUpRecord = (version: ModuleVersion) => Promise<RecordAnswer | undefined>

/** The run's state a lookup needs besides the integrity check: its routes and candidates. */
export interface LookupContext {
  sessions?: RouteSessions
  reports: CandidateReport[]
}

/**
 * Looks versions up, each at most once a run, once checkIntegrity is done: on the route that gave
 * it its truth (its records and unknowns answer without a request), else, when it proved nothing
 * fresh (every verdict came from the cache), on the routes Go would take, in its order.
 */
export function recordLookup(
  plan: Plan,
  integrity: Promise<IntegrityCheck>,
  context: LookupContext
): LookUpRecord {
  const asked = new Map<string, Promise<RecordAnswer | undefined>>()
  return version => {
    if (notPrivate(plan, [version]).length === 0) return Promise.resolve(undefined)
    const key = `${version.path}@${version.version}`
    let answer = asked.get(key)
    if (!answer) {
      answer = integrity.then(check => lookUpOn(plan, check, context, version))
      asked.set(key, answer)
    }
    return answer
  }
}

async function lookUpOn(
  plan: Plan,
  check: IntegrityCheck,
  { sessions, reports }: LookupContext,
  v: ModuleVersion
): Promise<RecordAnswer | undefined> {
  const same = (w: ModuleVersion) => w.path === v.path && w.version === v.version
  const known = check.records.find(same)
  if (known) return { record: known }
  const noRecord = `the checksum database has ${noRecordOf([v])}`
  if (check.unknown.some(same)) return { problem: noRecord }
  const routes = routesFor(plan, check, reports)
  if (!sessions || routes.length === 0) return undefined
  const proved = check.trusted?.verdict.tree
  const seen = proved ? [proved] : []
  const problems: string[] = []
  for (const route of routes) {
    const requester = sessions.requester(route)
    const verdict = await checkRoute(route.base, [v], sessions.verifier, requester, seen)
    if (verdict.records[0]) return { record: verdict.records[0] }
    if (verdict.unknown.length > 0) return { problem: noRecord }
    problems.push(`${route.label}: ${verdict.problem ?? 'unknown error'}`)
  }
  const name = `${v.path}@${v.version}`
  return {
    problem: `the checksum database could not be asked about ${name} (${problems.join('; ')})`
  }
}

/**
 * Whether files with no go.sum line are looked up: on the route the integrity check trusted, or,
 * when it proved nothing fresh, on the routes it would have tried. Not when content is not
 * verified (`checks: quick`, GOSUMDB=off) or no route to the database passed.
 */
export function looksUpUnlisted(plan: Plan, check: IntegrityCheck): boolean {
  return (
    check.trusted !== undefined ||
    (check.status === 'not-checked' && check.db !== undefined && plan.checks !== 'quick')
  )
}

/** The routes of looksUpUnlisted, in the order they are tried. */
function routesFor(plan: Plan, check: IntegrityCheck, reports: CandidateReport[]): Route[] {
  if (check.trusted) return [check.trusted.route]
  if (!looksUpUnlisted(plan, check) || !check.db) return []
  return [...firstRoutes(check.db, reports), ...fallbackRoutes(plan, check.db)]
}
