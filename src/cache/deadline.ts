// Time limits for calls into a library that cannot be cancelled (@actions/cache: no signal, a
// 3-minute socket timeout per JSON request, retries on top). Past its limit a call is left
// behind, not stopped: the caller goes on, and the process ends it by exiting (src/exit.ts).
import type { Clock } from '../clock.js'

export interface CallLimits {
  /** Longest wait for one call. */
  deadlineMs?: number
  /** Longest wait for all calls together. */
  budgetMs?: number
  clock: Clock
}

export interface CallBudget {
  /** Why no further call should be made (the time is spent, or a call was left behind). */
  refusal(): string | undefined
  /**
   * Starts `work`, passing the ms it may take (undefined: no limit), and waits at most that long;
   * past it, rejects and leaves the call behind.
   */
  run<T>(what: string, work: (limitMs: number | undefined) => Promise<T>): Promise<T>
}

export function callBudget(limits: CallLimits): CallBudget {
  const { deadlineMs, budgetMs, clock } = limits
  let spentMs = 0
  let leftBehind: string | undefined
  const limitMs = (): number | undefined => {
    const left = budgetMs === undefined ? undefined : budgetMs - spentMs
    if (deadlineMs === undefined) return left
    return left === undefined ? deadlineMs : Math.min(deadlineMs, left)
  }
  return {
    refusal() {
      if (leftBehind !== undefined)
        return `${leftBehind} did not finish in time: the cache service is not answering`
      const left = limitMs()
      if (left !== undefined && left <= 0)
        return `the ${budgetMs} ms given to the Actions cache are spent`
      return undefined
    },
    async run(what, work) {
      const limit = limitMs()
      const started = clock.now()
      try {
        return await within(work(limit), limit, clock, what)
      } catch (err) {
        if (err instanceof LeftBehind) leftBehind = what
        throw err
      } finally {
        spentMs += Math.max(0, clock.now() - started)
      }
    }
  }
}

class LeftBehind extends Error {}

async function within<T>(
  work: Promise<T>,
  limitMs: number | undefined,
  clock: Clock,
  what: string
): Promise<T> {
  if (limitMs === undefined) return work
  // A call left behind may still fail later; that must not become an unhandled rejection.
  work.catch(() => undefined)
  const settled = new AbortController()
  const giveUp = (): Promise<never> =>
    Promise.reject(new LeftBehind(`${what} took longer than ${limitMs} ms; left behind`))
  const late = clock.sleep(Math.max(0, limitMs), settled.signal).then(giveUp, giveUp)
  late.catch(() => undefined)
  try {
    return await Promise.race([work, late])
  } finally {
    settled.abort()
  }
}
