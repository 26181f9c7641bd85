import { describe, expect, it, jest } from '@jest/globals'
import { createLimiter, SlotTaken } from '../../src/resilience/limiter.js'

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
    const queued = limit(cancelled, { signal: ac.signal })
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
    await expect(limit(fn, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    expect(fn).not.toHaveBeenCalled()
    expect(await limit(async () => 'free')).toBe('free')
  })

  it('does not abort a call that already runs (its signal is its own business)', async () => {
    const limit = createLimiter(1)
    const ac = new AbortController()
    const g = gate()
    const running = limit(() => g.promise.then(() => 'finished'), { signal: ac.signal })
    await settle()
    ac.abort()
    g.open()
    expect(await running).toBe('finished')
  })

  it('gives an idle call only a slot nobody in line waits for', async () => {
    const limit = createLimiter(1)
    const holder = gate()
    const due = gate()
    const order: string[] = []
    const held = limit(() => holder.promise)
    const early = limit(async () => void order.push('idle'), { idleUntil: due.promise })
    const inLine = limit(async () => void order.push('in line'))
    await settle()
    holder.open()
    await Promise.all([held, early, inLine])
    expect(order).toEqual(['in line', 'idle'])
  })

  it('puts an idle call in line once it is due, behind those already there', async () => {
    const limit = createLimiter(1)
    const holder = gate()
    const due = gate()
    const order: string[] = []
    const held = limit(() => holder.promise)
    const first = limit(async () => void order.push('first'))
    const early = limit(async () => void order.push('was idle'), { idleUntil: due.promise })
    due.open()
    await settle()
    const last = limit(async () => void order.push('last'))
    holder.open()
    await Promise.all([held, first, early, last])
    expect(order).toEqual(['first', 'was idle', 'last'])
  })

  it('takes an idle call whose signal aborts out of the queue', async () => {
    const limit = createLimiter(1)
    const holder = gate()
    const ac = new AbortController()
    const held = limit(() => holder.promise)
    const fn = jest.fn(async () => 'never')
    const idle = limit(fn, { signal: ac.signal, idleUntil: new Promise(() => undefined) })
    ac.abort(new Error('stop'))
    await expect(idle).rejects.toThrow('stop')
    holder.open()
    await held
    expect(await limit(async () => 'free')).toBe('free')
    expect(fn).not.toHaveBeenCalled()
  })

  /** An idle call that runs until its slot is taken (or `done` opens), and says which. */
  function idleCall(limit: ReturnType<typeof createLimiter>, due: Promise<unknown>, done: Gate) {
    return limit(
      slotTaken =>
        new Promise<string>(resolve => {
          slotTaken?.addEventListener('abort', () =>
            resolve(slotTaken.reason instanceof SlotTaken ? 'gave way' : 'aborted')
          )
          void done.promise.then(() => resolve('finished'))
        }),
      { idleUntil: due }
    )
  }

  it('takes a slot for a due call from the idle call that started last', async () => {
    const limit = createLimiter(2)
    const never = new Promise(() => undefined)
    const done = gate()
    const first = idleCall(limit, never, done)
    const second = idleCall(limit, never, done)
    await settle()
    const dueRan = jest.fn(async () => 'due')
    const due = limit(dueRan)
    expect(await second).toBe('gave way')
    expect(await due).toBe('due')
    done.open()
    expect(await first).toBe('finished')
  })

  it('gives way only as many idle calls as due calls wait, and none that became due', async () => {
    const limit = createLimiter(2)
    const contact = gate()
    const done = gate()
    const riding = idleCall(limit, contact.promise, done)
    const never = idleCall(limit, new Promise(() => undefined), done)
    await settle()
    contact.open()
    await settle()
    const due = [limit(async () => 'a'), limit(async () => 'b')]
    expect(await never).toBe('gave way')
    expect(await due[0]).toBe('a')
    done.open()
    expect(await riding).toBe('finished')
    expect(await due[1]).toBe('b')
  })

  it('keeps an idle call in its slot until it may give it away', async () => {
    const limit = createLimiter(1)
    const giveable = gate()
    const done = gate()
    const idle = limit(
      slotTaken =>
        new Promise<string>(resolve => {
          slotTaken?.addEventListener('abort', () => resolve('gave way'))
          void done.promise.then(() => resolve('finished'))
        }),
      { idleUntil: new Promise(() => undefined), giveableFrom: giveable.promise }
    )
    await settle()
    const ran = jest.fn(async () => 'due')
    const due = limit(ran)
    await settle()
    expect(ran).not.toHaveBeenCalled()
    giveable.open()
    expect(await idle).toBe('gave way')
    expect(await due).toBe('due')
    done.open()
  })

  it('leaves a quarter of the slots to due calls', async () => {
    const limit = createLimiter(8)
    const never = new Promise(() => undefined)
    const holder = gate()
    const started: string[] = []
    const idle = Array.from({ length: 8 }, (_, i) =>
      limit(
        async () => {
          started.push(`idle ${i}`)
          await holder.promise
        },
        { idleUntil: never, giveableFrom: never }
      )
    )
    await settle()
    expect(started).toHaveLength(6)
    const due = [
      limit(async () => void started.push('due a')),
      limit(async () => void started.push('due b'))
    ]
    await Promise.all(due)
    expect(started).toContain('due a')
    expect(started).toContain('due b')
    holder.open()
    await Promise.all(idle)
    expect(started).toHaveLength(10)
  })

  it('never counts an idle call that has ended as giving its slot away', async () => {
    const limit = createLimiter(4) // idle calls may take 3 of the 4 slots
    const never = new Promise(() => undefined)
    const overdue = gate()
    const hold = gate()
    const idle = (name: string, ends: Promise<unknown>) =>
      limit(
        slotTaken =>
          new Promise<string>(resolve => {
            slotTaken?.addEventListener('abort', () => resolve(`${name} gave way`))
            void ends.then(() => resolve(`${name} finished`))
          }),
        { idleUntil: never, giveableFrom: overdue.promise }
      )
    // The one that has ended started last: it would be the first asked to give way.
    const others = [idle('second', hold.promise), idle('third', hold.promise)]
    await settle()
    expect(await idle('last', Promise.resolve())).toBe('last finished')
    const due = [limit(() => hold.promise), limit(() => hold.promise)]
    const ran = jest.fn(async () => 'due')
    const waiting = limit(ran)
    await settle()
    expect(ran).not.toHaveBeenCalled()
    overdue.open()
    expect(await waiting).toBe('due')
    hold.open()
    expect(await Promise.all(others)).toEqual(['second finished', 'third gave way'])
    await Promise.all(due)
  })

  it.each([0, -1, 1.5, Number.POSITIVE_INFINITY])('rejects concurrency %p', n => {
    expect(() => createLimiter(n)).toThrow(
      new RangeError(`concurrency must be an integer ≥ 1, got ${n}`)
    )
  })
})
