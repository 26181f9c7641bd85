/**
 * A mirror whose version list fails still serves builds that pin versions (`go mod download m@v`
 * never lists): degraded, not unusable, whether the list is refused (an allow-listing mirror's
 * 403) or fails (a cache-only proxy's 500 with its upstream gone, as goproxy/goproxy answers),
 * and whether that answer comes before or after the files.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { planOf } from '../world/plan.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate } from '../../src/validate.js'
import { startFront, type Front } from '../world/front.js'
import { itWithGo, runGoInNewModule } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

const PINNED = 'example.com/hello@v1.0.0'
const TIMEOUT_MS = 60_000

describe('a mirror whose @v/list fails', () => {
  let world: ProxyWorld
  let http: HttpGetter
  /** Lists fail at once (500); files come from `honest`. */
  let listFails: Front
  /** Lists fail at once (500); files come from `slow`, so the list's failure comes first. */
  let listFailsFirst: Front
  /** Lists answer after the 2 s timeout; files come from `honest`. */
  let listHangs: Front
  /**
   * hello lists nothing, @latest names v1.1.0, whose files fail (500); rsc.io/quote's list comes
   * 700 ms late, so its files are asked after those failures; the rest from `honest`.
   */
  let latestFails: Front
  let scratch: string
  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [
      { name: 'allowlist', fault: 'refuse-list' },
      { name: 'honest', fault: 'healthy' },
      { name: 'slow', fault: 'slow', delayMs: 300 }
    ])
    const failing = [{ path: /\/@v\/list$/, status: 500, body: 'upstream unreachable\n' }]
    listFails = await startFront(world.url('honest'), failing)
    listFailsFirst = await startFront(world.url('slow'), failing)
    listHangs = await startFront(world.url('honest'), [
      { path: /\/@v\/list$/, status: 200, body: '', delayMs: 6000 }
    ])
    latestFails = await startFront(world.url('honest'), [
      { path: /^\/example\.com\/hello\/@v\/list$/, status: 200, body: '' },
      { path: /^\/example\.com\/hello\/@v\/v1\.1\.0\./, status: 500, body: 'upstream error\n' },
      { path: /^\/rsc\.io\/quote\/@v\/list$/, status: 200, body: 'v1.5.2\n', delayMs: 700 }
    ])
    http = createHttpGetter()
    scratch = await mkdtemp(join(tmpdir(), 'vgp-pinned-'))
  })
  afterAll(async () => {
    http.close()
    const fronts = [listFails, listFailsFirst, listHangs, latestFails]
    await Promise.all([...fronts.map(f => f.close()), world.close()])
    await rm(scratch, { recursive: true, force: true })
  })

  const run = (proxies: string, modules: string, more: Record<string, string> = {}) => {
    const raw = {
      proxies,
      'probe-modules': modules,
      gosumdb: 'off',
      cache: 'false',
      checks: 'full',
      'slow-threshold': String(TIMEOUT_MS / 1000),
      timeout: String(TIMEOUT_MS / 1000),
      ...more
    }
    const plan = planOf(raw)
    return validate(plan, { http: http.get, clock: systemClock, log: quietLog })
  }

  it('is degraded but exported when every probe module is pinned, first contact being .info', async () => {
    const result = await run(world.url('allowlist'), `${PINNED} example.com/Upper/Case@v0.1.0`)
    const [report] = result.reports
    expect(report.verdict).toBe('degraded')
    expect(report.reason).toMatch(
      /\/@v\/list → 403 error: "This module version is not available\."/
    )
    expect(report.reason).toMatch(
      /builds that pin versions work, resolving new versions through it does not$/
    )
    expect(report.probes.filter(p => p.endpoint === 'info').every(p => p.ok)).toBe(true)
    expect(result.selection.goproxy).toBe(world.url('allowlist'))
  })

  it('is unhealthy when a probe module asks for @latest', async () => {
    const result = await run(world.url('allowlist'), 'example.com/hello')
    expect(result.reports[0].verdict).toBe('unhealthy')
    expect(result.selection.outcome).toBe('failed')
  })

  itWithGo(
    'is degraded, not unhealthy, when the list answers 500, before the files or after: go mod download works',
    async () => {
      // One request at a time and no retry: the list's failure is the second answer, before the
      // files are asked, and must not open the breaker on them.
      const cases: { front: Front; more: Record<string, string> }[] = [
        { front: listFails, more: {} },
        { front: listFailsFirst, more: {} },
        { front: listFailsFirst, more: { concurrency: '1', retries: '0' } }
      ]
      for (const { front, more } of cases) {
        const result = await run(front.url, PINNED, more)
        const [report] = result.reports
        expect({ verdict: report.verdict, reason: report.reason }).toEqual({
          verdict: 'degraded',
          reason: expect.stringMatching(
            /\/@v\/list → 500 error: "upstream unreachable": builds that pin versions work, resolving new versions through it does not$/
          )
        })
        expect(result.selection.goproxy).toBe(front.url)
        const go = await runGoInNewModule(scratch, ['mod', 'download', PINNED], {
          GOPROXY: front.url,
          GOSUMDB: 'off'
        })
        expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
      }
    },
    6 * TIMEOUT_MS
  )

  // One request at a time and no retry, so every answer comes in a fixed order.
  const serial = { concurrency: '1', retries: '0' }

  it('is degraded when the list times out: that ends only the list, not the files after it', async () => {
    const result = await run(listHangs.url, `${PINNED} example.com/Upper/Case@v0.1.0`, {
      ...serial,
      timeout: '2',
      'slow-threshold': '2'
    })
    const [report] = result.reports
    expect(report.verdict).toBe('degraded')
    expect(report.probes.filter(p => p.endpoint !== 'list' && !p.ok)).toEqual([])
    expect(report.probes.filter(p => p.endpoint === 'list').map(p => p.problem)).toEqual([
      expect.stringMatching(/^timed out/),
      expect.stringMatching(/^timed out/)
    ])
    expect(result.selection.goproxy).toBe(listHangs.url)
  }, 30_000)

  it('is degraded when @latest after an empty list names a version whose files fail: the breaker counts none of it, so later files are asked', async () => {
    const result = await run(latestFails.url, `${PINNED} rsc.io/quote`, {
      checks: 'standard',
      retries: '0',
      'breaker-threshold': '0.3'
    })
    const [report] = result.reports
    expect({ verdict: report.verdict, reason: report.reason }).toEqual({
      verdict: 'degraded',
      reason: expect.stringMatching(
        /\/example\.com\/hello\/@v\/v1\.1\.0\.(info|mod|zip) → 500 error/
      )
    })
    expect(result.selection.goproxy).toBe(latestFails.url)
  })

  it('judges a list that a pinned and an @latest probe module share alike in either order', async () => {
    for (const modules of [`${PINNED} example.com/hello`, `example.com/hello ${PINNED}`]) {
      const [report] = (await run(listFails.url, modules)).reports
      expect({ modules, verdict: report.verdict }).toEqual({ modules, verdict: 'unhealthy' })
    }
  })
})
