// Calls into a library that cannot be cancelled: waited for at most their limit, then left behind.
import { describe, expect, it } from '@jest/globals'
import { systemClock, type Clock } from '../../../src/clock.js'
import { callBudget } from '../../../src/cache/deadline.js'

const never = <T>(): Promise<T> => new Promise<T>(() => undefined)

/** A clock whose time moves only when told, with real (short) sleeps. */
function steppedClock(): Clock & { advance(ms: number): void } {
  let now = 0
  return { now: () => now, sleep: systemClock.sleep, advance: ms => void (now += ms) }
}

describe('callBudget', () => {
  it('passes the limit to the call and returns its result', async () => {
    const calls = callBudget({ deadlineMs: 5_000, budgetMs: 8_000, clock: systemClock })
    const seen: (number | undefined)[] = []
    expect(await calls.run('first', async limit => (seen.push(limit), 'done'))).toBe('done')
    expect(seen[0]).toBe(5_000)
    expect(calls.refusal()).toBeUndefined()
  })

  it('gives up on a call that never ends, and refuses every later call', async () => {
    const calls = callBudget({ deadlineMs: 30, clock: systemClock })
    await expect(calls.run('restoreCache', () => never())).rejects.toThrow(
      'restoreCache took longer than 30 ms; left behind'
    )
    expect(calls.refusal()).toBe(
      'restoreCache did not finish in time: the cache service is not answering'
    )
  })

  it('gives each call what is left of the budget, and refuses once it is spent', async () => {
    const clock = steppedClock()
    const calls = callBudget({ deadlineMs: 15_000, budgetMs: 20_000, clock })
    await calls.run('restoreCache', async () => clock.advance(12_000))
    const limits: (number | undefined)[] = []
    await calls.run('saveCache', async limit => {
      limits.push(limit)
      clock.advance(8_000)
    })
    expect(limits).toEqual([8_000])
    expect(calls.refusal()).toBe('the 20000 ms given to the Actions cache are spent')
  })

  it('has no limit when given none', async () => {
    const calls = callBudget({ clock: systemClock })
    expect(await calls.run('x', async limit => limit)).toBeUndefined()
  })

  it('passes on the error of a call that fails in time', async () => {
    const calls = callBudget({ deadlineMs: 5_000, clock: systemClock })
    await expect(calls.run('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom'
    )
    expect(calls.refusal()).toBeUndefined()
  })

  it('lets a call left behind fail later without an unhandled rejection', async () => {
    const calls = callBudget({ deadlineMs: 10, clock: systemClock })
    let fail = (_: Error): void => undefined
    const late = new Promise<never>((_, reject) => (fail = reject))
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      await expect(calls.run('saveCache', () => late)).rejects.toThrow('left behind')
      fail(new Error('the library gave up at last'))
      await new Promise(resolve => setTimeout(resolve, 20))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
