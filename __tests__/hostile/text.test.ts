/**
 * Text answers that are not text: invalid UTF-8 and NUL bytes in @v/list and in .info. The probe
 * refuses them (the go command would skip such a list line, and let JSON replace the bytes): a
 * proxy that sends them is not serving what it was asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type Fault, type ProxyWorld } from '../world/proxy-server.js'
import { expectBounded, onlyVerdict, runMeasured } from './measure.js'

const TIMEOUT_MS = 2000
const FAULTS: Fault[] = ['list-invalid-utf8', 'list-nul', 'info-invalid-utf8', 'info-nul']

describe('a proxy whose text answers hold bytes that are not text', () => {
  let world: ProxyWorld

  beforeAll(async () => {
    world = await startProxyWorld(
      await standardModules(),
      FAULTS.map(fault => ({ name: fault, fault }))
    )
  })
  afterAll(() => world.close())

  it.each<[Fault, string]>([
    ['list-invalid-utf8', '@v/list → @v/list is not valid UTF-8 text'],
    ['list-nul', '@v/list → @v/list is not valid UTF-8 text'],
    ['info-invalid-utf8', '@v/v1.0.0.info → v1.0.0.info is not valid UTF-8 text'],
    ['info-nul', '@v/v1.0.0.info → v1.0.0.info is not valid UTF-8 text']
  ])('%s: unhealthy, naming the request', async (fault, why) => {
    const run = await runMeasured({ timeout: String(TIMEOUT_MS / 1000), proxies: world.url(fault) })
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${world.url(fault)}/example.com/hello/${why}`
    })
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    expectBounded(run, TIMEOUT_MS)
  })
})
