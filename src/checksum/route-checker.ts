import type { Clock } from '../clock.js'
import type { Plan } from '../config/plan.js'
import type { GosumdbDatabase } from '../goenv/gosumdb.js'
import type { HttpGet } from '../http/types.js'
import { CandidateRequester } from '../http/requester.js'
import { createBreaker, type CandidateBreaker } from '../resilience/breaker.js'
import { planBreaker } from '../resilience/plan-breaker.js'
import type { Limit } from '../resilience/limiter.js'
import { parseVerifierKey, type Verifier } from '../xmod/sumdb/note.js'
import {
  checkRoute,
  lookup,
  type ModuleVersion,
  type RouteRequesters,
  type RouteVerdict
} from './route-proof.js'
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

/** Tile requests in a row that fail before a route's tiles are asked for no more. */
const TILE_FAILURES_TO_OPEN = 10

/**
 * The run's routes to one database, each with its requesters (and breakers) for the whole run:
 * the lookups started while candidates are still probed and the proofs made later share their
 * answers. Lookups have the plan's breaker. Tiles have one that opens only after
 * TILE_FAILURES_TO_OPEN failures in a row: the go command asks a partial tile's full tile after
 * any failure (x/mod sumdb client.go readTile), and so must a proof, however the partial failed.
 */
export class RouteSessions {
  readonly verifier: Verifier
  private readonly byRoute = new Map<string, RouteRequesters>()

  constructor(
    private readonly plan: Plan,
    readonly db: GosumdbDatabase,
    private readonly deps: IntegrityDeps
  ) {
    this.verifier = parseVerifierKey(db.verifierKey)
  }

  requesters(route: Route): RouteRequesters {
    const key = `${route.kind} ${route.base}`
    let requesters = this.byRoute.get(key)
    if (!requesters) {
      const tileBreaker = createBreaker(
        {
          threshold: 1,
          cooldownMs: this.plan.breaker.cooldownMs,
          windowSize: TILE_FAILURES_TO_OPEN,
          minimumCalls: TILE_FAILURES_TO_OPEN
        },
        this.deps.clock
      )
      requesters = {
        lookups: this.newRequester(planBreaker(this.plan, this.deps.clock)),
        tiles: this.newRequester(tileBreaker)
      }
      this.byRoute.set(key, requesters)
    }
    return requesters
  }

  private newRequester(breaker: CandidateBreaker): CandidateRequester {
    return new CandidateRequester({
      ...this.deps,
      breaker,
      timeoutMs: this.plan.timeoutMs,
      retries: this.plan.retries
    })
  }

  /**
   * Starts the lookups of `versions` on `route` for a proof to come, which finds them answered
   * (the requester shares them). Tiles are left to the proof: which it needs depends on the
   * newest tree of all its lookups, and one it does not need must not fail its route.
   */
  lookUpAhead(route: Route, versions: ModuleVersion[]): void {
    const { lookups } = this.requesters(route)
    for (const v of versions) void lookup(route.base, v, this.verifier, lookups)
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
    const requesters = this.sessions.requesters(route)
    return { route, verdict: await checkRoute(route.base, this.versions, verifier, requesters) }
  }
}
