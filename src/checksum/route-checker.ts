import type { Clock } from '../clock.js'
import type { Plan } from '../config/plan.js'
import type { GosumdbDatabase } from '../goenv/gosumdb.js'
import type { HttpGet } from '../http/types.js'
import { CandidateRequester } from '../http/requester.js'
import { planBreaker } from '../resilience/plan-breaker.js'
import type { Limit } from '../resilience/limiter.js'
import { parseVerifierKey, type Verifier } from '../xmod/sumdb/note.js'
import { checkRoute, lookup, type ModuleVersion, type RouteVerdict } from './route-proof.js'
import type { Route } from './routes.js'

export interface IntegrityDeps {
  http: HttpGet
  clock: Clock
  limit: Limit
}

export interface RouteReport {
  route: Route
  verdict: RouteVerdict
}

/**
 * The run's routes to one database, each with one requester (and breaker) for the whole run: the
 * lookups started while candidates are still probed and the proofs made later share its answers.
 */
export class RouteSessions {
  readonly verifier: Verifier
  private readonly requesters = new Map<string, CandidateRequester>()

  constructor(
    private readonly plan: Plan,
    readonly db: GosumdbDatabase,
    private readonly deps: IntegrityDeps
  ) {
    this.verifier = parseVerifierKey(db.verifierKey)
  }

  requester(route: Route): CandidateRequester {
    const key = `${route.kind} ${route.base}`
    let requester = this.requesters.get(key)
    if (!requester) {
      requester = new CandidateRequester({
        ...this.deps,
        breaker: planBreaker(this.plan, this.deps.clock),
        timeoutMs: this.plan.timeoutMs,
        retries: this.plan.retries
      })
      this.requesters.set(key, requester)
    }
    return requester
  }

  /**
   * Starts the lookups of `versions` on `route` for a proof to come, which finds them answered
   * (the requester shares them). Tiles are left to the proof: which it needs depends on the
   * newest tree of all its lookups, and one it does not need must not fail its route.
   */
  lookUpAhead(route: Route, versions: ModuleVersion[]): void {
    const requester = this.requester(route)
    for (const v of versions) void lookup(route.base, v, this.verifier, requester)
  }
}

/** Proves routes to the database on demand, each at most once a run. */
export class RouteChecker {
  private readonly proved = new Map<string, Promise<RouteReport>>()

  constructor(
    readonly sessions: RouteSessions,
    readonly versions: ModuleVersion[]
  ) {}

  check(route: Route): Promise<RouteReport> {
    const key = `${route.kind} ${route.base}`
    let report = this.proved.get(key)
    if (!report) {
      report = this.prove(route)
      this.proved.set(key, report)
    }
    return report
  }

  /** Every route checked so far, in the order they were asked for. */
  async reports(): Promise<RouteReport[]> {
    return Promise.all(this.proved.values())
  }

  private async prove(route: Route): Promise<RouteReport> {
    const { verifier } = this.sessions
    const requester = this.sessions.requester(route)
    return { route, verdict: await checkRoute(route.base, this.versions, verifier, requester) }
  }
}
