// Pure helpers that fit our breaker semantics onto cockatiel's CountBreaker and its saved state.
import { CircuitState } from 'cockatiel'

/** JSON-serialisable breaker state, as the verdict cache stores it. */
export type BreakerSnapshot = {
  version: 1
  /** cockatiel's CircuitBreakerPolicy.toJSON(). */
  state: unknown
  /** When an open breaker opened (ms since epoch, wall clock); absent unless open. */
  openedAt?: number
}

/**
 * cockatiel's CountBreaker opens when failures > t·calls and only accepts 0 < t < 1; ours opens
 * when failures ≥ threshold·calls, threshold in (0, 1]. With at most `windowSize` calls the
 * failure ratio takes finitely many values, so any t strictly between the largest ratio below
 * `threshold` and the smallest ratio at or above it decides every window the same way. The
 * midpoint keeps a margin of at least 1/(2·windowSize²) against rounding.
 */
export function countBreakerThreshold(threshold: number, windowSize: number): number {
  let below = 0
  let atOrAbove = 1
  for (let calls = 1; calls <= windowSize; calls++) {
    for (let failures = 0; failures <= calls; failures++) {
      const ratio = failures / calls
      if (ratio < threshold) below = Math.max(below, ratio)
      else atOrAbove = Math.min(atOrAbove, ratio)
    }
  }
  return (below + atOrAbove) / 2
}

const MAX_REPLAYED_ATTEMPTS = 1000

interface OwnState {
  value: CircuitState
  openedAt?: number
  attemptNo?: number
}

interface CountState {
  samples: (boolean | null)[]
  currentSample: number
  failures: number
  successes: number
}

/**
 * The `initialState` to hand cockatiel for a saved snapshot, or undefined when there is none or
 * it does not fit (another window size, a foreign or damaged value): the breaker then starts
 * closed. Returns fresh objects, since cockatiel adopts and mutates what it is given. An
 * `openedAt` in the future (clock skew between runners) is clamped to `now`, so an open breaker
 * waits at most one cooldown.
 */
export function restorableState(
  saved: BreakerSnapshot | undefined,
  windowSize: number,
  now: number
): unknown {
  if (saved?.version !== 1 || !isRecord(saved.state)) return undefined
  const ownState = ownStateOf(saved.state.ownState, now)
  const breakerState = countStateOf(saved.state.breakerState, windowSize)
  if (!ownState || !breakerState) return undefined
  return { ownState, breakerState }
}

function ownStateOf(value: unknown, now: number): OwnState | undefined {
  if (!isRecord(value)) return undefined
  if (value.value === CircuitState.Closed) return { value: CircuitState.Closed }
  const { openedAt, attemptNo } = value
  if (value.value !== CircuitState.Open || typeof openedAt !== 'number' || !(openedAt >= 0))
    return undefined
  if (!Number.isSafeInteger(attemptNo) || (attemptNo as number) < 1) return undefined
  // cockatiel replays one backoff step per attempt on restore: keep a damaged count from looping.
  const replayed = Math.min(attemptNo as number, MAX_REPLAYED_ATTEMPTS)
  return { value: CircuitState.Open, openedAt: Math.min(openedAt, now), attemptNo: replayed }
}

function countStateOf(value: unknown, windowSize: number): CountState | undefined {
  if (!isRecord(value)) return undefined
  const { samples, currentSample, failures, successes } = value
  if (!Array.isArray(samples) || samples.length !== windowSize) return undefined
  if (!samples.every(s => s === true || s === false || s === null)) return undefined
  if (!Number.isSafeInteger(currentSample) || (currentSample as number) < 0) return undefined
  if ((currentSample as number) >= windowSize) return undefined
  const counted = {
    failures: samples.filter(s => s === false).length,
    successes: samples.filter(s => s === true).length
  }
  if (failures !== counted.failures || successes !== counted.successes) return undefined
  return {
    samples: [...(samples as (boolean | null)[])],
    currentSample: currentSample as number,
    ...counted
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
