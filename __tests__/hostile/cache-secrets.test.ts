/**
 * The verdict cache may be uploaded to the Actions cache, which other branches' runs can read: no
 * password from a sumdb-mirror URL may be written to it. A warm run that reuses the cached
 * GOSUMDB decision still exports the mirror with its credentials, as the cold run did.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { serverIdentity, TEST_CA_FILE } from '../world/tls.js'
import { runMeasured } from './measure.js'

describe('a sumdb mirror with credentials and the verdict cache', () => {
  let world: ProxyWorld
  let db: SumdbWorld

  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules)
    world = await startProxyWorld(
      modules,
      [{ name: 'mirror', fault: 'healthy', sumdb: db.viaProxy }],
      {
        tls: serverIdentity()
      }
    )
  })
  afterAll(() => Promise.all([world.close(), db.close()]))

  it('keeps the password out of the cache, and a warm run exports the same GOSUMDB', async () => {
    const password = `pw${randomBytes(8).toString('hex')}`
    const mirror = `${world.url('mirror').replace('https://', `https://ci:${password}@`)}/sumdb/${db.name}`
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-cache-secrets-'))
    const inputs = {
      proxies: world.url('mirror'),
      // The database's own URL is down, so the mirror is what gets exported.
      gosumdb: `${db.verifierKey} ${world.refusedUrl}`,
      'sumdb-mirrors': mirror,
      cache: 'true',
      'cache-dir': cacheDir
    }
    const env = { env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE } }
    const cold = await runMeasured(inputs, env)
    expect(cold.code).toBe(0)
    expect(cold.exported.GOSUMDB).toBe(`${db.verifierKey} ${mirror}`)
    for (const name of await readdir(cacheDir)) {
      expect({
        name,
        leaks: (await readFile(join(cacheDir, name), 'utf8')).includes(password)
      }).toEqual({
        name,
        leaks: false
      })
    }
    const warm = await runMeasured(inputs, env)
    expect(warm.code).toBe(0)
    expect(warm.outputs['cache-hit']).toBe('true')
    expect(warm.exported.GOSUMDB).toBe(`${db.verifierKey} ${mirror}`)
  })
})
