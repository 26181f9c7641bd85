/**
 * The checksum-database stage against the test world's database (which the real go command
 * accepts, see __tests__/sumdb/world-sumdb.test.ts) and proxies serving honest or tampered content.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { buildPlan } from '../../src/config/build.js'
import { planOf } from '../world/plan.js'
import type { RawInputs } from '../../src/config/plan.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { createLocalStore } from '../../src/cache/local-store.js'
import { validate, type RunResult } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { buildModule, goSumLines, standardModules, type ModuleVersion } from '../world/modules.js'
import { indexModules } from '../world/protocol.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbFault, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedServed } from '../world/tamper.js'

const MODULES = 'example.com/hello@v1.1.0 example.com/Upper/Case@v0.1.0'

describe('checksum database verification', () => {
  let modules: ModuleVersion[]
  let db: SumdbWorld
  let world: ProxyWorld
  let http: HttpGetter

  beforeAll(async () => {
    modules = await standardModules()
    db = await startSumdb(modules, { delayMs: 100 })
    world = await startProxyWorld(modules, [
      { name: 'honest', fault: 'healthy', sumdb: db.viaProxy },
      { name: 'plain', fault: 'healthy' },
      { name: 'bad-zip', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'zip') },
      { name: 'bad-mod', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'mod') }
    ])
    http = createHttpGetter()
  })

  afterAll(async () => {
    http.close()
    await Promise.all([world.close(), db.close()])
  })

  // Nothing here hangs: a generous timeout costs nothing and keeps even a busy machine far from
  // the slow threshold (half of it), so an honest proxy stays healthy.
  async function run(raw: RawInputs): Promise<RunResult> {
    const inputs = {
      'probe-modules': MODULES,
      checks: 'full',
      timeout: '30',
      cache: 'false',
      ...raw
    }
    const plan = planOf(inputs)
    return validate(plan, { http: http.get, clock: systemClock, log: quietLog })
  }

  const verdicts = (result: RunResult) =>
    Object.fromEntries(result.reports.map(r => [r.candidate.display.split('/').pop(), r.verdict]))

  it('names a tampered zip and a tampered go.mod with both hashes, and exports only the honest proxy', async () => {
    db.setFault('healthy')
    const proxies = ['bad-zip', 'honest', 'bad-mod'].map(p => world.url(p)).join('|')
    const result = await run({ proxies, gosumdb: `${db.verifierKey} ${db.url}` })
    expect(verdicts(result)).toEqual({
      'bad-zip': 'tampered',
      honest: 'healthy',
      'bad-mod': 'tampered'
    })
    const hello = modules.find(m => m.path === 'example.com/hello' && m.version === 'v1.1.0')!
    const badZip = result.reports[0].reason
    expect(badZip).toContain(`example.com/hello@v1.1.0: zip hashes to h1:`)
    expect(badZip).toContain(
      `but the checksum database says ${hello.zipHash}, served by ${world.url('bad-zip')}`
    )
    expect(result.reports[2].reason).toMatch(
      /go\.mod hashes to h1:\S+ but the checksum database says h1:/
    )
    expect(result.selection.goproxy).toBe(world.url('honest'))
    expect(result.sumdb).toMatchObject({
      ok: true,
      gosumdb: `${db.verifierKey} ${db.url}`,
      mirrorUsed: false
    })
  })

  it('reaches the database through the proxy that serves it, as the go command does, and never goes direct', async () => {
    db.setFault('healthy')
    db.resetCounts()
    const result = await run({ proxies: world.url('honest'), gosumdb: db.verifierKey })
    expect(result.sumdb.ok).toBe(true)
    expect(result.sumdb.routes.map(r => r.route.kind)).toEqual(['proxy'])
    expect(db.requestedPaths().every(p => p.startsWith(`/sumdb/${db.name}/`))).toBe(true)
    expect(db.requestedPaths().some(p => p.includes('/tile/8/0/'))).toBe(true)
    expect(result.reports[0].sumdb).toBe('supported')
  })

  it('drops a chain head whose /sumdb/ proxy fails, and waits for no route Go will not take', async () => {
    const impostor = await startSumdb(modules, { name: db.name, delayMs: 100 })
    const proxies = await startProxyWorld(modules, [
      { name: 'bad-sumdb', fault: 'healthy', sumdb: impostor.viaProxy },
      { name: 'honest', fault: 'healthy', sumdb: db.viaProxy }
    ])
    try {
      db.setFault('healthy')
      const result = await run({
        proxies: `${proxies.url('bad-sumdb')}|${proxies.url('honest')}`,
        gosumdb: db.verifierKey
      })
      expect(verdicts(result)).toEqual({ 'bad-sumdb': 'unhealthy', honest: 'healthy' })
      expect(result.reports[0].reason).toMatch(
        /^its checksum database proxy .*\/bad-sumdb\/sumdb\/sum\.test\.example failed: .*note has no verifiable signatures/
      )
      expect(result.selection.goproxy).toBe(proxies.url('honest'))
      expect(result.sumdb).toMatchObject({
        ok: true,
        route: `${proxies.url('honest')}/sumdb/${db.name}`
      })
      expect(result.sumdb.routes.map(r => r.route.kind)).toEqual(['proxy', 'proxy'])
    } finally {
      await Promise.all([proxies.close(), impostor.close()])
    }
  })

  it('fails a mirror that serves a version the database never saw, and keeps the honest proxy', async () => {
    const invented = await buildModule('example.com/hello', 'v1.9.9', {
      'hello.go': 'package hello\n'
    })
    const proxies = await startProxyWorld(modules, [
      { name: 'honest', fault: 'healthy' },
      { name: 'inventive', fault: 'tampered', tamperedServed: indexModules([...modules, invented]) }
    ])
    try {
      db.setFault('healthy')
      const result = await run({
        proxies: `${proxies.url('honest')}|${proxies.url('inventive')}`,
        gosumdb: `${db.verifierKey} ${db.url}`,
        'probe-modules': 'example.com/hello',
        retries: '10'
      })
      expect(verdicts(result)).toEqual({ honest: 'healthy', inventive: 'unhealthy' })
      expect(result.reports[1].reason).toMatch(
        /^served example\.com\/hello@v1\.9\.9, of which the checksum database has no record/
      )
      expect(result.selection.goproxy).toBe(proxies.url('honest'))
      expect(result.sumdb.ok).toBe(true)
    } finally {
      await proxies.close()
    }
  })

  it.each<[SumdbFault, RegExp]>([
    ['bad-signature', /invalid signature for key/],
    ['unknown-key', /note has no verifiable signatures/],
    ['many-signatures', /more than 100 signatures/],
    ['oversized-note', /body larger than/],
    ['missing-record', /cannot authenticate record data|not the leaf/],
    ['wrong-tile', /tile|tree/],
    ['truncated-tile', /has \d+ bytes, want \d+/],
    ['status-500', /→ 500/],
    ['fork', /SECURITY ERROR\ngo\.sum database server misbehavior detected/]
  ])(
    'fails the check, exporting nothing, when the database misbehaves: %s',
    async (fault, reason) => {
      const fresh = await startSumdb(modules, { delayMs: 100 })
      try {
        fresh.setFault(fault)
        const result = await run({
          proxies: world.url('plain'),
          gosumdb: `${fresh.verifierKey} ${fresh.url}`
        })
        expect(result.sumdb.ok).toBe(false)
        expect(result.sumdb.reason).toMatch(new RegExp(`^${fresh.url} failed: `))
        expect(result.sumdb.reason).toMatch(reason)
        expect(result.selection.outcome).toBe('failed')
        expect(result.sumdb.gosumdb).not.toBe('off')
      } finally {
        await fresh.close()
      }
    }
  )

  it('says when the database has no record of a module, as the go command would refuse it', async () => {
    db.setFault('not-found')
    const result = await run({
      proxies: world.url('plain'),
      gosumdb: `${db.verifierKey} ${db.url}`
    })
    expect(result.sumdb.ok).toBe(false)
    expect(result.sumdb.reason).toMatch(
      /failed: no record of example\.com\/hello@v1\.1\.0.*\(if private, add to GONOSUMDB\)/
    )
    // And what the route answered, as Go quotes it (a proxy may say its upstream failed).
    expect(result.sumdb.reason).toMatch(/GONOSUMDB\): GET \S+\/lookup\/\S+ → 404 not found/)
    db.setFault('healthy')
  })

  it('exports a sumdb mirror in name+key url form when the database URL fails', async () => {
    db.setFault('healthy')
    const result = await run({
      proxies: world.url('plain'),
      gosumdb: `${db.verifierKey} ${world.refusedUrl}`,
      'sumdb-mirrors': db.url
    })
    expect(result.sumdb).toMatchObject({
      ok: true,
      mirrorUsed: true,
      gosumdb: `${db.verifierKey} ${db.url}`
    })
    expect(result.sumdb.reason).toMatch(/failed: GET .* connection refused; using sumdb mirror/)
    expect(result.selection.goproxy).toBe(world.url('plain'))
  })

  it('keeps exporting the sumdb mirror on a warm run that proves nothing fresh', async () => {
    db.setFault('healthy')
    const store = createLocalStore(await mkdtemp(join(tmpdir(), 'vgp-cache-')), quietLog)
    const raw = {
      proxies: world.url('plain'),
      gosumdb: `${db.verifierKey} ${world.refusedUrl}`,
      'sumdb-mirrors': db.url,
      cache: 'true'
    }
    const plan = buildPlan(
      { 'probe-modules': MODULES, checks: 'full', timeout: '30', ...raw },
      { env: {}, platform: process.platform, defaultCacheDir: '/unused' }
    )
    const deps = { http: http.get, clock: systemClock, log: quietLog, store }
    const cold = await validate(plan, deps)
    world.resetCounts()
    db.resetCounts()
    const warm = await validate(plan, deps)
    expect(world.totalRequests() + db.requests()).toBe(0)
    expect(warm.reports.every(r => r.cached)).toBe(true)
    expect(warm.sumdb).toMatchObject({ ok: true, mirrorUsed: true, gosumdb: cold.sumdb.gosumdb })
    expect(warm.sumdb.reason).toMatch(/\(from cache\)$/)
  })

  it('never looks a GONOSUMDB module up in the database', async () => {
    db.setFault('healthy')
    db.resetCounts()
    const result = await run({
      proxies: world.url('plain'),
      gosumdb: `${db.verifierKey} ${db.url}`,
      gonosumdb: 'example.com/Upper'
    })
    expect(result.sumdb.ok).toBe(true)
    expect(db.requestedPaths().filter(p => p.includes('/lookup/'))).toEqual([
      '/lookup/example.com/hello@v1.1.0'
    ])
  })

  it('catches a proxy whose content differs from go.sum, even with the database off', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vgp-gosum-'))
    const goSum = join(dir, 'go.sum')
    await writeFile(goSum, goSumLines(modules))
    const result = await run({
      proxies: [world.url('bad-mod'), world.url('plain')].join(','),
      gosumdb: 'off',
      'go-sum': goSum,
      checks: 'standard'
    })
    expect(verdicts(result)).toEqual({ 'bad-mod': 'tampered', plain: 'healthy' })
    expect(result.reports[0].reason).toMatch(
      /^go\.sum: example\.com\/\S+ go\.mod hashes to h1:\S+ but go\.sum says h1:\S+ \(.*go\.sum:\d+\), served by /
    )
    expect(result.selection.goproxy).toBe(world.url('plain'))
    expect(result.build.unresolved).toEqual([])
    expect(result.build.modules.map(m => m.servedBy?.display)).toEqual(
      modules.map(() => world.url('plain'))
    )
  })
})
