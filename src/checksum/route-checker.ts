import type { Clock } from '../clock.js'
import type { Plan } from '../config/plan.js'
import type { GosumdbDatabase } from '../goenv/gosumdb.js'
import type { HttpGet } from '../http/types.js'
import { CandidateRequester } from '../http/requester.js'
import { planBreaker } from '../resilience/plan-breaker.js'
import type { Limit } from '../resilience/limiter.js'
import { parseVerifierKey } from '../xmod/sumdb/note.js'
import { checkRoute, type ModuleVersion, type RouteVerdict } from './route-proof.js'
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

/** Proves routes to the database on demand, each at most once a run, with its own breaker. */
export class RouteChecker {
  private readonly proved = new Map<string, Promise<RouteReport>>()
  private readonly verifier

  constructor(
    private readonly plan: Plan,
    readonly db: GosumdbDatabase,
    readonly versions: ModuleVersion[],
    private readonly deps: IntegrityDeps
  ) {
    this.verifier = parseVerifierKey(db.verifierKey)
  }

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
    const requester = new CandidateRequester({
      ...this.deps,
      breaker: planBreaker(this.plan, this.deps.clock),
      timeoutMs: this.plan.timeoutMs,
      retries: this.plan.retries
    })
    return { route, verdict: await checkRoute(route.base, this.versions, this.verifier, requester) }
  }
}
