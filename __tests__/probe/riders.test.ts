/**
 * What needs no answer rides beside the first contact: a slow proxy is judged in two of its round
 * trips (contact and riders, then the files of the version its list names), not three.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { probeAll } from '../../src/probe/engine.js'
import { isUsable } from '../../src/probe/types.js'
import { createLimiter } from '../../src/resilience/limiter.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

const DELAY_MS = 2000

describe('requests that ride beside the first contact', () => {
  let world: ProxyWorld
  let http: HttpGetter
  beforeAll(async () => {
    const personas = [
      { name: 'slow', fault: 'slow' as const, delayMs: DELAY_MS },
      { name: 'slower', fault: 'slow' as const, delayMs: DELAY_MS / 2 },
      { name: 'hang', fault: 'hang' as const },
      { name: 'dead', fault: 'status-503' as const }
    ]
    world = await startProxyWorld(await standardModules(), personas)
    http = createHttpGetter()
  })
  afterAll(async () => {
    http.close()
    await world.close()
  })

  it('a slow proxy gets every request that needs no answer before its first answer', async () => {
    const plan = planOf({
      proxies: world.url('slow'),
      'probe-modules': 'rsc.io/quote@v1.5.2 example.com/hello',
      checks: 'full',
      timeout: '20',
      'slow-threshold': '15',
      // Enough slots for every rider: idle ones leave a quarter of them to due requests.
      concurrency: '16',
      gosumdb: 'off',
      cache: 'false'
    })
    const { reports } = await probeAll(plan, {
      http: http.get,
      clock: systemClock,
      log: quietLog,
      limit: createLimiter(plan.concurrency)
    })
    expect(isUsable(reports[0].verdict)).toBe(true)
    const seen = world.seen().filter(s => s.persona === 'slow')
    const at = (s: { at?: number }): number => s.at ?? Number.NaN
    // Nothing is answered before the first request's answer, DELAY_MS after it arrived: what
    // arrived within half of that was sent before any answer.
    const firstAnswerAt = at(seen[0]) + DELAY_MS / 2
    const wave = (early: boolean) =>
      seen
        .filter(s => at(s) < firstAnswerAt === early)
        .map(s => s.path)
        .sort()
    expect(wave(true)).toEqual(
      [
        '/example.com/hello/@v/list',
        '/rsc.io/quote/@v/list',
        '/rsc.io/quote/@v/v1.5.2.info',
        '/rsc.io/quote/@v/v1.5.2.mod',
        '/rsc.io/quote/@v/v1.5.2.zip'
      ].sort()
    )
    // Only the files of the version hello's list names wait for an answer.
    const version = reports[0].latest['example.com/hello']
    expect(version).toMatch(/^v1\./)
    expect(wave(false)).toEqual(
      ['info', 'mod', 'zip'].map(ext => `/example.com/hello/@v/${version}.${ext}`).sort()
    )
  })

  it('a request that falls due takes the slot of one riding beside a contact still unanswered', async () => {
    // Three slots: both contacts (hello's list) and the hung proxy's rider (Upper/Case's list,
    // listed first) hold them. Once the slower proxy's contact answers, its rider and the .info
    // of the version hello's list names fall due: one takes the free slot, the other the slot of
    // the hung proxy's rider, whose contact has been unanswered past slow-threshold.
    const plan = planOf({
      proxies: [world.url('hang'), world.url('slower')].join('|'),
      'probe-modules': 'example.com/hello example.com/Upper/Case',
      checks: 'quick',
      timeout: '4',
      'slow-threshold': '0.5',
      concurrency: '3',
      gosumdb: 'off',
      cache: 'false'
    })
    const before = world.seen().length
    const { reports } = await probeAll(plan, {
      http: http.get,
      clock: systemClock,
      log: quietLog,
      limit: createLimiter(plan.concurrency)
    })
    const [hang, slower] = reports
    expect(isUsable(slower.verdict)).toBe(true)
    expect(hang.verdict).toBe('unhealthy')
    expect(hang.reason).toMatch(/timed out/)
    expect(hang.probes.some(r => (r.gaveWay ?? 0) > 0)).toBe(true)
    // Every send is in a report: its attempts, and sends cut short to give their slot away
    // (which may not have reached the proxy).
    const sent = world.seen().slice(before)
    for (const [persona, report] of [
      ['hang', hang],
      ['slower', slower]
    ] as const) {
      const received = sent.filter(s => s.persona === persona).length
      const attempts = report.probes.reduce((n, r) => n + r.attempts, 0)
      const gaveWay = report.probes.reduce((n, r) => n + (r.gaveWay ?? 0), 0)
      expect(received).toBeGreaterThanOrEqual(attempts)
      expect(received).toBeLessThanOrEqual(attempts + gaveWay)
    }
  })

  it('holds back what has not boarded once the first contact has failed an attempt', async () => {
    // Four slots, three of them for riders: the first contact and two riders are sent; when
    // the contact gets its 503, the other seven riders wait for it, and go nowhere once it fails.
    const plan = planOf({
      proxies: world.url('dead'),
      'probe-modules': 'rsc.io/quote@v1.5.2 example.com/hello@v1.1.0',
      checks: 'full',
      retries: '2',
      concurrency: '4',
      gosumdb: 'off',
      cache: 'false'
    })
    const { reports } = await probeAll(plan, {
      http: http.get,
      clock: systemClock,
      log: quietLog,
      limit: createLimiter(plan.concurrency)
    })
    expect(reports[0].verdict).toBe('unhealthy')
    expect(reports[0].probes[0]).toMatchObject({ ok: false, attempts: 3, status: 503 })
    expect(world.requests('dead')).toBeLessThanOrEqual(3 + 3)
  })
})
