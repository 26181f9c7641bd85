// The breaker's saved form: what the verdict cache keeps between runs, and how it is read back.

/** JSON-serialisable breaker state, as the verdict cache stores it. */
export type BreakerSnapshot = {
  version: 2
  /** The requests the failure ratio is taken over, oldest first. */
  outcomes: RequestOutcome[]
  /** When an open breaker opened (ms since epoch, by the run's clock); absent unless open. */
  openedAt?: number
}

export type RequestOutcome = 'ok' | 'failed'

/** What a breaker starts from: the counted requests, oldest first, and when it opened. */
export interface BreakerStart {
  outcomes: RequestOutcome[]
  openedAt?: number
}

/**
 * The state to restore from `saved`, or a closed breaker with an empty window when there is none
 * or it does not fit (another snapshot version, a longer window, a damaged value). An `openedAt`
 * in the future (clock skew between runners) is clamped to `now`, so an open breaker waits at most
 * one cooldown.
 */
export function restoreStart(saved: unknown, windowSize: number, now: number): BreakerStart {
  const fresh: BreakerStart = { outcomes: [] }
  if (!isRecord(saved) || saved.version !== 2) return fresh
  const { outcomes, openedAt } = saved
  if (!Array.isArray(outcomes) || outcomes.length > windowSize) return fresh
  if (!outcomes.every(o => o === 'ok' || o === 'failed')) return fresh
  if (openedAt === undefined) return { outcomes: [...(outcomes as RequestOutcome[])] }
  if (typeof openedAt !== 'number' || !Number.isFinite(openedAt) || openedAt < 0) return fresh
  // A breaker opens on a failed request, so an open one without any is damaged.
  if (!outcomes.includes('failed')) return fresh
  return { outcomes: [...(outcomes as RequestOutcome[])], openedAt: Math.min(openedAt, now) }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
