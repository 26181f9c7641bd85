import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { BreakerOpenError, createBreaker } from '../../src/resilience/breaker.js'
import {
  Answer,
  breaker,
  fail,
  heldRequest,
  manualClock,
  openBreaker,
  OPTS,
  outcomeNow,
  Outage,
  succeed,
  T0,
  time,
  useManualClock
} from './support/breaker-kit.js'

useManualClock()
afterEach(() => {
  jest.restoreAllMocks()
})

describe('createBreaker options', () => {
  it.each([
    [{ ...OPTS, threshold: 0 }, 'breaker threshold must be a ratio in (0, 1], got 0'],
    [{ ...OPTS, threshold: 1.5 }, 'breaker threshold must be a ratio in (0, 1], got 1.5'],
    [{ ...OPTS, cooldownMs: -1 }, 'breaker cooldownMs must be a finite number ≥ 0, got -1'],
    [{ ...OPTS, windowSize: 0 }, 'breaker windowSize must be an integer in [1, 1000], got 0'],
    [{ ...OPTS, minimumCalls: 11 }, 'breaker minimumCalls must be an integer in [1, 10], got 11']
  ])('rejects %j', (opts, message) => {
    expect(() => createBreaker(opts, manualClock)).toThrow(new RangeError(message))
  })
})

describe('opening', () => {
  it('opens when the failure ratio reaches the threshold (≥, not >)', async () => {
    const b = breaker()
    expect(await succeed(b)).toBe('ok')
    expect(await succeed(b)).toBe('ok')
    expect(await fail(b)).toBe('Outage') // 1 of 3
    expect(b.state).toBe('closed')
    expect(await fail(b)).toBe('Outage') // 2 of 4 = 0.5
    expect(b.state).toBe('open')
  })

  it('waits for minimumCalls before the ratio counts', async () => {
    const b = breaker({ ...OPTS, minimumCalls: 3 })
    await fail(b)
    await fail(b)
    expect(b.state).toBe('closed')
    await fail(b)
    expect(b.state).toBe('open')
  })

  it('with minimumCalls 1 opens on the first failed request', async () => {
    const b = breaker({ ...OPTS, threshold: 1, minimumCalls: 1 })
    await fail(b)
    expect(b.state).toBe('open')
  })

  it('with threshold 1 opens only on a window of failures only', async () => {
    const b = breaker({ ...OPTS, threshold: 1, windowSize: 4 })
    await fail(b)
    await succeed(b)
    await fail(b)
    await fail(b)
    await fail(b) // window: ok, fail, fail, fail
    expect(b.state).toBe('closed')
    await fail(b) // window: fail × 4
    expect(b.state).toBe('open')
  })

  it('looks only at the last windowSize requests', async () => {
    const b = breaker({ ...OPTS, threshold: 0.75, windowSize: 4 })
    for (let i = 0; i < 4; i++) await succeed(b)
    await fail(b)
    await fail(b)
    expect(b.state).toBe('closed') // 2 of 4
    await fail(b)
    expect(b.state).toBe('open') // 3 of 4: the old successes left the window
  })

  it('takes a threshold as written: 0.3 opens at 3 of 10', async () => {
    const b = breaker({ ...OPTS, threshold: 0.3, minimumCalls: 1 })
    for (let i = 0; i < 7; i++) await succeed(b)
    await fail(b)
    await fail(b)
    expect(b.state).toBe('closed') // 2 of 9
    await fail(b)
    expect(b.state).toBe('open') // 3 of 10
  })

  it('does not count errors that countsAsFailure rejects, and passes them through unchanged', async () => {
    const b = breaker()
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
    expect(b.state).toBe('closed') // the window holds one request, not six
  })

  it('does not count a request whose signal was aborted', async () => {
    const b = breaker()
    const ac = new AbortController()
    ac.abort(new Error('deadline'))
    for (let i = 0; i < 3; i++) {
      await expect(
        b.execute(async () => Promise.reject(new Outage('aborted')), ac.signal)
      ).rejects.toThrow('aborted')
    }
    expect(b.state).toBe('closed')
    expect(b.snapshot().outcomes).toEqual([])
  })

  it('ignores requests that end after it opened: their siblings already judged the server', async () => {
    const b = breaker()
    const late = heldRequest<string>()
    const inFlight = b.execute(late.start)
    await fail(b)
    await fail(b)
    expect(b.state).toBe('open')
    late.resolve('late answer')
    expect(await inFlight).toBe('late answer')
    expect(b.state).toBe('open')
    expect(b.snapshot().outcomes).toEqual(['failed', 'failed'])
  })
})

describe('requests in flight when it opens', () => {
  it('stops their retries: throwIfOpened throws once the breaker opened', async () => {
    const b = breaker()
    const checks: string[] = []
    const held = heldRequest<void>()
    const request = b.execute(async admission => {
      admission.throwIfOpened()
      checks.push('first attempt')
      await held.start() // the first attempt failed; backing off
      admission.throwIfOpened() // before the retry
      checks.push('retried')
      return 'ok'
    })
    await fail(b)
    await fail(b)
    held.resolve()
    const err = await request.catch(e => e as BreakerOpenError)
    expect(err).toBeInstanceOf(BreakerOpenError)
    expect((err as BreakerOpenError).message).toBe(
      'circuit breaker open after 2 of 2 requests failed'
    )
    expect(checks).toEqual(['first attempt'])
    expect(b.snapshot().outcomes).toEqual(['failed', 'failed'])
  })

  it('never stops the half-open trial’s own retries', async () => {
    const b = await openBreaker()
    time.now = T0 + 60_000
    const result = await b.execute(async admission => {
      admission.throwIfOpened()
      admission.throwIfOpened()
      return 'trial retried and recovered'
    })
    expect(result).toBe('trial retried and recovered')
    expect(b.state).toBe('closed')
  })
})

describe('open and half-open', () => {
  it('rejects at once while open, naming the requests that opened it and when a trial may go', async () => {
    const b = await openBreaker()
    expect(b.retryAt()).toBe(T0 + 60_000)
    time.now = T0 + 59_999
    const fn = jest.fn(async () => 'called')
    const err = await b.execute(fn).catch(e => e as BreakerOpenError)
    expect(err).toBeInstanceOf(BreakerOpenError)
    expect(err).toMatchObject({
      message: 'circuit breaker open after 2 of 2 requests failed',
      failed: 2,
      total: 2,
      retryAt: T0 + 60_000
    })
    expect(fn).not.toHaveBeenCalled()
  })

  it('after the cooldown lets exactly one trial through; its success closes the breaker', async () => {
    const b = await openBreaker()
    time.now = T0 + 60_000
    const held = heldRequest<string>()
    const trial = b.execute(held.start)
    expect(b.state).toBe('half-open')
    expect(b.retryAt()).toBeUndefined()
    const fn = jest.fn(async () => 'called')
    const second = b.execute(fn)
    expect(await outcomeNow(second)).toBe('BreakerOpenError') // turned away, not queued
    await expect(second).rejects.toThrow(
      'circuit breaker half-open: its one trial request is in flight'
    )
    expect(fn).not.toHaveBeenCalled()
    held.resolve('recovered')
    expect(await trial).toBe('recovered')
    expect(b.state).toBe('closed')
    expect(b.snapshot().outcomes).toEqual(['ok']) // a fresh window
    expect(await succeed(b)).toBe('ok')
  })

  it('re-opens for another cooldown when the trial fails', async () => {
    const b = await openBreaker()
    time.now = T0 + 70_000
    expect(await fail(b)).toBe('Outage')
    expect(b.state).toBe('open')
    expect(b.retryAt()).toBe(T0 + 130_000)
    expect(await fail(b)).toBe('BreakerOpenError')
  })

  it('treats an aborted trial as a failure', async () => {
    const b = await openBreaker()
    time.now = T0 + 60_000
    const ac = new AbortController()
    const trial = b.execute(
      () =>
        new Promise((_, reject) =>
          ac.signal.addEventListener('abort', () => reject(new Error('cancelled')))
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
    time.now = T0 + 60_000
    await expect(
      b.execute(
        () => Promise.reject(new Answer('404')),
        undefined,
        () => false
      )
    ).rejects.toThrow('404')
    expect(b.state).toBe('closed')
  })

  it('keeps open, for another cooldown, when a trial the caller ignores fails', async () => {
    const b = await openBreaker()
    time.now = T0 + 60_000
    await expect(
      b.execute(
        () => Promise.reject(new Outage('500')),
        undefined,
        () => 'ignored'
      )
    ).rejects.toThrow('500')
    expect(b.state).toBe('open')
    expect(b.retryAt()).toBe(T0 + 120_000)
  })

  it('does not count a failure the caller ignores', async () => {
    const b = breaker({ ...OPTS, minimumCalls: 1 })
    await expect(
      b.execute(
        () => Promise.reject(new Outage('500')),
        undefined,
        () => 'ignored'
      )
    ).rejects.toThrow('500')
    expect(b.state).toBe('closed')
    expect(b.snapshot().outcomes).toEqual([])
  })

  it('runs on the clock it is given, never on Date.now', async () => {
    const dateNow = jest.spyOn(Date, 'now')
    const b = await openBreaker() // at T0 = 2030, by the manual clock
    time.now = T0 + 59_999
    await expect(succeed(b)).rejects.toBeInstanceOf(BreakerOpenError)
    time.now = T0 + 60_000
    expect(await succeed(b)).toBe('ok')
    expect(b.state).toBe('closed')
    expect(dateNow).not.toHaveBeenCalled()
  })
})
