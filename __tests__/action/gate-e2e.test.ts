/**
 * fail-on and slow-threshold through the bundled action, run as the runner runs it: the step's
 * exit code, the `healthy` and `verdicts` outputs, and the environment it still exports.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runAction } from '../world/runner.js'

describe('the bundled action with fail-on', () => {
  let world: ProxyWorld

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [
      { name: 'slow', fault: 'slow', delayMs: 300 },
      { name: 'broken', fault: 'status-500' }
    ])
  })
  afterAll(() => world?.close())

  const inputs = (failOn: string) => ({
    proxies: `${world.url('slow')},direct`,
    mirrors: world.url('broken'),
    'probe-modules': 'example.com/hello@v1.0.0',
    cache: 'false',
    retries: '0',
    'slow-threshold': '100ms',
    'fail-on': failOn
  })

  it('passes a degraded head by default: healthy is true', async () => {
    const run = await runAction(inputs('unusable'))
    expect(run.code).toBe(0)
    expect(run.outputs.healthy).toBe('true')
  })

  it('fails the step on a degraded head with fail-on degraded, still exporting the environment', async () => {
    const run = await runAction(inputs('degraded'))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::.*\/slow heads the exported GOPROXY and is degraded \(slow: .*\); fail-on is `degraded`, so the run fails\./
    )
    expect(run.outputs.healthy).toBe('false')
    expect(JSON.parse(run.outputs.verdicts)).toEqual({
      [world.url('slow')]: 'degraded',
      direct: 'skipped',
      [world.url('broken')]: 'unhealthy'
    })
    expect(run.exported.GOPROXY).toBe(`${world.url('slow')},direct`)
  })

  it('refuses a slow-threshold above the timeout before probing, naming it', async () => {
    const before = world.totalRequests()
    const run = await runAction({ ...inputs('unusable'), 'slow-threshold': '11', timeout: '10' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::Invalid input 'slow-threshold': "11" must be at most the timeout (10 s)`
    )
    expect(world.totalRequests()).toBe(before)
    expect(run.outputs).toEqual({})
  })
})
