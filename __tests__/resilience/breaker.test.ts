import { describe, expect, it, jest } from '@jest/globals'
import { BreakerOpenError, createBreaker } from '../../src/resilience/policy.js'
import {
  Answer,
  fail,
  openBreaker,
  OPTS,
  outcomeNow,
  Outage,
  succeed,
  T0,
  useManualWallClock,
  wall
} from './support/breaker-kit.js'

useManualWallClock()

describe('createBreaker options', () => {
  it.each([
    [{ ...OPTS, threshold: 0 }, 'breaker threshold must be a ratio in (0, 1], got 0'],
    [{ ...OPTS, threshold: 1.5 }, 'breaker threshold must be a ratio in (0, 1], got 1.5'],
    [{ ...OPTS, cooldownMs: -1 }, 'breaker cooldownMs must be a finite number ≥ 0, got -1'],
    [{ ...OPTS, windowSize: 0 }, 'breaker windowSize must be an integer in [1, 1000], got 0'],
    [{ ...OPTS, minimumCalls: 11 }, 'breaker minimumCalls must be an integer in [1, 10], got 11']
  ])('rejects %j', (opts, message) => {
    expect(() => createBreaker(opts)).toThrow(new RangeError(message))
  })
})

describe('opening', () => {
  it('opens when the failure ratio reaches the threshold (≥, not >)', async () => {
    const b = createBreaker(OPTS)
    expect(await succeed(b)).toBe('ok')
    expect(await succeed(b)).toBe('ok')
    expect(await fail(b)).toBe('Outage') // 1 of 3
    expect(b.state).toBe('closed')
    expect(await fail(b)).toBe('Outage') // 2 of 4 = 0.5
    expect(b.state).toBe('open')
  })

  it('waits for minimumCalls before the ratio counts', async () => {
    const b = createBreaker({ ...OPTS, minimumCalls: 3 })
    await fail(b)
    await fail(b)
    expect(b.state).toBe('closed')
    await fail(b)
    expect(b.state).toBe('open')
  })

  it('with threshold 1 opens only on a window of failures only', async () => {
    const b = createBreaker({ ...OPTS, threshold: 1, windowSize: 4 })
    await fail(b)
    await succeed(b)
    await fail(b)
    await fail(b)
    await fail(b) // window: ok, fail, fail, fail
    expect(b.state).toBe('closed')
    await fail(b) // window: fail × 4
    expect(b.state).toBe('open')
  })

  it('looks only at the last windowSize calls', async () => {
    const b = createBreaker({ ...OPTS, threshold: 0.75, windowSize: 4 })
    for (let i = 0; i < 4; i++) await succeed(b)
    await fail(b)
    await fail(b)
    expect(b.state).toBe('closed') // 2 of 4
    await fail(b)
    expect(b.state).toBe('open') // 3 of 4: the old successes left the window
  })

  it('does not count errors that countsAsFailure rejects, and passes them through unchanged', async () => {
    const b = createBreaker(OPTS)
    const answer = new Answer('404')
    for (let i = 0; i < 5; i++) {
      await expect(
        b.execute(
          () => Promise.reject(answer),
          undefined,
          e => !(e instanceof Answer)
        )
      ).rejects.toBe(answer)
    }
    expect(b.state).toBe('closed')
    await fail(b)
    expect(b.state).toBe('closed') // the window holds one call, not six
  })

  it('does not count an attempt whose signal was aborted', async () => {
    const b = createBreaker(OPTS)
    const ac = new AbortController()
    ac.abort(new Error('deadline'))
    for (let i = 0; i < 3; i++) {
      await expect(
        b.execute(async () => Promise.reject(new Outage('aborted')), ac.signal)
      ).rejects.toThrow('aborted')
    }
    expect(b.state).toBe('closed')
  })
})

describe('open and half-open', () => {
  it('rejects at once while open, naming when it will let a trial through', async () => {
    const b = await openBreaker()
    expect(b.retryAt()).toBe(T0 + 60_000)
    wall.now = T0 + 59_999
    const fn = jest.fn(async () => 'called')
    const err = await b.execute(fn).catch(e => e as BreakerOpenError)
    expect(err).toBeInstanceOf(BreakerOpenError)
    expect((err as BreakerOpenError).message).toBe(
      'circuit breaker is open until 2030-01-01T00:01:00.000Z'
    )
    expect((err as BreakerOpenError).retryAt).toBe(T0 + 60_000)
    expect(fn).not.toHaveBeenCalled()
  })

  it('after the cooldown lets exactly one trial through; its success closes the breaker', async () => {
    const b = await openBreaker()
    wall.now = T0 + 60_000
    let finishTrial: (v: string) => void = () => undefined
    const trial = b.execute(() => new Promise<string>(resolve => (finishTrial = resolve)))
    expect(b.state).toBe('half-open')
    expect(b.retryAt()).toBeUndefined()
    const fn = jest.fn(async () => 'called')
    const second = b.execute(fn)
    expect(await outcomeNow(second)).toBe('BreakerOpenError') // turned away, not queued
    await expect(second).rejects.toThrow(
      'circuit breaker is half-open: its one trial request is in flight'
    )
    expect(fn).not.toHaveBeenCalled()
    finishTrial('recovered')
    expect(await trial).toBe('recovered')
    expect(b.state).toBe('closed')
    expect(await succeed(b)).toBe('ok')
  })

  it('re-opens for another cooldown when the trial fails', async () => {
    const b = await openBreaker()
    wall.now = T0 + 70_000
    expect(await fail(b)).toBe('Outage')
    expect(b.state).toBe('open')
    expect(b.retryAt()).toBe(T0 + 130_000)
    expect(await fail(b)).toBe('BreakerOpenError')
  })

  it('treats an aborted trial as a failure', async () => {
    const b = await openBreaker()
    wall.now = T0 + 60_000
    const ac = new AbortController()
    const trial = b.execute(
      signal =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(new Error('cancelled')))
        ),
      ac.signal
    )
    ac.abort()
    await expect(trial).rejects.toThrow('cancelled')
    expect(b.state).toBe('open')
    expect(b.retryAt()).toBe(T0 + 120_000)
  })

  it('closes when the trial gets an answer that is not a failure', async () => {
    const b = await openBreaker()
    wall.now = T0 + 60_000
    await expect(
      b.execute(
        () => Promise.reject(new Answer('404')),
        undefined,
        () => false
      )
    ).rejects.toThrow('404')
    expect(b.state).toBe('closed')
  })
})
