/**
 * A build's zip as large as the go command accepts: x/mod/zip allows 500 MiB of content
 * (MaxZipFile), and real modules come close (google.golang.org/api unpacks to some 400 MB). With
 * `checks: full` the walk hashes it whole, within Go's limits rather than a smaller cap of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { buildModule, goSumLines } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { outcomes } from './graph-world.js'

/** Past the 256 MiB this walk used to allow, well within Go's 500 MiB. */
const CONTENT_BYTES = 260 << 20

describe('a large module zip of the build', () => {
  let world: ProxyWorld
  let dir: string
  let getter: HttpGetter

  beforeAll(async () => {
    const big = await buildModule('example.com/big', 'v1.0.0', {
      'zeros.bin': Buffer.alloc(CONTENT_BYTES)
    })
    // The probe module stays small: probes keep a tighter cap of their own.
    const small = await buildModule('example.com/small', 'v1.0.0', {})
    world = await startProxyWorld([big, small], [{ name: 'proxy', fault: 'healthy' }])
    dir = await mkdtemp(join(tmpdir(), 'vgp-large-zip-'))
    await writeFile(join(dir, 'go.sum'), goSumLines([big]))
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([world.close(), rm(dir, { recursive: true, force: true })])
  })

  it('is hashed whole with checks: full and matches go.sum', async () => {
    const plan = planOf({
      proxies: world.url('proxy'),
      gosumdb: 'off',
      'probe-modules': 'example.com/small@v1.0.0',
      'go-sum': join(dir, 'go.sum'),
      checks: 'full',
      timeout: '30',
      cache: 'false'
    })
    const result = await validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
    expect(outcomes(result)).toEqual({
      'example.com/big@v1.0.0 mod': 'served',
      'example.com/big@v1.0.0 zip': 'served'
    })
  })
})
