// Retries with exponential backoff and full jitter, or as long as the server asked (Retry-After).
// cockatiel's RetryPolicy is not used: its backoff sleep cannot be cancelled, and after an abort it
// still starts one more attempt; its ExponentialBackoff and fullJitterGenerator compute the delays.
// The breaker judges the whole retried request, so it wraps withRetry rather than each attempt.
import { ExponentialBackoff, fullJitterGenerator, type IBackoff } from 'cockatiel'
import { systemClock, type Clock } from '../clock.js'

export interface PolicyOptions {
  /** Attempts after the first. */
  retries: number
  /** Cap of the first retry's delay; each further retry doubles the cap, up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
  /** True for an outage (retried); false for an answer such as a 404. */
  isTransient: (err: unknown) => boolean
  /** How long the server asked to wait before retrying after `err` (Retry-After), if it did. */
  serverDelayMs?: (err: unknown) => number | undefined
  /** Sleeps between attempts (default: real time). */
  clock?: Clock
}

/**
 * Runs `attempt`, retrying transient errors up to `opts.retries` times. The delay before retry n
 * is the one the server asked for, else uniform in [0, min(maxDelayMs, baseDelayMs·2^(n-1))).
 * Rejects with the attempt's error when it is not transient or retries are used up, and with the
 * signal's reason as soon as it aborts. `attemptNo` counts from 1; `onRetry` gets the number of
 * the attempt that failed and the delay before the next.
 */
export async function withRetry<T>(
  opts: PolicyOptions,
  attempt: (signal: AbortSignal, attemptNo: number) => Promise<T>,
  signal: AbortSignal = new AbortController().signal,
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
    signal.throwIfAborted()
    try {
      return await attempt(signal, attemptNo)
    } catch (err) {
      signal.throwIfAborted()
      if (!opts.isTransient(err) || attemptNo > opts.retries) throw err
      backoff = backoff ? backoff.next(undefined) : delays.next()
      const delayMs = opts.serverDelayMs?.(err) ?? backoff.duration
      onRetry?.(err, attemptNo, delayMs)
      await (opts.clock ?? systemClock).sleep(delayMs, signal)
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
