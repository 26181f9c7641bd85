import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { buildPlan } from '../../src/config/build.js'
import type { RawInputs } from '../../src/config/plan.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate } from '../../src/run.js'
import type { CandidateReport } from '../../src/probe/types.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type Fault, type ProxyWorld } from '../world/proxy-server.js'
import { quietLog } from '../world/log.js'

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
  hang: { verdict: 'unhealthy', reason: /timed out: no complete answer within 1500 ms/ },
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
  'html-list': { verdict: 'unhealthy', reason: /@v\/list is an HTML page/ },
  'redirect-loop': { verdict: 'unhealthy', reason: /stopped after 10 redirects/ },
  'cdn-redirect': { verdict: 'healthy' },
  'endless-body': { verdict: 'unhealthy', reason: /body larger than/ },
  'reset-mid-body': { verdict: 'unhealthy', reason: /connection/ },
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
  let elapsedMs: number

  beforeAll(async () => {
    world = await startProxyWorld(
      await standardModules(),
      FAULTS.map(f => ({ name: f, fault: f, delayMs: 900 }))
    )
    http = createHttpGetter()
    const raw: RawInputs = {
      proxies: [...FAULTS.map(f => world.url(f)), world.refusedUrl].join('|'),
      'probe-modules': 'example.com/hello example.com/Upper/Case@v0.1.0',
      checks: 'full',
      timeout: '1.5',
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
    const started = performance.now()
    const deps = { http: http.get, clock: systemClock, log: quietLog }
    const result = await validate(plan, deps)
    elapsedMs = performance.now() - started
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
    expect({ fault, verdict: report?.verdict }).toEqual({ fault, verdict: expected.verdict })
    if (expected.reason) expect(report?.reason).toMatch(expected.reason)
  })

  it('judges a refused connection unhealthy', () => {
    expect(reports.get(world.refusedUrl)?.reason).toMatch(/connection refused/)
  })

  it('judges the whole list side by side, in about one timeout rather than their sum', () => {
    // 18 candidates, several of which each wait out the 1.5 s timeout: one after another that
    // is well over 6 s; side by side it is bounded by a timeout plus retries of fast failures.
    expect(elapsedMs).toBeLessThan(2 * 1500 + 2500)
  })

  it('sends no request to a candidate after its timeout', () => {
    const hang = reports.get(world.url('hang'))
    expect(hang?.probes.every(p => p.attempts <= 1)).toBe(true)
  })
})
