// One real listener per long-lived signal, however many requests wait on it.
import { describe, expect, it } from '@jest/globals'
import { getEventListeners } from 'node:events'
import { deadlineSignal, onAbort } from '../../src/abort.js'
import { systemClock } from '../../src/clock.js'
import { createLimiter } from '../../src/resilience/limiter.js'

const listeners = (signal: AbortSignal): number => getEventListeners(signal, 'abort').length

describe('onAbort', () => {
  it('adds one listener for a thousand subscribers, and removes it with the last', () => {
    const controller = new AbortController()
    const stops = Array.from({ length: 1000 }, () => onAbort(controller.signal, () => undefined))
    expect(listeners(controller.signal)).toBe(1)
    for (const stop of stops) stop()
    expect(listeners(controller.signal)).toBe(0)
    // A later subscriber listens afresh.
    const stop = onAbort(controller.signal, () => undefined)
    expect(listeners(controller.signal)).toBe(1)
    stop()
  })

  it('calls each subscribed callback once on abort, and none that unsubscribed', () => {
    const controller = new AbortController()
    const called: string[] = []
    const same = (): number => called.push('same')
    onAbort(controller.signal, same)
    onAbort(controller.signal, same)
    const stop = onAbort(controller.signal, () => called.push('gone'))
    onAbort(controller.signal, () => called.push('kept'))
    stop()
    controller.abort()
    controller.abort()
    expect(called).toEqual(['same', 'same', 'kept'])
    expect(listeners(controller.signal)).toBe(0)
  })

  it('calls back soon, never before it returns, when the signal has already aborted', async () => {
    const signal = AbortSignal.abort()
    const called: string[] = []
    onAbort(signal, () => called.push('kept'))
    onAbort(signal, () => called.push('gone'))()
    expect(called).toEqual([])
    await Promise.resolve()
    expect(called).toEqual(['kept'])
  })
})

describe('deadlineSignal', () => {
  it('aborts with its parent, or with a TimeoutError when the deadline comes first', async () => {
    const parent = new AbortController()
    const withParent = deadlineSignal(parent.signal, 60_000)
    parent.abort(new Error('cancelled'))
    expect(withParent.signal.reason).toEqual(new Error('cancelled'))
    expect(withParent.expired()).toBe(false)
    withParent.dispose()

    const late = deadlineSignal(new AbortController().signal, 1)
    await new Promise(resolve => late.signal.addEventListener('abort', resolve))
    expect(late.expired()).toBe(true)
    expect((late.signal.reason as DOMException).name).toBe('TimeoutError')
    late.dispose()

    const gone = deadlineSignal(AbortSignal.abort('gone'), 60_000)
    expect(gone.signal.reason).toBe('gone')
    gone.dispose()
  })

  it('leaves no listener on the parent once disposed', () => {
    const parent = new AbortController()
    const many = Array.from({ length: 100 }, () => deadlineSignal(parent.signal, 60_000))
    expect(listeners(parent.signal)).toBe(1)
    for (const d of many) d.dispose()
    expect(listeners(parent.signal)).toBe(0)
  })
})

describe('the waits that share a candidate signal', () => {
  it('a limiter queue of a thousand and a hundred back-off sleeps keep one listener', async () => {
    const controller = new AbortController()
    const { signal } = controller
    const limit = createLimiter(1)
    const queued = Array.from({ length: 1000 }, () =>
      limit(() => new Promise(() => undefined), { signal })
    )
    const sleeps = Array.from({ length: 100 }, () => systemClock.sleep(60_000, signal))
    expect(listeners(signal)).toBe(1)
    controller.abort(new Error('stop'))
    const outcomes = await Promise.allSettled([...queued.slice(1), ...sleeps])
    expect(outcomes.every(o => o.status === 'rejected')).toBe(true)
    expect(listeners(signal)).toBe(0)
  })
})
