// A per-candidate circuit breaker that counts whole requests (each after its retries) on the run's
// clock. cockatiel's CircuitBreakerPolicy is not used: it reads Date.now() for its cooldown, so an
// injected clock cannot drive it, and it queues callers behind a half-open trial where ours turns
// them away.
import type { Clock } from '../clock.js'
import { restoreStart, type BreakerSnapshot, type RequestOutcome } from './breaker-state.js'

export interface BreakerOptions {
  /** Failure ratio over the window, 0 < t ≤ 1, at or above which the breaker opens. */
  threshold: number
  /** How long an open breaker rejects calls before it lets one trial through. */
  cooldownMs: number
  /** Requests the window must hold before the ratio counts (default 2). */
  minimumCalls?: number
  /** How many of the latest requests the ratio is taken over (default 10). */
  windowSize?: number
}

/** Handed to a request the breaker let in, to ask before each retry whether it may go on. */
export interface Admission {
  /**
   * Throws BreakerOpenError while the breaker is open or its trial is in flight, so requests
   * already in flight when it opens send no further attempt; never for the trial itself.
   */
  throwIfOpened(): void
}

export interface CandidateBreaker {
  readonly state: 'closed' | 'open' | 'half-open'
  /**
   * Runs one request (all its attempts) through the breaker; rejects with BreakerOpenError
   * without calling fn while open, or while another caller's half-open trial is in flight. A
   * rejection counts as a failed request when `countsAsFailure(err)` says so (default: every
   * error); one whose signal was aborted, or that it calls `ignored`, is not counted, except
   * that such a trial re-opens the breaker. Requests that end while the breaker is open are not
   * counted either.
   */
  execute<T>(
    fn: (admission: Admission) => Promise<T>,
    signal?: AbortSignal,
    countsAsFailure?: (err: unknown) => boolean | 'ignored'
  ): Promise<T>
  snapshot(): BreakerSnapshot
  /** ms since epoch (by the breaker's clock) when an open breaker allows its trial; undefined unless open */
  retryAt(): number | undefined
}

export class BreakerOpenError extends Error {
  override name = 'BreakerOpenError'

  constructor(
    message: string,
    /** Failed and counted requests in the window that opened the breaker. */
    readonly failed: number,
    readonly total: number,
    /** When the breaker lets a trial through; undefined while a trial is in flight. */
    readonly retryAt?: number
  ) {
    super(message)
  }
}

const DEFAULT_MINIMUM_CALLS = 2
const DEFAULT_WINDOW_SIZE = 10
// A snapshot holds the whole window, and the verdict cache keeps one per candidate.
const MAX_WINDOW_SIZE = 1000

/**
 * A breaker over the last `windowSize` requests, timed by `clock`. `saved` (from snapshot(),
 * possibly in another process) is restored when it fits these options; an unusable one is ignored.
 */
export function createBreaker(
  opts: BreakerOptions,
  clock: Clock,
  saved?: BreakerSnapshot
): CandidateBreaker {
  const windowSize = opts.windowSize ?? DEFAULT_WINDOW_SIZE
  const minimumCalls = opts.minimumCalls ?? DEFAULT_MINIMUM_CALLS
  checkOptions(opts.threshold, opts.cooldownMs, windowSize, minimumCalls)
  return new CountBreaker({ ...opts, windowSize, minimumCalls }, clock, saved)
}

function checkOptions(
  threshold: number,
  cooldownMs: number,
  windowSize: number,
  minimumCalls: number
): void {
  if (!(threshold > 0 && threshold <= 1)) {
    throw new RangeError(`breaker threshold must be a ratio in (0, 1], got ${threshold}`)
  }
  if (!(Number.isFinite(cooldownMs) && cooldownMs >= 0)) {
    throw new RangeError(`breaker cooldownMs must be a finite number ≥ 0, got ${cooldownMs}`)
  }
  if (!Number.isSafeInteger(windowSize) || windowSize < 1 || windowSize > MAX_WINDOW_SIZE) {
    throw new RangeError(
      `breaker windowSize must be an integer in [1, ${MAX_WINDOW_SIZE}], got ${windowSize}`
    )
  }
  if (!Number.isSafeInteger(minimumCalls) || minimumCalls < 1 || minimumCalls > windowSize) {
    throw new RangeError(
      `breaker minimumCalls must be an integer in [1, ${windowSize}], got ${minimumCalls}`
    )
  }
}

/** How a request ended, for the breaker: only 'ok' and 'failed' enter the window. */
type Ending = RequestOutcome | 'aborted' | 'answered'

const everyError = (): boolean => true

class CountBreaker implements CandidateBreaker {
  private outcomes: RequestOutcome[]
  private openedAt?: number
  private trialInFlight = false

  constructor(
    private readonly o: Required<BreakerOptions>,
    private readonly clock: Clock,
    saved?: BreakerSnapshot
  ) {
    const start = restoreStart(saved, o.windowSize, clock.now())
    this.outcomes = start.outcomes
    this.openedAt = start.openedAt
  }

  get state(): CandidateBreaker['state'] {
    if (this.trialInFlight) return 'half-open'
    return this.openedAt === undefined ? 'closed' : 'open'
  }

  async execute<T>(
    fn: (admission: Admission) => Promise<T>,
    signal?: AbortSignal,
    countsAsFailure: (err: unknown) => boolean | 'ignored' = everyError
  ): Promise<T> {
    const isTrial = this.admit()
    const admission: Admission = {
      throwIfOpened: () => {
        if (!isTrial && this.openedAt !== undefined) throw this.refusal('open')
      }
    }
    try {
      const value = await fn(admission)
      this.settle(isTrial, 'ok')
      return value
    } catch (err) {
      // An aborted request proves nothing about the server, nor does one the caller ignores; an
      // answer such as a 404 is no outage.
      const counted = countsAsFailure(err)
      const ending = counted === 'ignored' ? 'aborted' : counted ? 'failed' : 'answered'
      this.settle(isTrial, signal?.aborted ? 'aborted' : ending)
      throw err
    }
  }

  snapshot(): BreakerSnapshot {
    const outcomes = [...this.outcomes]
    return this.openedAt === undefined
      ? { version: 2, outcomes }
      : { version: 2, outcomes, openedAt: this.openedAt }
  }

  retryAt(): number | undefined {
    if (this.trialInFlight || this.openedAt === undefined) return undefined
    return this.openedAt + this.o.cooldownMs
  }

  /** Lets a request in, or throws; returns whether it is the half-open trial. */
  private admit(): boolean {
    if (this.trialInFlight) throw this.refusal('trial')
    const retryAt = this.retryAt()
    if (retryAt === undefined) return false
    if (this.clock.now() < retryAt) throw this.refusal('open')
    this.trialInFlight = true
    return true
  }

  private settle(isTrial: boolean, ending: Ending): void {
    if (isTrial) return this.settleTrial(ending)
    // A request that ends after the breaker opened was already judged with its siblings.
    if (this.openedAt !== undefined) return
    if (ending !== 'ok' && ending !== 'failed') return
    this.count(ending)
    const failed = this.failed()
    const total = this.outcomes.length
    if (total >= this.o.minimumCalls && failed / total >= this.o.threshold) {
      this.openedAt = this.clock.now()
    }
  }

  private settleTrial(ending: Ending): void {
    this.trialInFlight = false
    if (ending === 'failed' || ending === 'aborted') {
      // The trial proved nothing good (an aborted one stays cautious): another cooldown.
      if (ending === 'failed') this.count('failed')
      this.openedAt = this.clock.now()
      return
    }
    // Any answer but an outage means the server is back: close with a fresh window.
    this.outcomes = ending === 'ok' ? ['ok'] : []
    this.openedAt = undefined
  }

  private count(outcome: RequestOutcome): void {
    this.outcomes.push(outcome)
    if (this.outcomes.length > this.o.windowSize) this.outcomes.shift()
  }

  private failed(): number {
    return this.outcomes.filter(o => o === 'failed').length
  }

  private refusal(why: 'open' | 'trial'): BreakerOpenError {
    const failed = this.failed()
    const total = this.outcomes.length
    if (why === 'trial') {
      const message = 'circuit breaker half-open: its one trial request is in flight'
      return new BreakerOpenError(message, failed, total)
    }
    const message = `circuit breaker open after ${failed} of ${total} requests failed`
    return new BreakerOpenError(message, failed, total, this.retryAt())
  }
}
