/**
 * The action's face in process: run() with @actions/core replaced by the typed fixture (inputs in,
 * outputs, exported variables and failures out), against the real test world. Only
 * @actions/core is replaced; the end-to-end tests run the bundle as the runner does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/action/main.js')

const MODULES = 'example.com/hello example.com/Upper/Case@v0.1.0'

describe('the action in process', () => {
  let world: ProxyWorld
  let dir: string
  const env = (): NodeJS.ProcessEnv => ({ RUNNER_TEMP: dir, HOME: dir, GOAUTH: 'off' })
  const inputs = (extra: Record<string, string>): Record<string, string> => ({
    'probe-modules': MODULES,
    'go-sum': 'none',
    gosumdb: 'off',
    summary: 'false',
    cache: 'false',
    timeout: '10',
    ...extra
  })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vgp-action-'))
    world = await startProxyWorld(await standardModules(), [
      { name: 'good', fault: 'healthy' },
      { name: 'broken', fault: 'status-500' }
    ])
  })
  afterAll(async () => {
    await world.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(() => core.reset({}))

  it('exports the chain without the broken proxy and sets every output', async () => {
    const proxies = `${world.url('broken')}|${world.url('good')},direct`
    core.reset(inputs({ proxies }))
    await run(env())
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.exported()).toMatchObject({
      GOPROXY: `${world.url('good')},direct`,
      GOSUMDB: 'off'
    })
    const outputs = core.outputs()
    expect(outputs).toMatchObject({
      goproxy: `${world.url('good')},direct`,
      selected: world.url('good'),
      'fallback-used': 'false',
      'cache-hit': 'false',
      'modules-checked': '0',
      'modules-unresolved': ''
    })
    // On a busy machine a good proxy may be slow (degraded); it is usable either way.
    expect(['true', 'false']).toContain(outputs.healthy)
    const verdicts = JSON.parse(outputs.verdicts)
    expect(verdicts[world.url('broken')]).toBe('unhealthy')
    expect(['healthy', 'degraded']).toContain(verdicts[world.url('good')])
    expect(outputs.report).toBe(join(dir, 'validate-goproxy-report.json'))
  })

  it('fails the step and exports nothing when no candidate passes', async () => {
    core.reset(inputs({ proxies: world.url('broken') }))
    await run(env())
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed.mock.calls[0][0]).toContain('nothing was exported')
    expect(core.exportVariable).not.toHaveBeenCalled()
    expect(core.outputs()).toMatchObject({ goproxy: '', selected: '', healthy: 'false' })
  })

  it('exports direct when on-failure says so, and says a fallback was used', async () => {
    core.reset(inputs({ proxies: world.url('broken'), 'on-failure': 'direct' }))
    await run(env())
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.exported().GOPROXY).toBe('direct')
    expect(core.outputs()).toMatchObject({ selected: 'direct', 'fallback-used': 'true' })
  })

  it('answers a warm run from the cache: cache-hit, and no request reaches the proxy', async () => {
    const cached = inputs({ proxies: world.url('good'), cache: 'true', 'cache-dir': dir })
    core.reset(cached)
    await run(env())
    expect(core.outputs()['cache-hit']).toBe('false')
    const asked = world.seen().length
    core.reset(cached)
    await run(env())
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.outputs()['cache-hit']).toBe('true')
    expect(world.seen().length).toBe(asked)
  })

  it('fails on a bad input before any request, naming the input and the value', async () => {
    const asked = world.seen().length
    core.reset(inputs({ proxies: world.url('good'), timeout: 'soon' }))
    await run(env())
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed.mock.calls[0][0]).toMatch(/Invalid input 'timeout': "soon"/)
    expect(core.setOutput).not.toHaveBeenCalled()
    expect(world.seen().length).toBe(asked)
  })
})
