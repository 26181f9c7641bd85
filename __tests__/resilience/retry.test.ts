import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../../src/clock.js'
import {
  BreakerOpenError,
  createBreaker,
  withRetry,
  type CandidateBreaker,
  type PolicyOptions
} from '../../src/resilience/policy.js'

class Outage extends Error {}
const isTransient = (err: unknown): boolean => err instanceof Outage

/** A clock whose sleeps are recorded and end at once, unless the signal is already aborted. */
function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => 0,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted()
      sleeps.push(ms)
    }
  }
}

const lenientBreaker = (): CandidateBreaker =>
  createBreaker({ threshold: 1, cooldownMs: 1000, minimumCalls: 10 })

function options(over: Partial<PolicyOptions> = {}): PolicyOptions {
  return {
    retries: 3,
    baseDelayMs: 10,
    maxDelayMs: 35,
    isTransient,
    clock: recordingClock(),
    ...over
  }
}

afterEach(() => {
  jest.restoreAllMocks()
})

describe('withRetry', () => {
  it('returns the first success, numbering attempts from 1', async () => {
    const seen: number[] = []
    const result = await withRetry(options(), lenientBreaker(), async (_s, n) => {
      seen.push(n)
      if (n < 3) throw new Outage(`attempt ${n}`)
      return `done on ${n}`
    })
    expect(result).toBe('done on 3')
    expect(seen).toEqual([1, 2, 3])
  })

  it('stops after `retries` more attempts and rejects with the last error', async () => {
    const calls: number[] = []
    const retried: number[] = []
    const last = await withRetry(
      options({ retries: 2 }),
      lenientBreaker(),
      async (_s, n) => {
        calls.push(n)
        throw new Outage(`attempt ${n}`)
      },
      undefined,
      (_err, n) => retried.push(n)
    ).catch(e => e as Error)
    expect(last).toEqual(new Outage('attempt 3'))
    expect(calls).toEqual([1, 2, 3])
    expect(retried).toEqual([1, 2])
  })

  it('does not retry a non-transient error, nor count it against the breaker', async () => {
    const breaker = createBreaker({ threshold: 0.5, cooldownMs: 1000 })
    const notFound = new Error('404 not found')
    for (let i = 0; i < 4; i++) {
      const attempt = jest.fn(async () => Promise.reject(notFound))
      await expect(withRetry(options(), breaker, attempt)).rejects.toBe(notFound)
      expect(attempt).toHaveBeenCalledTimes(1)
    }
    expect(breaker.state).toBe('closed')
  })

  it('grows the backoff cap from baseDelayMs to maxDelayMs', async () => {
    const top = recordingClock()
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const delays: number[] = []
    const fail = async (): Promise<never> => Promise.reject(new Outage('503'))
    const opts = options({ retries: 4, clock: top })
    await expect(
      withRetry(opts, lenientBreaker(), fail, undefined, (_e, _n, ms) => delays.push(ms))
    ).rejects.toThrow('503')
    // Full jitter just below each cap: caps 10, 20, 35 (= max), 35.
    expect(top.sleeps).toEqual([9, 19, 34, 34])
    expect(delays).toEqual(top.sleeps)

    const bottom = recordingClock()
    jest.spyOn(Math, 'random').mockReturnValue(0)
    await expect(withRetry({ ...opts, clock: bottom }, lenientBreaker(), fail)).rejects.toThrow(
      '503'
    )
    expect(bottom.sleeps).toEqual([0, 0, 0, 0])
  })

  it('jitters each delay within [0, cap)', async () => {
    const clock = recordingClock()
    const opts = options({ retries: 3, baseDelayMs: 100, maxDelayMs: 250, clock })
    for (let run = 0; run < 100; run++) {
      await withRetry(opts, lenientBreaker(), () => Promise.reject(new Outage('503'))).catch(
        () => undefined
      )
    }
    const byRetry = [0, 1, 2].map(i => clock.sleeps.filter((_, j) => j % 3 === i))
    const caps = [100, 200, 250]
    byRetry.forEach((delays, i) => {
      expect(delays).toHaveLength(100)
      for (const d of delays) expect(d >= 0 && d < caps[i] && Number.isInteger(d)).toBe(true)
      expect(new Set(delays).size).toBeGreaterThan(10) // jittered, not one fixed value
    })
    expect(Math.max(...byRetry[2])).toBeGreaterThanOrEqual(caps[0]) // later retries can wait longer
  })

  it('sleeps for real when no clock is given', async () => {
    const seen: number[] = []
    const opts: PolicyOptions = { retries: 2, baseDelayMs: 2, maxDelayMs: 4, isTransient }
    const result = await withRetry(opts, lenientBreaker(), async (_s, n) => {
      seen.push(n)
      if (n === 1) throw new Outage('once')
      return 'second time lucky'
    })
    expect(result).toBe('second time lucky')
    expect(seen).toEqual([1, 2])
  })
})

describe('withRetry and the breaker', () => {
  it('stops retrying as soon as the breaker opens, with BreakerOpenError caused by the last error', async () => {
    const breaker = createBreaker({ threshold: 0.5, cooldownMs: 60_000, minimumCalls: 2 })
    const calls: number[] = []
    const err = await withRetry(options({ retries: 5 }), breaker, async (_s, n) => {
      calls.push(n)
      throw new Outage(`attempt ${n}`)
    }).catch(e => e as BreakerOpenError)
    expect(err).toBeInstanceOf(BreakerOpenError)
    expect((err as BreakerOpenError).cause).toEqual(new Outage('attempt 2'))
    expect(calls).toEqual([1, 2])
    expect(breaker.state).toBe('open')
  })

  it('does not call the attempt at all while the breaker is open', async () => {
    const breaker = createBreaker({ threshold: 0.5, cooldownMs: 60_000, minimumCalls: 2 })
    await withRetry(options(), breaker, () => Promise.reject(new Outage('down'))).catch(
      () => undefined
    )
    const attempt = jest.fn(async () => 'never')
    await expect(withRetry(options(), breaker, attempt)).rejects.toBeInstanceOf(BreakerOpenError)
    expect(attempt).not.toHaveBeenCalled()
  })
})

describe('withRetry and abort', () => {
  it('rejects with the reason of an already aborted signal without attempting', async () => {
    const reason = new Error('deadline passed')
    const attempt = jest.fn(async () => 'never')
    await expect(
      withRetry(options(), lenientBreaker(), attempt, AbortSignal.abort(reason))
    ).rejects.toBe(reason)
    expect(attempt).not.toHaveBeenCalled()
  })

  it('stops a running attempt and makes no further one', async () => {
    const ac = new AbortController()
    const reason = new Error('deadline passed')
    const calls: number[] = []
    const breaker = lenientBreaker()
    const pending = withRetry(
      options(),
      breaker,
      (signal, n) => {
        calls.push(n)
        // The transport turns the abort into an error of its own; withRetry reports the reason.
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(new Outage('socket closed')))
        )
      },
      ac.signal
    )
    ac.abort(reason)
    await expect(pending).rejects.toBe(reason)
    expect(calls).toEqual([1])
    expect(breaker.state).toBe('closed')
  })

  it('cancels a backoff sleep at once', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.99)
    const ac = new AbortController()
    const reason = new Error('deadline passed')
    const calls: number[] = []
    // Real sleeps of about 30 s: only a cancelled sleep lets this finish within the test timeout.
    const opts: PolicyOptions = { retries: 3, baseDelayMs: 30_000, maxDelayMs: 30_000, isTransient }
    const pending = withRetry(
      opts,
      lenientBreaker(),
      async (_s, n) => {
        calls.push(n)
        throw new Outage('503')
      },
      ac.signal,
      () => setImmediate(() => ac.abort(reason))
    )
    await expect(pending).rejects.toBe(reason)
    expect(calls).toEqual([1])
  }, 5_000)
})

describe('withRetry against a real HTTP server', () => {
  let server: http.Server
  let base = ''
  const answers: number[] = []
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(answers.shift() ?? 500).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

  class Status extends Error {
    constructor(readonly status: number) {
      super(`HTTP ${status}`)
    }
  }
  const get = async (signal: AbortSignal): Promise<number> => {
    const res = await fetch(base, { signal })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Status(res.status)
    return res.status
  }
  const httpOptions = options({ isTransient: e => e instanceof Status && e.status >= 500 })

  it('retries 503s until a 200', async () => {
    answers.push(503, 502, 200)
    expect(await withRetry(httpOptions, lenientBreaker(), get)).toBe(200)
    expect(answers).toEqual([])
  })

  it('takes a 404 as the answer', async () => {
    answers.push(404, 200)
    await expect(withRetry(httpOptions, lenientBreaker(), get)).rejects.toEqual(new Status(404))
    expect(answers).toEqual([200])
    answers.length = 0
  })
})

describe('withRetry options', () => {
  it.each([
    [{ retries: -1 }, 'retries must be an integer ≥ 0, got -1'],
    [{ retries: 1.5 }, 'retries must be an integer ≥ 0, got 1.5'],
    [{ baseDelayMs: -5 }, 'baseDelayMs must be a finite number ≥ 0, got -5'],
    [
      { baseDelayMs: 50, maxDelayMs: 10 },
      'maxDelayMs must be a finite number ≥ baseDelayMs (50), got 10'
    ]
  ])('rejects %j', async (over, message) => {
    await expect(withRetry(options(over), lenientBreaker(), async () => 1)).rejects.toThrow(
      new RangeError(message)
    )
  })
})
