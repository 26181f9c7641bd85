import type { Clock } from '../clock.js'
import type { Plan } from '../config/plan.js'
import { createBreaker, type CandidateBreaker } from './breaker.js'
import type { BreakerSnapshot } from './breaker-state.js'

/**
 * A candidate's breaker as the plan asks, on the run's clock. It counts requests once their
 * retries are over, so a failure that a retry mends never trips it, while a candidate whose first
 * request fails every attempt is out at once: at most retries + 1 attempts.
 */
export function planBreaker(plan: Plan, clock: Clock, saved?: BreakerSnapshot): CandidateBreaker {
  return createBreaker(
    { ...plan.breaker, minimumCalls: 1, windowSize: BREAKER_WINDOW },
    clock,
    saved
  )
}

/** Requests the failure ratio is taken over. */
const BREAKER_WINDOW = 10
