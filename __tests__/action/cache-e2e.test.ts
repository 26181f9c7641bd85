/**
 * Resilience across a matrix, run as the runner runs the bundled action: a dead primary and a
 * healthy mirror, the verdict cache in a shared directory and through the Actions cache service,
 * and the breaker's half-open trial after its cooldown.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isCachedVerdict } from '../../src/cache/verdicts.js'
import { ENTRY_SCHEMA } from '../../src/cache/entry.js'
import { startCacheService, type CacheServiceWorld } from '../world/cache-service.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runAction } from '../world/runner.js'

// The mirror must answer within it even on a busy machine; the hanging primary costs this long.
const TIMEOUT_S = 5
/** Long enough that a run started right after the breaker opened finds it still open, even when busy. */
const COOLDOWN_S = 6

describe('breaker, mirror fallback and verdict cache', () => {
  let world: ProxyWorld

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [
      { name: 'primary', fault: 'hang' },
      { name: 'mirror', fault: 'healthy' }
    ])
  })
  afterAll(() => world.close())

  const inputs = (cacheDir: string, extra: Record<string, string> = {}) => ({
    proxies: world.url('primary'),
    mirrors: world.url('mirror'),
    'probe-modules': 'example.com/hello example.com/Upper/Case@v0.1.0',
    timeout: String(TIMEOUT_S),
    'cache-dir': cacheDir,
    ...extra
  })

  it('exports the mirror, probed beside the hanging primary, then a second run asks nobody', async () => {
    world.setFault('primary', 'hang')
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-cache-'))
    const seenBefore = world.seen().length
    const first = await runAction(inputs(cacheDir))
    expect(first.code).toBe(0)
    expect(first.exported.GOPROXY).toBe(world.url('mirror'))
    expect(first.outputs).toMatchObject({ 'fallback-used': 'true', 'cache-hit': 'false' })
    // Mirrors are probed side by side with the primaries, not after the primary timed out.
    const firstAsked = (persona: string) =>
      world
        .seen()
        .slice(seenBefore)
        .find(s => s.persona === persona)?.at ?? Infinity
    expect(firstAsked('mirror') - firstAsked('primary')).toBeLessThan(TIMEOUT_S * 1000)

    world.resetCounts()
    const second = await runAction(inputs(cacheDir))
    expect(second.code).toBe(0)
    expect(second.exported.GOPROXY).toBe(world.url('mirror'))
    expect(world.requests('primary')).toBe(0)
    expect(world.totalRequests()).toBe(0)
    expect(second.outputs['cache-hit']).toBe('true')
    const report = JSON.parse(await readFile(second.outputs.report, 'utf8'))
    expect(report.candidates.map((c: { cached: unknown }) => c.cached)).toEqual([
      { ageMs: expect.any(Number), storedAt: expect.any(String) },
      { ageMs: expect.any(Number), storedAt: expect.any(String) }
    ])
  })

  it('tries a recovered proxy again with one half-open trial once the cooldown is over', async () => {
    world.setFault('primary', 'status-502')
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-cache-'))
    const settings = { 'breaker-cooldown': `${COOLDOWN_S}s`, retries: '0' }
    const failing = await runAction(inputs(cacheDir, settings))
    const cooldownOver = performance.now() + COOLDOWN_S * 1000 + 100
    expect(JSON.parse(await readFile(failing.outputs.report, 'utf8')).candidates[0]).toMatchObject({
      verdict: 'unhealthy',
      breaker: 'open'
    })

    world.resetCounts()
    const early = await runAction(inputs(cacheDir, settings))
    expect(world.requests('primary')).toBe(0)
    expect(early.exported.GOPROXY).toBe(world.url('mirror'))

    world.setFault('primary', 'healthy')
    const wait = Math.max(0, cooldownOver - performance.now())
    await new Promise(resolve => setTimeout(resolve, wait))
    world.resetCounts()
    const recovered = await runAction(inputs(cacheDir, settings))
    expect(recovered.exported.GOPROXY).toBe(world.url('primary'))
    expect(recovered.outputs['fallback-used']).toBe('false')
    const primary = JSON.parse(await readFile(recovered.outputs.report, 'utf8')).candidates[0]
    expect(primary).toMatchObject({ verdict: 'healthy', breaker: 'closed', cached: null })
  })

  it('lets 16 concurrent legs share one cache directory: one chain, no corrupt entry', async () => {
    world.setFault('primary', 'status-500')
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-cache-'))
    const legs = await Promise.all(
      Array.from({ length: 16 }, () => runAction(inputs(cacheDir, { retries: '0' })))
    )
    expect(legs.map(l => l.code)).toEqual(Array(16).fill(0))
    expect(new Set(legs.map(l => l.exported.GOPROXY))).toEqual(new Set([world.url('mirror')]))
    const files = await readdir(cacheDir)
    expect(files.every(f => /^[0-9a-f]{64}\.json$/.test(f))).toBe(true)
    expect(files).toHaveLength(2)
    for (const file of files) {
      const entry = JSON.parse(await readFile(join(cacheDir, file), 'utf8'))
      expect(entry).toMatchObject({ schema: ENTRY_SCHEMA, key: file.slice(0, -5) })
      expect(isCachedVerdict(entry.payload)).toBe(true)
    }
  })

  describe('through the Actions cache service', () => {
    let service: CacheServiceWorld
    beforeAll(async () => {
      service = await startCacheService()
    })
    afterAll(() => service.close())

    const serviceEnv = (workspace: string) => ({
      ACTIONS_CACHE_URL: service.url,
      ACTIONS_RUNTIME_TOKEN: service.token,
      GITHUB_WORKSPACE: workspace
    })

    it('shares verdicts between legs on different machines, and survives the "already exists" race', async () => {
      world.setFault('primary', 'status-500')
      service.mode = 'up'
      // Each leg on a machine of its own: its own workspace and verdict directory.
      const machine = async () => ({ env: serviceEnv(await mkdtemp(join(tmpdir(), 'vgp-ws-'))) })
      // An hour-wide time bucket (min of TTL and cooldown): both legs save under one key.
      const hourly = { retries: '0', 'cache-ttl': '1h', 'breaker-cooldown': '1h' }
      const twoLegs = async () => {
        const hour = Math.floor(Date.now() / 3_600_000)
        const legs = await Promise.all(
          [1, 2].map(async () =>
            runAction(inputs(await mkdtemp(join(tmpdir(), 'vgp-cache-')), hourly), await machine())
          )
        )
        return { legs, sameBucket: hour === Math.floor(Date.now() / 3_600_000) }
      }
      let attempt = await twoLegs()
      if (!attempt.sameBucket) attempt = await twoLegs()
      const { legs } = attempt
      expect(legs.map(l => l.code)).toEqual([0, 0])
      const complete = service.caches().filter(c => c.complete)
      expect(complete.filter(c => c.key === complete.at(-1)?.key)).toHaveLength(1)
      expect(legs.map(l => l.stdout).join('\n')).toMatch(
        /Unable to reserve cache|already exists|another job/i
      )

      world.resetCounts()
      const later = await runAction(
        inputs(await mkdtemp(join(tmpdir(), 'vgp-cache-')), hourly),
        await machine()
      )
      expect(later.code).toBe(0)
      expect(world.totalRequests()).toBe(0)
      expect(later.outputs['cache-hit']).toBe('true')
    })

    it('goes on without it when the service is down', async () => {
      service.mode = 'down'
      const workspace = await mkdtemp(join(tmpdir(), 'vgp-ws-'))
      const run = await runAction(inputs(await mkdtemp(join(tmpdir(), 'vgp-cache-'))), {
        env: serviceEnv(workspace)
      })
      expect(run.code).toBe(0)
      expect(run.exported.GOPROXY).toBe(world.url('mirror'))
      expect(run.stdout).toMatch(/::warning::.*cache/i)
      service.mode = 'up'
    })
  })
})
