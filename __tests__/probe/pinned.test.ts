/** A mirror that refuses to list versions still serves builds that pin them: degraded, not unusable. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { planOf } from '../world/plan.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

describe('an allow-listing mirror that refuses @v/list', () => {
  let world: ProxyWorld
  let http: HttpGetter
  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [
      { name: 'allowlist', fault: 'refuse-list' }
    ])
    http = createHttpGetter()
  })
  afterAll(async () => {
    http.close()
    await world.close()
  })

  const run = (modules: string) => {
    const raw = {
      proxies: world.url('allowlist'),
      'probe-modules': modules,
      gosumdb: 'off',
      cache: 'false',
      checks: 'full'
    }
    const plan = planOf(raw)
    return validate(plan, { http: http.get, clock: systemClock, log: quietLog })
  }

  it('is degraded but exported when every probe module is pinned, first contact being .info', async () => {
    const result = await run('example.com/hello@v1.0.0 example.com/Upper/Case@v0.1.0')
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
    const result = await run('example.com/hello')
    expect(result.reports[0].verdict).toBe('unhealthy')
    expect(result.selection.outcome).toBe('failed')
  })
})
