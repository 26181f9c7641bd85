/**
 * The bundled action on a github.com runner: the Actions cache service v2 (ACTIONS_CACHE_SERVICE_V2,
 * ACTIONS_RESULTS_URL, no ACTIONS_CACHE_URL), archives in Azurite. Legs on different machines
 * share verdicts and survive the "already exists" race; a blob store that never answers costs the
 * run its cache deadline, not its verdict, and the step still ends.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAzurite, type Azurite } from '../world/azurite.js'
import { startBrokenBlobStore } from '../world/broken-blob-store.js'
import { startCacheServiceV2, type CacheServiceV2World } from '../world/cache-service-v2.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runAction } from '../world/runner.js'

/** The action's bound on one @actions/cache call (CACHE_CALL_DEADLINE_MS in src/action/effects.ts). */
const CACHE_DEADLINE_MS = 15_000

describe('the Actions cache service v2, as github.com runners speak it', () => {
  let world: ProxyWorld
  let azurite: Azurite
  let service: CacheServiceV2World

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [{ name: 'primary', fault: 'healthy' }])
    azurite = await startAzurite()
    service = await startCacheServiceV2(azurite)
  }, 60_000)
  afterAll(async () => {
    await world?.close()
    await service?.close()
    await azurite?.stop()
  })

  // An hour-wide time bucket (min of TTL and cooldown): legs of one hour save under one key.
  const inputs = async () => ({
    proxies: world.url('primary'),
    'probe-modules': 'example.com/hello',
    timeout: '5',
    'cache-dir': await mkdtemp(join(tmpdir(), 'vgp-cache-')),
    'cache-ttl': '1h',
    'breaker-cooldown': '1h'
  })
  // Each leg on a machine of its own: its own workspace, runner temp and verdict directory.
  const leg = async (killAfterMs?: number) =>
    runAction(await inputs(), {
      env: { ...service.env, GITHUB_WORKSPACE: await mkdtemp(join(tmpdir(), 'vgp-ws-')) },
      killAfterMs
    })

  it('shares verdicts between legs on different machines, and survives the "already exists" race', async () => {
    const twoLegs = async () => {
      const hour = Math.floor(Date.now() / 3_600_000)
      const legs = await Promise.all([leg(), leg()])
      return { legs, sameBucket: hour === Math.floor(Date.now() / 3_600_000) }
    }
    let attempt = await twoLegs()
    if (!attempt.sameBucket) attempt = await twoLegs()
    const { legs } = attempt
    expect(legs.map(l => l.code)).toEqual([0, 0])
    const finalized = service.entries().filter(e => e.finalized)
    expect(finalized).toHaveLength(1)
    expect(finalized[0].key).toMatch(/^validate-goproxy-v1-[0-9a-f]{16}-\d+$/)
    expect(service.log).toContain('CreateCacheEntry 409')
    const stdout = legs.map(l => l.stdout).join('\n')
    expect(stdout).toContain('another job may be creating this cache')
    expect(stdout).not.toMatch(/::(warning|error)::/)
    expect(stdout).not.toContain(service.token)

    world.resetCounts()
    const later = await leg()
    expect(later.code).toBe(0)
    expect(later.outputs['cache-hit']).toBe('true')
    expect(world.totalRequests()).toBe(0)
    // The same hour: the key itself is a hit (and this leg's own save meets "already exists").
    expect(later.stdout).toContain(`Cache hit for: ${finalized[0].key}`)
  })

  it('ends the step with its verdict when the blob store never answers a download', async () => {
    // An archive to restore, whichever test ran before.
    if (!service.entries().some(e => e.finalized)) expect((await leg()).code).toBe(0)
    const hung = await startBrokenBlobStore('hang')
    service.downloads = { origin: hung.origin }
    try {
      const run = await leg(CACHE_DEADLINE_MS + 25_000)
      expect(run.code).toBe(0)
      expect(run.exported.GOPROXY).toBe(world.url('primary'))
      expect(run.stdout).toMatch(/::warning::.*restoreCache took longer than/)
      expect(hung.log).toEqual(['GET held'])
      // Past the deadline the run holds off the cache, and its exit ends the abandoned download.
      expect(run.durationMs).toBeLessThan(CACHE_DEADLINE_MS + 20_000)
    } finally {
      service.downloads = 'azurite'
      hung.release()
      await hung.close()
    }
  }, 60_000)
})
