/**
 * A proxy whose /sumdb/ says it serves the database (supported: 200) and then fails its lookups
 * (a gateway's 502, or Athens cut off from the database). The go command reaches the database
 * through it, so its lookups fail; with `sumdb-mirrors` the action exports GOSUMDB="<key> <url>",
 * which takes Go past every proxy's /sumdb/, and keeps the proxy. Without a mirror the proxy is
 * dropped, as before. The real go command downloads a module no go.sum lists through each.
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFront, type Front } from '../world/front.js'
import { itWithGo, runGoInNewModule, type GoResult } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { readReport, runAction, type ActionRun } from '../world/runner.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

const MODULE = 'example.com/hello@v1.1.0'
const LIMIT_MS = 120_000

interface Report {
  candidates: { verdict: string; reason: string }[]
  sumdb: { reason: string; route: string | null; mirrorUsed: boolean }
}

describe('a proxy whose /sumdb/ route fails its lookups', () => {
  let db: SumdbWorld
  let world: ProxyWorld
  let front: Front
  let scratch: string

  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules)
    world = await startProxyWorld(modules, [
      { name: 'honest', fault: 'healthy', sumdb: db.viaProxy }
    ])
    front = await startFront(world.url('honest'), [
      { path: /^\/sumdb\/[^/]+\/(lookup|tile|latest)\//, status: 502, body: 'bad gateway\n' }
    ])
    scratch = await mkdtemp(join(tmpdir(), 'vgp-route-mirror-'))
  })
  afterAll(async () => {
    await Promise.all([front.close(), world.close(), db.close()])
    await rm(scratch, { recursive: true, force: true })
  })

  function act(extra: Record<string, string> = {}): Promise<ActionRun> {
    const inputs = { proxies: front.url, gosumdb: db.verifierKey, 'probe-modules': MODULE }
    return runAction({ ...inputs, checks: 'full', cache: 'false', timeout: '10', ...extra })
  }

  const goDownload = (env: Record<string, string>): Promise<GoResult> =>
    runGoInNewModule(scratch, ['mod', 'download', MODULE], env)

  itWithGo(
    'keeps the proxy and exports the sumdb mirror that passes, which takes Go past its /sumdb/',
    async () => {
      const run = await act({ 'sumdb-mirrors': db.url })
      expect(run.code).toBe(0)
      expect(run.exported).toEqual(
        expect.objectContaining({ GOPROXY: front.url, GOSUMDB: `${db.verifierKey} ${db.url}` })
      )
      expect(run.outputs['fallback-used']).toBe('true')
      const report = await readReport<Report>(run)
      expect(report.candidates[0].verdict).toBe('healthy')
      expect(report.sumdb.mirrorUsed).toBe(true)
      expect(report.sumdb.reason).toContain(`${front.url}/sumdb/${db.name} failed: GET `)
      expect(report.sumdb.reason).toContain('→ 502 error: "bad gateway"; using sumdb mirror')

      const through = await goDownload({ GOPROXY: front.url, GOSUMDB: run.exported.GOSUMDB })
      expect({ code: through.code, stderr: through.stderr }).toEqual({ code: 0, stderr: '' })
      const without = await goDownload({ GOPROXY: front.url, GOSUMDB: db.verifierKey })
      expect(without.code).not.toBe(0)
      expect(without.stderr).toContain('502 Bad Gateway')
    },
    LIMIT_MS
  )

  itWithGo(
    'drops the proxy when no mirror is given, as Go fails every lookup through it',
    async () => {
      const run = await act()
      expect(run.code).toBe(1)
      expect(run.exported).toEqual({})
      const [only] = (await readReport<Report>(run)).candidates
      expect(only.verdict).toBe('unhealthy')
      expect(only.reason).toContain(`its checksum database proxy ${front.url}/sumdb/${db.name}`)
    },
    LIMIT_MS
  )
})
