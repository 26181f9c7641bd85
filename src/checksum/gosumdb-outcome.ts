import type { CandidateReport } from '../probe/types.js'
import type { RouteReport } from './route-checker.js'
import { mirrorRoutes, routeBreaker, routeForChain, type Route } from './routes.js'
import { firstPassing, supportedProblem, type IntegrityCheck } from './integrity.js'
import type { Plan } from '../config/plan.js'

/** The checksum database's part of the result: what GOSUMDB to export and whether it works. */
export interface SumdbOutcome {
  ok: boolean
  /** The GOSUMDB to export: the user's, or `<key> <mirror url>` when a sumdb mirror stood in. */
  gosumdb: string
  reason: string
  /** Redacted URL of the route that was proved for the chosen chain, when one was. */
  route?: string
  mirrorUsed: boolean
  /** Every route asked this run, with its verdict. */
  routes: RouteReport[]
  /** The chain's first database-serving proxy failed its route: drop it and choose again. */
  brokenProxy?: Route
}

/**
 * Decides GOSUMDB for the chosen chain: the route the go command will take with it must pass
 * (it is proved now if the integrity stage did not need it). When it fails, the first sumdb
 * mirror that passes is exported in Go's `name+key url` form; with none, a proxy route that
 * failed is handed back (`brokenProxy`) for the chain to be chosen without it. GOSUMDB=off only
 * ever comes from the user.
 */
export async function decideGosumdb(
  plan: Plan,
  check: IntegrityCheck,
  chain: CandidateReport[]
): Promise<SumdbOutcome> {
  const keep = { gosumdb: plan.gosumdb.raw, mirrorUsed: false }
  const { checker, db } = check
  if (check.status !== 'checked' || !checker || !db)
    return { ok: true, reason: check.reason, routes: [], ...keep }
  // An entry's /sumdb/ error Go cannot get past: no route to prove, only a mirror helps.
  const breaker = routeBreaker(db, chain)
  const want = routeForChain(db, chain)
  const proved = breaker ? undefined : await checker.check(want)
  if (proved?.verdict.ok) {
    return {
      ok: true,
      reason: `${check.reason} via ${want.label}`,
      route: want.label,
      routes: await checker.reports(),
      ...keep
    }
  }
  const problem = breaker ? supportedProblem(breaker) : (proved?.verdict.problem ?? 'unknown error')
  const failure = breaker
    ? `${problem}: the go command's route to the database stops there`
    : `${want.label} failed: ${problem}`
  // A GOSUMDB with a URL takes the go command past every proxy's /sumdb/, the failed one too.
  const mirror = await firstPassing(checker, mirrorRoutes(plan))
  const routes = await checker.reports()
  if (!mirror && !breaker && want.kind === 'proxy')
    return { ok: false, reason: problem, routes, brokenProxy: want, ...keep }
  if (!mirror) return { ok: false, reason: failure, routes, ...keep }
  return {
    ok: true,
    gosumdb: `${db.verifierKey} ${mirror.route.base}`,
    reason: `${failure}; using sumdb mirror ${mirror.route.label}`,
    route: mirror.route.label,
    mirrorUsed: true,
    routes
  }
}

/**
 * Whether a sumdb mirror will be exported in place of the database's route: one passes now, or,
 * on a run that proved nothing fresh, the decision recalled from the cache exported one.
 */
export async function mirrorStandsIn(
  plan: Plan,
  check: IntegrityCheck,
  recalled: () => Promise<SumdbOutcome | undefined>
): Promise<boolean> {
  if (check.checker) return (await firstPassing(check.checker, mirrorRoutes(plan))) !== undefined
  return (await recalled())?.mirrorUsed === true
}
