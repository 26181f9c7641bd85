// Abort listening that scales. A candidate's signal lives for the whole run and is shared by all
// of its requests (a thousand for a large go.sum); one 'abort' listener each would pass Node's
// limit of ten and print MaxListenersExceededWarning. Here a signal gets one real listener that
// calls every subscriber, removed again with the last subscriber.

interface Subscribers {
  callbacks: Set<() => void>
  fire: () => void
}

const bySignal = new WeakMap<AbortSignal, Subscribers>()

/**
 * Calls `callback` once when `signal` aborts (in a microtask if it already has, never before this
 * returns). Returns the unsubscribe function: call it when the operation ends, so nothing is kept
 * for a signal that lives on.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    let subscribed = true
    queueMicrotask(() => subscribed && callback())
    return () => void (subscribed = false)
  }
  const subscribers = bySignal.get(signal) ?? listen(signal)
  // A wrapper of its own, so that one function subscribed twice is called twice.
  const entry = (): void => callback()
  subscribers.callbacks.add(entry)
  return () => {
    if (!subscribers.callbacks.delete(entry) || subscribers.callbacks.size > 0) return
    signal.removeEventListener('abort', subscribers.fire)
    if (bySignal.get(signal) === subscribers) bySignal.delete(signal)
  }
}

function listen(signal: AbortSignal): Subscribers {
  const callbacks = new Set<() => void>()
  const fire = (): void => {
    bySignal.delete(signal)
    for (const callback of [...callbacks]) callback()
    callbacks.clear()
  }
  signal.addEventListener('abort', fire, { once: true })
  const subscribers = { callbacks, fire }
  bySignal.set(signal, subscribers)
  return subscribers
}

/** The signal of one operation: aborts with `parent`, or with a TimeoutError after `timeoutMs`. */
export interface DeadlineSignal {
  signal: AbortSignal
  /** Whether the deadline, not the parent, aborted it. */
  expired(): boolean
  /** Stops the timer and the listening to `parent`; call it when the operation ends. */
  dispose(): void
}

/**
 * Like AbortSignal.any([parent, AbortSignal.timeout(ms)]), but it leaves nothing behind on a
 * long-lived `parent` once disposed (AbortSignal.any keeps a reference per call in some Node
 * versions).
 */
export function deadlineSignal(parent: AbortSignal | undefined, timeoutMs: number): DeadlineSignal {
  const controller = new AbortController()
  let expired = false
  const timer = setTimeout(() => {
    expired = true
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'))
  }, timeoutMs)
  if (parent?.aborted) controller.abort(parent.reason)
  const unsubscribe = parent
    ? onAbort(parent, () => controller.abort(parent.reason))
    : () => undefined
  return {
    signal: controller.signal,
    expired: () => expired,
    dispose: () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }
}
