// Request policies for probing: per-candidate breaker, retry with backoff, overall concurrency.
export type { Logger } from '../logger.js'
export { BreakerOpenError, createBreaker } from './breaker.js'
export type { Admission, BreakerOptions, CandidateBreaker } from './breaker.js'
export type { BreakerSnapshot } from './breaker-state.js'
export { withRetry } from './retry.js'
export type { PolicyOptions } from './retry.js'
export { createLimiter } from './limiter.js'
