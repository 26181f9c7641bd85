// An overall concurrency cap. cockatiel's bulkhead is not used: a queued call whose signal aborts
// stays queued until a slot frees, and a cancelled call taken from the queue does not hand its
// slot on, which can leave the calls behind it waiting forever.
import { onAbort } from '../abort.js'

/** Runs `fn` once a slot is free; a call whose signal aborts while it waits leaves the queue. */
export type Limit = <T>(fn: () => Promise<T>, signal?: AbortSignal) => Promise<T>

/** Runs at most `concurrency` calls at once; the rest wait in order of arrival. */
export function createLimiter(concurrency: number): Limit {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`)
  }
  let running = 0
  const waiting = new Set<() => void>() // iterates in insertion order: first come, first served

  const acquire = (signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted()
    if (running < concurrency) {
      running++
      return Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        stopListening()
        resolve()
      }
      waiting.add(grant)
      // Hundreds may wait on one candidate's signal: onAbort keeps that to one real listener.
      const stopListening = signal
        ? onAbort(signal, () => {
            waiting.delete(grant)
            reject(signal.reason)
          })
        : () => undefined
    })
  }

  // A finished call hands its slot straight to the next waiter, so `running` stays put.
  const release = (): void => {
    const next = waiting.values().next()
    if (next.done) {
      running--
      return
    }
    waiting.delete(next.value)
    next.value()
  }

  return async (fn, signal) => {
    await acquire(signal)
    try {
      return await fn()
    } finally {
      release()
    }
  }
}
