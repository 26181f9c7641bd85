import { describe, expect, it, jest } from '@jest/globals'
import { createLimiter } from '../../src/resilience/limiter.js'

interface Gate {
  promise: Promise<void>
  open(): void
}
function gate(): Gate {
  let open = (): void => undefined
  const promise = new Promise<void>(resolve => (open = resolve))
  return { promise, open }
}
const settle = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

describe('createLimiter', () => {
  it('never runs more than N at once, and runs everything', async () => {
    const limit = createLimiter(3)
    let running = 0
    let peak = 0
    const gates = Array.from({ length: 20 }, gate)
    const started: number[] = []
    const results = gates.map((g, i) =>
      limit(async () => {
        started.push(i)
        running++
        peak = Math.max(peak, running)
        await g.promise
        running--
        return i * 10
      })
    )
    await settle()
    expect(started).toEqual([0, 1, 2])
    // Finish in a scrambled order; each finish lets exactly one more start.
    for (const i of [1, 0, 2, 5, 3, 4, 8, 6, 7, 11, 9, 10, 14, 12, 13, 17, 15, 16, 19, 18]) {
      gates[i].open()
      await settle()
      expect(running).toBeLessThanOrEqual(3)
    }
    expect(await Promise.all(results)).toEqual(gates.map((_, i) => i * 10))
    expect(peak).toBe(3)
    expect(started).toEqual([...started].sort((a, b) => a - b)) // first come, first served
  })

  it('frees the slot when a call fails', async () => {
    const limit = createLimiter(1)
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await limit(async () => 'next')).toBe('next')
  })

  it('takes a queued call whose signal aborts out of the queue at once', async () => {
    const limit = createLimiter(1)
    const first = gate()
    const running = limit(() => first.promise.then(() => 'first'))
    const ac = new AbortController()
    const reason = new Error('deadline passed')
    const cancelled = jest.fn(async () => 'never')
    const queued = limit(cancelled, ac.signal)
    const third = limit(async () => 'third')
    ac.abort(reason)
    await expect(queued).rejects.toBe(reason) // while the first call still holds the slot
    first.open()
    expect(await running).toBe('first')
    expect(await third).toBe('third')
    expect(cancelled).not.toHaveBeenCalled()
  })

  it('rejects an already aborted call without taking a slot', async () => {
    const limit = createLimiter(1)
    const reason = new Error('too late')
    const fn = jest.fn(async () => 'never')
    await expect(limit(fn, AbortSignal.abort(reason))).rejects.toBe(reason)
    expect(fn).not.toHaveBeenCalled()
    expect(await limit(async () => 'free')).toBe('free')
  })

  it('does not abort a call that already runs (its signal is its own business)', async () => {
    const limit = createLimiter(1)
    const ac = new AbortController()
    const g = gate()
    const running = limit(() => g.promise.then(() => 'finished'), ac.signal)
    await settle()
    ac.abort()
    g.open()
    expect(await running).toBe('finished')
  })

  it.each([0, -1, 1.5, Number.POSITIVE_INFINITY])('rejects concurrency %p', n => {
    expect(() => createLimiter(n)).toThrow(
      new RangeError(`concurrency must be an integer ≥ 1, got ${n}`)
    )
  })
})
