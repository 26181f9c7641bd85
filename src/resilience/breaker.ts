// A per-candidate circuit breaker: cockatiel's CircuitBreakerPolicy with a CountBreaker, wrapped
// so that a half-open trial is exclusive and the state survives a trip through the verdict cache.
import {
  CircuitBreakerPolicy,
  CircuitState,
  CountBreaker,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError
} from 'cockatiel'
import { countBreakerThreshold, restorableState, type BreakerSnapshot } from './breaker-state.js'

export interface BreakerOptions {
  /** Failure ratio over the window, 0 < t ≤ 1, at or above which the breaker opens. */
  threshold: number
  /** How long an open breaker rejects calls before it lets one trial through. */
  cooldownMs: number
  /** Calls the window must hold before the ratio counts (default 2). */
  minimumCalls?: number
  /** How many of the latest calls the ratio is taken over (default 10). */
  windowSize?: number
}

export interface CandidateBreaker {
  readonly state: 'closed' | 'open' | 'half-open'
  /**
   * Runs one request attempt through the breaker; rejects with BreakerOpenError without calling
   * fn while open, or while another caller's half-open trial is in flight. An error counts as a
   * failure when `countsAsFailure(err)` says so (default: every error); an attempt whose signal
   * was aborted is not counted, except that an aborted half-open trial re-opens the breaker.
   */
  execute<T>(
    fn: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    countsAsFailure?: (err: unknown) => boolean
  ): Promise<T>
  snapshot(): BreakerSnapshot
  /** ms since epoch when an open breaker allows its half-open trial; undefined unless open */
  retryAt(): number | undefined
}

export class BreakerOpenError extends Error {
  /** When the breaker lets a trial through; undefined while a trial is in flight. */
  readonly retryAt?: number

  constructor(retryAt?: number, options?: ErrorOptions) {
    super(
      retryAt === undefined
        ? 'circuit breaker is half-open: its one trial request is in flight'
        : `circuit breaker is open until ${new Date(retryAt).toISOString()}`,
      options
    )
    this.name = 'BreakerOpenError'
    this.retryAt = retryAt
  }
}

/** Carries an error through cockatiel without counting it as a failure. */
class Uncounted {
  constructor(readonly error: unknown) {}
}

const DEFAULT_MINIMUM_CALLS = 2
const DEFAULT_WINDOW_SIZE = 10
// The CountBreaker threshold is derived by scanning every ratio the window can hold: O(size²).
const MAX_WINDOW_SIZE = 1000

/**
 * A breaker over the last `windowSize` calls. `saved` (from snapshot(), possibly in another
 * process) is restored when it matches these options; an unusable one is ignored.
 */
export function createBreaker(opts: BreakerOptions, saved?: BreakerSnapshot): CandidateBreaker {
  const { threshold, cooldownMs } = opts
  const windowSize = opts.windowSize ?? DEFAULT_WINDOW_SIZE
  const minimumCalls = opts.minimumCalls ?? DEFAULT_MINIMUM_CALLS
  checkOptions(threshold, cooldownMs, windowSize, minimumCalls)
  const policy = circuitBreaker(
    handleWhen(err => !(err instanceof Uncounted)),
    {
      breaker: new CountBreaker({
        threshold: countBreakerThreshold(threshold, windowSize),
        size: windowSize,
        minimumNumberOfCalls: minimumCalls
      }),
      halfOpenAfter: cooldownMs,
      initialState: restorableState(saved, windowSize, Date.now())
    }
  )
  return new PolicyBreaker(policy, cooldownMs)
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

const STATE_NAMES: Record<CircuitState, CandidateBreaker['state']> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open'
}

const everyError = (): boolean => true

class PolicyBreaker implements CandidateBreaker {
  constructor(
    private readonly policy: CircuitBreakerPolicy,
    private readonly cooldownMs: number
  ) {}

  get state(): CandidateBreaker['state'] {
    return STATE_NAMES[this.policy.state]
  }

  async execute<T>(
    fn: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    countsAsFailure: (err: unknown) => boolean = everyError
  ): Promise<T> {
    // cockatiel queues callers behind a half-open trial; ours are turned away instead.
    if (this.policy.state === CircuitState.HalfOpen) throw new BreakerOpenError()
    const isTrial = this.policy.state === CircuitState.Open
    try {
      return await this.policy.execute(async ({ signal: attemptSignal }) => {
        try {
          return await fn(attemptSignal)
        } catch (err) {
          // An aborted trial proves nothing, so the breaker stays cautious: it re-opens.
          const counted = attemptSignal.aborted ? isTrial : countsAsFailure(err)
          throw counted ? err : new Uncounted(err)
        }
      }, signal)
    } catch (err) {
      if (err instanceof Uncounted) throw err.error
      if (isBrokenCircuitError(err)) throw new BreakerOpenError(this.retryAt())
      throw err
    }
  }

  snapshot(): BreakerSnapshot {
    // A deep copy: cockatiel hands out its live objects.
    const state = JSON.parse(JSON.stringify(this.policy.toJSON())) as unknown
    const openedAt = this.openedAt()
    return openedAt === undefined ? { version: 1, state } : { version: 1, state, openedAt }
  }

  retryAt(): number | undefined {
    const openedAt = this.openedAt()
    return openedAt === undefined ? undefined : openedAt + this.cooldownMs
  }

  private openedAt(): number | undefined {
    if (this.policy.state !== CircuitState.Open) return undefined
    const { ownState } = this.policy.toJSON() as { ownState: { openedAt: number } }
    return ownState.openedAt
  }
}
