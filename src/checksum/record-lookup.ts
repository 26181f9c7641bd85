import type { Plan } from '../config/plan.js'
import { parseGosumdb } from '../goenv/gosumdb.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import type { CandidateReport } from '../probe/types.js'
import { notPrivate, type IntegrityCheck } from './integrity.js'
import type { RouteSessions } from './route-checker.js'
import { checkRoute, noRecordOf, type DbRecord, type ModuleVersion } from './route-proof.js'
import { fallbackRoutes, firstRoutes, routeForChain, type Route } from './routes.js'

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
  /** The GOPROXY chain the build is walked along, as it stands when a lookup is asked. */
  chain: () => CandidateReport[]
  /**
   * The GOSUMDB a run that proved nothing fresh exports, when the cache kept the last decision
   * (it names the sumdb mirror that stood in, if one did); else the user's is exported.
   */
  recalledGosumdb?: () => Promise<string | undefined>
}

/**
 * Looks versions up, each at most once a run, once checkIntegrity is done: on the route that gave
 * it its truth (its records and unknowns answer without a request), else, when it proved nothing
 * fresh (every verdict came from the cache), on the one route the go command will take with the
 * exported GOSUMDB and chain: it falls back to no other, so neither does the lookup.
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
  context: LookupContext,
  v: ModuleVersion
): Promise<RecordAnswer | undefined> {
  const same = (w: ModuleVersion) => w.path === v.path && w.version === v.version
  const known = check.records.find(same)
  if (known) return { record: known }
  const noRecord = `the checksum database has ${noRecordOf([v])}`
  if (check.unknown.some(same)) return { problem: noRecord }
  const { sessions } = context
  const routes = await routesFor(plan, check, context)
  if (!sessions || routes.length === 0) return undefined
  const proved = check.trusted?.verdict.tree
  const seen = proved ? [proved] : []
  const problems: string[] = []
  for (const route of routes) {
    const requesters = sessions.requesters(route)
    const verdict = await checkRoute(route.base, [v], sessions.verifier, requesters, seen)
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
 * when it proved nothing fresh, on the route Go takes with the exported GOSUMDB. Not when content
 * is not verified (`checks: quick`, GOSUMDB=off) or no route to the database passed.
 */
export function looksUpUnlisted(plan: Plan, check: IntegrityCheck): boolean {
  return (
    check.trusted !== undefined ||
    (check.status === 'not-checked' && check.db !== undefined && plan.checks !== 'quick')
  )
}

/**
 * The routes of looksUpUnlisted, in the order they are tried: the trusted one; else Go's one
 * route for the chain, when the reports say which proxies before it serve the database; else
 * (their probes asked no /sumdb/, as when every probe module is private) each route Go might take.
 */
async function routesFor(
  plan: Plan,
  check: IntegrityCheck,
  { reports, chain, recalledGosumdb }: LookupContext
): Promise<Route[]> {
  if (check.trusted) return [check.trusted.route]
  if (!looksUpUnlisted(plan, check) || !check.db) return []
  const recalled = await recalledGosumdb?.()
  const spec = recalled === undefined ? check.db : parseGosumdb(recalled)
  const db = spec.kind === 'db' ? spec : check.db
  const walked = chain()
  const end = walked.findIndex(r => !isProxyEntry(r.candidate.entry))
  const asked = end < 0 ? walked : walked.slice(0, end)
  if (db.url || asked.every(r => r.sumdb !== undefined)) return [routeForChain(db, walked)]
  return [...firstRoutes(db, reports), ...fallbackRoutes(plan, db)]
}
