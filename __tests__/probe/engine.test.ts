import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { buildPlan } from '../../src/config/build.js'
import type { RawInputs } from '../../src/config/plan.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate } from '../../src/validate.js'
import type { CandidateReport } from '../../src/probe/types.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type Fault, type ProxyWorld } from '../world/proxy-server.js'
import { besidesSlowness } from '../world/load.js'
import { quietLog } from '../world/log.js'

// Generous: on a busy machine a request may take seconds, and none but `hang` may time out. A
// request slower than SLOW_MS is slow; `slow` always is (every answer waits SLOW_DELAY_MS).
const TIMEOUT_MS = 5000
const SLOW_MS = 500
const SLOW_DELAY_MS = 900

const FAULTS: Fault[] = [
  'healthy',
  'slow',
  'hang',
  'status-500',
  'status-502',
  'status-404',
  'status-410',
  'captive-portal',
  'broken-json',
  'wrong-info-version',
  'html-list',
  'redirect-loop',
  'cdn-redirect',
  'endless-body',
  'reset-mid-body',
  'flaky-503',
  'stale'
]

const EXPECTED: Record<string, { verdict: string; reason?: RegExp }> = {
  healthy: { verdict: 'healthy' },
  slow: { verdict: 'degraded', reason: /^slow: GET .*took/ },
  hang: {
    verdict: 'unhealthy',
    reason: new RegExp(`timed out: no complete answer within ${TIMEOUT_MS} ms`)
  },
  'status-500': { verdict: 'unhealthy', reason: /→ 500 error: "500 upstream failure"/ },
  'status-502': { verdict: 'unhealthy', reason: /→ 502/ },
  'status-404': { verdict: 'unhealthy', reason: /→ 404 not found/ },
  'status-410': { verdict: 'unhealthy', reason: /→ 410 not found/ },
  'captive-portal': {
    verdict: 'unhealthy',
    reason: /HTML page: not a Go module proxy \(captive portal\?\)/
  },
  'broken-json': { verdict: 'unhealthy', reason: /invalid JSON in/ },
  'wrong-info-version': {
    verdict: 'unhealthy',
    reason: /proxy returned info for version v0.0.1 instead of requested version/
  },
  // Go reads no version from the page, then asks @latest, which answers.
  'html-list': { verdict: 'healthy' },
  'redirect-loop': { verdict: 'unhealthy', reason: /stopped after 10 redirects/ },
  'cdn-redirect': { verdict: 'healthy' },
  'endless-body': { verdict: 'unhealthy', reason: /body larger than/ },
  'reset-mid-body': { verdict: 'unhealthy', reason: /unexpected EOF|connection/ },
  'flaky-503': { verdict: 'degraded', reason: /^needed retries on 1 of \d+ requests: GET / },
  stale: {
    verdict: 'degraded',
    reason: /^stale: @latest of example.com\/hello is v1.0.0, another candidate serves v1.1.0/
  }
}

describe('probe engine against the fault world', () => {
  let world: ProxyWorld
  let http: HttpGetter
  let reports: Map<string, CandidateReport>

  beforeAll(async () => {
    world = await startProxyWorld(
      await standardModules(),
      FAULTS.map(f => ({ name: f, fault: f, delayMs: SLOW_DELAY_MS }))
    )
    http = createHttpGetter()
    const raw: RawInputs = {
      proxies: [...FAULTS.map(f => world.url(f)), world.refusedUrl].join('|'),
      'probe-modules': 'example.com/hello example.com/Upper/Case@v0.1.0',
      checks: 'full',
      timeout: String(TIMEOUT_MS / 1000),
      'slow-threshold': String(SLOW_MS / 1000),
      retries: '2',
      concurrency: '32',
      cache: 'false',
      gosumdb: 'off'
    }
    const plan = buildPlan(raw, {
      env: {},
      platform: process.platform,
      defaultCacheDir: '/nonexistent'
    })
    const deps = { http: http.get, clock: systemClock, log: quietLog }
    const result = await validate(plan, deps)
    reports = new Map(result.reports.map(r => [r.candidate.display, r]))
  })

  afterAll(async () => {
    http.close()
    await world.close()
  })

  it.each(FAULTS)('judges the %s proxy right', fault => {
    const report = reports.get(world.url(fault))
    expect(report).toBeDefined()
    const expected = EXPECTED[fault]
    // Only `slow` is judged on its slowness: on a busy machine any other may be slow too.
    const judged = fault === 'slow' || !report ? report : besidesSlowness(report)
    expect({ fault, verdict: judged?.verdict }).toEqual({ fault, verdict: expected.verdict })
    if (expected.reason) expect(judged?.reason).toMatch(expected.reason)
  })

  it('judges a refused connection unhealthy', () => {
    expect(reports.get(world.refusedUrl)?.reason).toMatch(/connection refused/)
  })

  it('judges the whole list side by side: no candidate waits for another one', () => {
    // One after another, the candidates after `hang` would start a whole timeout after it; side
    // by side, every candidate is first asked before `hang` has even timed out, whatever the load.
    const firstAsked = FAULTS.map(f => world.seen().find(s => s.persona === f)?.at ?? Infinity)
    expect(Math.max(...firstAsked) - Math.min(...firstAsked)).toBeLessThan(TIMEOUT_MS)
  })

  it('sends no request to a candidate after its timeout', () => {
    const hang = reports.get(world.url('hang'))
    expect(hang?.probes.every(p => p.attempts <= 1)).toBe(true)
  })
})
