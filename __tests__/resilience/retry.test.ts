import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../../src/clock.js'
import { withRetry, type PolicyOptions } from '../../src/resilience/retry.js'

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
    const result = await withRetry(options(), async (_s, n) => {
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

  it('does not retry a non-transient error', async () => {
    const notFound = new Error('404 not found')
    const attempt = jest.fn(async () => Promise.reject(notFound))
    await expect(withRetry(options(), attempt)).rejects.toBe(notFound)
    expect(attempt).toHaveBeenCalledTimes(1)
  })

  it('grows the backoff cap from baseDelayMs to maxDelayMs', async () => {
    const top = recordingClock()
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const delays: number[] = []
    const fail = async (): Promise<never> => Promise.reject(new Outage('503'))
    const opts = options({ retries: 4, clock: top })
    await expect(withRetry(opts, fail, undefined, (_e, _n, ms) => delays.push(ms))).rejects.toThrow(
      '503'
    )
    // Full jitter just below each cap: caps 10, 20, 35 (= max), 35.
    expect(top.sleeps).toEqual([9, 19, 34, 34])
    expect(delays).toEqual(top.sleeps)

    const bottom = recordingClock()
    jest.spyOn(Math, 'random').mockReturnValue(0)
    await expect(withRetry({ ...opts, clock: bottom }, fail)).rejects.toThrow('503')
    expect(bottom.sleeps).toEqual([0, 0, 0, 0])
  })

  it('jitters each delay within [0, cap)', async () => {
    const clock = recordingClock()
    const opts = options({ retries: 3, baseDelayMs: 100, maxDelayMs: 250, clock })
    for (let run = 0; run < 100; run++) {
      await withRetry(opts, () => Promise.reject(new Outage('503'))).catch(() => undefined)
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
    const result = await withRetry(opts, async (_s, n) => {
      seen.push(n)
      if (n === 1) throw new Outage('once')
      return 'second time lucky'
    })
    expect(result).toBe('second time lucky')
    expect(seen).toEqual([1, 2])
  })
})

describe('withRetry and a wait the server asked for', () => {
  class Busy extends Outage {
    constructor(readonly retryAfterMs?: number) {
      super('429 busy')
    }
  }
  const serverDelayMs = (err: unknown): number | undefined =>
    err instanceof Busy ? err.retryAfterMs : undefined

  it('waits as long as the server asked instead of the backoff', async () => {
    const clock = recordingClock()
    const delays: number[] = []
    const result = await withRetry(
      options({ clock, serverDelayMs, baseDelayMs: 10, maxDelayMs: 10 }),
      async (_s, n) => {
        if (n === 1) throw new Busy(1000)
        if (n === 2) throw new Busy(0)
        return `done on ${n}`
      },
      undefined,
      (_e, _n, ms) => delays.push(ms)
    )
    expect(result).toBe('done on 3')
    expect(clock.sleeps).toEqual([1000, 0])
    expect(delays).toEqual([1000, 0])
  })

  it('backs off as usual when the server named no wait', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const clock = recordingClock()
    const attempt = async (_s: AbortSignal, n: number): Promise<number> => {
      if (n < 3) throw new Busy(n === 1 ? undefined : 5000)
      return n
    }
    const opts = options({ clock, serverDelayMs, baseDelayMs: 10, maxDelayMs: 35 })
    expect(await withRetry(opts, attempt)).toBe(3)
    expect(clock.sleeps).toEqual([9, 5000])
  })

  it('still stops after `retries` more attempts', async () => {
    const clock = recordingClock()
    const calls: number[] = []
    const err = await withRetry(options({ clock, serverDelayMs, retries: 2 }), async (_s, n) => {
      calls.push(n)
      throw new Busy(1000)
    }).catch(e => e as Busy)
    expect(err).toEqual(new Busy(1000))
    expect(calls).toEqual([1, 2, 3])
    expect(clock.sleeps).toEqual([1000, 1000])
  })

  it('does not wait on or retry an error that is not transient, whatever it asks', async () => {
    const clock = recordingClock()
    const final = new Error('rate limited for an hour')
    const attempt = jest.fn(async () => Promise.reject(final))
    await expect(
      withRetry(options({ clock, serverDelayMs: () => 3_600_000 }), attempt)
    ).rejects.toBe(final)
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
  })
})

describe('withRetry and abort', () => {
  it('rejects with the reason of an already aborted signal without attempting', async () => {
    const reason = new Error('deadline passed')
    const attempt = jest.fn(async () => 'never')
    await expect(withRetry(options(), attempt, AbortSignal.abort(reason))).rejects.toBe(reason)
    expect(attempt).not.toHaveBeenCalled()
  })

  it('stops a running attempt and makes no further one', async () => {
    const ac = new AbortController()
    const reason = new Error('deadline passed')
    const calls: number[] = []
    const pending = withRetry(
      options(),
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
    expect(await withRetry(httpOptions, get)).toBe(200)
    expect(answers).toEqual([])
  })

  it('takes a 404 as the answer', async () => {
    answers.push(404, 200)
    await expect(withRetry(httpOptions, get)).rejects.toEqual(new Status(404))
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
    await expect(withRetry(options(over), async () => 1)).rejects.toThrow(new RangeError(message))
  })
})
