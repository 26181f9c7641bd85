import type { Plan } from '../config/plan.js'
import { createBreaker, type BreakerSnapshot, type CandidateBreaker } from '../resilience/policy.js'

/**
 * A candidate's breaker as the plan asks: it opens at `breaker-threshold` failures once a request
 * has had its retries, so one transient failure that a retry mends never trips it, while a
 * candidate whose first request fails every attempt is out at once.
 */
export function planBreaker(plan: Plan, saved?: BreakerSnapshot): CandidateBreaker {
  return createBreaker({ ...plan.breaker, minimumCalls: plan.retries + 1 }, saved)
}
