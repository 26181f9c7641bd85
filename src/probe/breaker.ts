import type { Plan } from '../config/plan.js'
import { createBreaker, type BreakerSnapshot, type CandidateBreaker } from '../resilience/policy.js'

/**
 * A candidate's breaker as the plan asks: it opens at `breaker-threshold` failures once a request
 * has had its retries, so one transient failure that a retry mends never trips it, while a
 * candidate whose first request fails every attempt is out at once.
 */
export function planBreaker(plan: Plan, saved?: BreakerSnapshot): CandidateBreaker {
  const minimumCalls = Math.min(plan.retries + 1, BREAKER_WINDOW)
  return createBreaker({ ...plan.breaker, minimumCalls, windowSize: BREAKER_WINDOW }, saved)
}

/** Calls the failure ratio is taken over; `retries` allows up to 10 retries, so 11 attempts. */
const BREAKER_WINDOW = 11
