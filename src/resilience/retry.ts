// Retries with exponential backoff and full jitter, one breaker attempt at a time. cockatiel's
// RetryPolicy is not used: its backoff sleep cannot be cancelled, and after an abort it still
// starts one more attempt; its ExponentialBackoff and fullJitterGenerator compute the delays.
import { ExponentialBackoff, fullJitterGenerator, type IBackoff } from 'cockatiel'
import { systemClock, type Clock } from '../clock.js'
import { BreakerOpenError, type CandidateBreaker } from './breaker.js'

export interface PolicyOptions {
  /** Attempts after the first. */
  retries: number
  /** Cap of the first retry's delay; each further retry doubles the cap, up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
  /** True for an outage (retried, counted by the breaker); false for an answer such as a 404. */
  isTransient: (err: unknown) => boolean
  /** Sleeps between attempts (default: real time). */
  clock?: Clock
}

/**
 * Runs `attempt` through `breaker`, retrying transient errors up to `opts.retries` times; the
 * delay before retry n is uniform in [0, min(maxDelayMs, baseDelayMs·2^(n-1))). Rejects with
 * the attempt's error when it is not transient or retries are used up, with BreakerOpenError
 * when the breaker is or becomes open, and with the signal's reason as soon as it aborts.
 * `attemptNo` counts from 1; `onRetry` gets the number of the attempt that failed.
 */
export async function withRetry<T>(
  opts: PolicyOptions,
  breaker: CandidateBreaker,
  attempt: (signal: AbortSignal, attemptNo: number) => Promise<T>,
  signal?: AbortSignal,
  onRetry?: (err: unknown, attemptNo: number, delayMs: number) => void
): Promise<T> {
  checkOptions(opts)
  const delays = new ExponentialBackoff({
    generator: fullJitterGenerator,
    initialDelay: opts.baseDelayMs,
    maxDelay: opts.maxDelayMs
  })
  let backoff: IBackoff<unknown> | undefined
  for (let attemptNo = 1; ; attemptNo++) {
    signal?.throwIfAborted()
    try {
      return await breaker.execute(s => attempt(s, attemptNo), signal, opts.isTransient)
    } catch (err) {
      signal?.throwIfAborted()
      if (err instanceof BreakerOpenError || !opts.isTransient(err) || attemptNo > opts.retries)
        throw err
      if (breaker.state === 'open') throw new BreakerOpenError(breaker.retryAt(), { cause: err })
      backoff = backoff ? backoff.next(undefined) : delays.next()
      onRetry?.(err, attemptNo, backoff.duration)
      await (opts.clock ?? systemClock).sleep(backoff.duration, signal)
    }
  }
}

function checkOptions({ retries, baseDelayMs, maxDelayMs }: PolicyOptions): void {
  if (!Number.isSafeInteger(retries) || retries < 0) {
    throw new RangeError(`retries must be an integer ≥ 0, got ${retries}`)
  }
  if (!(Number.isFinite(baseDelayMs) && baseDelayMs >= 0)) {
    throw new RangeError(`baseDelayMs must be a finite number ≥ 0, got ${baseDelayMs}`)
  }
  if (!(Number.isFinite(maxDelayMs) && maxDelayMs >= baseDelayMs)) {
    throw new RangeError(
      `maxDelayMs must be a finite number ≥ baseDelayMs (${baseDelayMs}), got ${maxDelayMs}`
    )
  }
}
