/**
 * Proxies under load, as real ones are: each request fails once and then succeeds (503, 502, 429,
 * a reset), some ask to wait (Retry-After), some die. The breaker judges whole requests, so retries
 * that succeed leave a proxy usable, while a dead one is cut off after one request's attempts; a
 * record says when the breaker or a rate limit decided. Assertions are on the probe records, the
 * requests the world saw and the waits asked of the clock, never on how long anything took.
 */
import type { ProbeRecord } from '../../src/http/record.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock, type Clock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { probeAll } from '../../src/probe/engine.js'
import { createLimiter } from '../../src/resilience/limiter.js'
import { isUsable, type CandidateReport } from '../../src/probe/types.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type Persona, type ProxyWorld } from '../world/proxy-server.js'

const RETRIES = 2
const TIMEOUT_S = 5
const TWO_MODULES = 'example.com/hello example.com/Upper/Case@v0.1.0'
const ONE_MODULE = 'example.com/hello'
/** The still clock's time: far from the real one, so a date measured by Date.now would be wrong. */
const T_FIXED = Date.parse('2030-01-01T00:00:00Z')
const httpDate = (ms: number): string => new Date(ms).toUTCString()

const firstAttempt = (name: string, how: number | 'reset', retryAfter?: string): Persona => ({
  name,
  fault: 'fail-first-attempt',
  firstAttempt: how,
  retryAfter
})

// Every connection is closed after its answer, so a reset meets a fresh connection: a failure the
// retry must mend. (On a kept-alive one the request would be resent at once, uncounted, as Go
// resends it: see __tests__/network/go-http-diff.test.ts.)
const PERSONAS: Persona[] = [
  firstAttempt('first-503', 503),
  firstAttempt('first-502', 502),
  firstAttempt('first-429', 429),
  firstAttempt('first-reset', 'reset'),
  { name: 'dead', fault: 'status-503' as const },
  { name: 'dies', fault: 'dies-after-first-contact' as const },
  firstAttempt('ra-429-1s', 429, '1'),
  firstAttempt('ra-503-2s', 503, '2'),
  firstAttempt('ra-date', 429, httpDate(T_FIXED + 2000)),
  firstAttempt('ra-at-timeout', 429, String(TIMEOUT_S)),
  firstAttempt('ra-bad', 429, 'soon'),
  firstAttempt('ra-too-long', 429, '3600'),
  firstAttempt('ra-date-too-long', 503, httpDate(T_FIXED + 3_600_000)),
  { ...firstAttempt('ra-zip-too-long', 429, '3600'), faultPaths: /\.zip$/ },
  firstAttempt('ra-real-clock', 429, '1')
].map(p => ({ ...p, closeAfterAnswer: true }))

/** A clock whose time stands still at T_FIXED and whose sleeps are recorded, then end at once. */
function stillClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => T_FIXED,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        signal?.throwIfAborted()
        sleeps.push(ms)
        setImmediate(() => (signal?.aborted ? reject(signal.reason) : resolve()))
      })
  }
}

const sum = (records: ProbeRecord[], f: (r: ProbeRecord) => number): number =>
  records.reduce((total, r) => total + f(r), 0)
/** The proxy got every attempt, and perhaps sends cut short to free a request slot. */
function expectSent(received: number, records: ProbeRecord[]): void {
  expect(received).toBeGreaterThanOrEqual(sum(records, r => r.attempts))
  expect(received).toBeLessThanOrEqual(sum(records, r => r.attempts + (r.gaveWay ?? 0)))
}

describe('transient faults and rate limits against the test world', () => {
  let world: ProxyWorld
  let http: HttpGetter

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), PERSONAS)
    http = createHttpGetter()
  })
  afterAll(async () => {
    http.close()
    await world.close()
  })

  /** Probes the personas (each at most once a file: their faults remember what they answered). */
  async function probe(
    personas: string[],
    modules: string,
    clock: Clock = systemClock
  ): Promise<Map<string, CandidateReport>> {
    const plan = planOf({
      proxies: personas.map(p => world.url(p)).join('|'),
      'probe-modules': modules,
      checks: 'full',
      timeout: String(TIMEOUT_S),
      retries: String(RETRIES),
      concurrency: '8',
      cache: 'false',
      gosumdb: 'off'
    })
    const { reports } = await probeAll(plan, {
      http: http.get,
      clock,
      log: quietLog,
      limit: createLimiter(plan.concurrency)
    })
    return new Map(personas.map((p, i) => [p, reports[i]]))
  }

  /** The paths the world saw for a persona, and how often each. */
  const seenPaths = (persona: string): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const s of world.seen().filter(s => s.persona === persona))
      counts.set(s.path, (counts.get(s.path) ?? 0) + 1)
    return counts
  }

  describe('a failure that a retry mends counts as a request that succeeded', () => {
    const personas = ['first-503', 'first-502', 'first-429', 'first-reset']
    let reports: Map<string, CandidateReport>
    beforeAll(async () => {
      reports = await probe(personas, TWO_MODULES)
    })

    it.each(personas)('%s: every request succeeds on its second attempt; usable', persona => {
      const report = reports.get(persona) as CandidateReport
      const records = report.probes
      expect(records.length).toBeGreaterThanOrEqual(7)
      for (const r of records) {
        expect({ url: r.url, ok: r.ok, problem: r.problem }).toEqual({ url: r.url, ok: true })
        expect(r.breakerOpen).toBeUndefined()
        expect(r.rateLimited).toBeUndefined()
        expect([1, 2]).toContain(r.attempts)
      }
      // Each path failed once, and the request that met it retried once — unless its first send
      // rode beside the first contact and was cut short to give its slot away after the proxy
      // had it: it was then sent again, whole, and answered at once.
      const paths = seenPaths(persona)
      expect([...paths.values()].every(n => n === 2)).toBe(true)
      for (const r of records) expect(r.attempts === 2 || (r.gaveWay ?? 0) > 0).toBe(true)
      expectSent(world.requests(persona), records)
      expect(report.retries).toBe(sum(records, r => r.attempts - 1))
      expect(report.breaker).toBe('closed')
      expect({ persona, usable: isUsable(report.verdict) }).toEqual({ persona, usable: true })
    })
  })

  describe('the breaker cuts off a dead proxy', () => {
    it('a dead proxy costs its first contact’s attempts, retries + 1, and one of each rider', async () => {
      const report = (await probe(['dead'], TWO_MODULES)).get('dead') as CandidateReport
      // The requests that need no answer ride beside the first contact, sent once: they retry
      // only after it settles, and when it has failed all its attempts the candidate is stopped.
      const [first, ...riders] = report.probes
      expect(first).toMatchObject({ ok: false, attempts: RETRIES + 1, status: 503 })
      expect(first.problem).toMatch(/^503 error/)
      expect(first.breakerOpen).toBeUndefined()
      expect(riders.length).toBeGreaterThan(0)
      for (const r of riders) {
        expect(r).toMatchObject({ ok: false, attempts: 1 })
        expect(r.problem).toMatch(/^not retried: its first contact failed \(attempt 1: 503 error/)
      }
      expectSent(world.requests('dead'), report.probes)
      expect(world.requests('dead')).toBeLessThanOrEqual(RETRIES + 1 + riders.length)
      expect(report.reason).toContain(first.problem)
      expect(report.breaker).toBe('open')
    })

    it('a proxy that dies after its first answer: the requests it cuts short say so', async () => {
      const report = (await probe(['dies'], TWO_MODULES)).get('dies') as CandidateReport
      const records = report.probes
      // The first contact and its riders go out together, so which of them gets the one answer
      // depends on arrival; every other request fails all its attempts, or is cut short and says
      // by whom: the breaker, or a first contact that failed.
      expect(records.filter(r => r.ok)).toHaveLength(1)
      expect(records.find(r => r.ok)?.attempts).toBe(1)
      const cut =
        /^(not asked|not retried|not sent): (circuit breaker open after \d+ of \d+ requests failed|its first contact failed)/
      for (const r of records.filter(r => !r.ok)) {
        if (cut.test(r.problem ?? '')) {
          expect(r.attempts).toBeLessThanOrEqual(RETRIES)
          if (r.attempts > 0) expect(r.problem).toMatch(`(attempt ${r.attempts}: 503 error`)
        } else {
          expect({ attempts: r.attempts, problem: r.problem }).toEqual({
            attempts: RETRIES + 1,
            problem: expect.stringMatching(/^503 error/)
          })
        }
        expect(r.breakerOpen === true).toBe(/circuit breaker/.test(r.problem ?? ''))
      }
      expect(records.some(r => !r.ok && !cut.test(r.problem ?? ''))).toBe(true)
      expectSent(world.requests('dies'), records)
      expect(report.verdict).toBe('unhealthy')
      expect(report.breaker).toBe('open')
    })
  })

  describe('Retry-After', () => {
    it.each([
      ['ra-429-1s', 1000],
      ['ra-503-2s', 2000],
      ['ra-date', 2000], // an HTTP-date 2 s after the clock's now
      ['ra-at-timeout', TIMEOUT_S * 1000] // as long as the timeout still fits
    ])(
      '%s: waits as told, then succeeds; the record says it was rate limited',
      async (persona, ms) => {
        const clock = stillClock()
        const report = (await probe([persona], TWO_MODULES, clock)).get(persona) as CandidateReport
        const retried = report.probes.filter(r => r.attempts === 2)
        expect(retried.length).toBe(seenPaths(persona).size)
        for (const r of report.probes) {
          expect({ url: r.url, ok: r.ok, problem: r.problem }).toEqual({ url: r.url, ok: true })
          expect(r.rateLimited).toEqual(r.attempts === 2 ? { retryAfterMs: ms } : undefined)
          expect(r.breakerOpen).toBeUndefined()
        }
        expect(clock.sleeps).toEqual(retried.map(() => ms))
        expect(report.retries).toBe(retried.length)
        expect(isUsable(report.verdict)).toBe(true)
      }
    )

    it('falls back to the usual backoff when Retry-After makes no sense', async () => {
      const clock = stillClock()
      const report = (await probe(['ra-bad'], TWO_MODULES, clock)).get('ra-bad') as CandidateReport
      expect(report.probes.every(r => r.ok && r.rateLimited === undefined)).toBe(true)
      const retried = report.probes.filter(r => r.attempts === 2)
      expect(retried.length).toBeGreaterThan(0)
      expect(clock.sleeps).toHaveLength(retried.length)
      // The first retry's backoff is jittered below 250 ms.
      for (const ms of clock.sleeps) expect(ms >= 0 && ms < 250).toBe(true)
    })

    it.each([
      ['ra-too-long', 429],
      ['ra-date-too-long', 503]
    ])('%s: a wait longer than the timeout ends the request at once', async (persona, status) => {
      const clock = stillClock()
      const report = (await probe([persona], ONE_MODULE, clock)).get(persona) as CandidateReport
      expect(report.probes[0]).toMatchObject({
        ok: false,
        attempts: 1,
        status,
        rateLimited: { retryAfterMs: 3_600_000 },
        problem: 'rate limited: Retry-After 3600 s is longer than timeout'
      })
      expect(report.probes[0].breakerOpen).toBeUndefined()
      // The first contact and what rode beside it, each sent once.
      expect(report.probes.every(r => r.attempts === 1)).toBe(true)
      expect(world.requests(persona)).toBe(report.probes.length)
      expect(clock.sleeps).toEqual([])
    })

    it('a rate limit that cannot be waited out is one failed request, not a dead proxy', async () => {
      const persona = 'ra-zip-too-long'
      const report = (await probe([persona], ONE_MODULE, stillClock())).get(
        persona
      ) as CandidateReport
      const zip = report.probes.find(r => r.endpoint === 'zip')
      expect(zip).toMatchObject({
        ok: false,
        attempts: 1,
        rateLimited: { retryAfterMs: 3_600_000 },
        problem: 'rate limited: Retry-After 3600 s is longer than timeout'
      })
      // The list, then the .info and .mod of the version it names.
      const others = report.probes.filter(r => r !== zip)
      expect(others.length).toBeGreaterThanOrEqual(3)
      expect(others.every(r => r.ok && r.attempts === 1)).toBe(true)
      expect(report.probes.some(r => r.breakerOpen)).toBe(false)
      expect(report.breaker).toBe('closed')
    })

    it('on the real clock really waits: a path is asked again no sooner than a second later', async () => {
      const persona = 'ra-real-clock'
      const report = (await probe([persona], ONE_MODULE)).get(persona) as CandidateReport
      expect(report.probes.every(r => r.ok)).toBe(true)
      const arrivals = new Map<string, number[]>()
      for (const s of world.seen().filter(s => s.persona === persona))
        arrivals.set(s.path, [...(arrivals.get(s.path) ?? []), s.at ?? 0])
      expect(arrivals.size).toBeGreaterThanOrEqual(4)
      for (const [path, [first, second]] of arrivals) {
        // Timers never fire early by more than a millisecond; a busy machine only makes it later.
        expect({ path, waitedMs: Math.round(second - first) >= 995 }).toEqual({
          path,
          waitedMs: true
        })
      }
    })
  })
})
