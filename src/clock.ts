import { onAbort } from './abort.js'

/** Time as the engine sees it; tests pass a fake so backoff and TTLs run without waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason once it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const timer = setTimeout(() => {
        stopListening()
        resolve()
      }, ms)
      // Many requests of one candidate may back off at once on its shared signal.
      const stopListening = signal
        ? onAbort(signal, () => {
            clearTimeout(timer)
            reject(signal.reason)
          })
        : () => undefined
    })
}
