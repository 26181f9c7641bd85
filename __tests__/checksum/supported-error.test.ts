/**
 * A proxy that serves modules but answers /sumdb/<name>/supported with an error other than
 * 404/410 (a gateway's 403, a 500). The go command asks each GOPROXY entry in turn for the
 * database (modfetch.TryProxies, from sumdb.go initBase): across `,` that error fails every
 * lookup; across `|` Go asks the next entry, and only a later proxy that serves the database, or
 * `direct`, gets past it (a 404/410 or `off` does not). The bundled action runs, then the real go
 * command downloads a module that is not in any go.sum (so it must look it up) through what the
 * action exported, and through the whole list the action judged.
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals'
import type * as http from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGoInNewModule, type GoResult } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { readReport, runAction, type ActionRun } from '../world/runner.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

const MODULE = 'example.com/hello@v1.0.0'
const LIMIT_MS = 120_000

interface Report {
  candidates: { url: string; verdict: string; reason: string; sumdb: string | null }[]
  sumdb: { route: string | null; reason: string }
}

const failing =
  (status: number) =>
  (_rest: string, res: http.ServerResponse): void =>
    void res.writeHead(status, { 'content-type': 'text/plain' }).end(`sumdb ${status} here\n`)

describe('a proxy whose /sumdb/ answers an error other than 404/410', () => {
  let world: ProxyWorld
  let db: SumdbWorld
  let scratch: string

  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules)
    world = await startProxyWorld(modules, [
      { name: 'err500', fault: 'healthy', sumdb: failing(500) },
      { name: 'err403', fault: 'healthy', sumdb: failing(403) },
      { name: 'reset', fault: 'healthy', sumdb: (_rest, res) => void res.socket?.destroy() },
      { name: 'none', fault: 'healthy' },
      { name: 'serves', fault: 'healthy', sumdb: db.viaProxy }
    ])
    scratch = await mkdtemp(join(tmpdir(), 'vgp-supported-'))
  })
  afterAll(async () => {
    await Promise.all([world.close(), db.close(), rm(scratch, { recursive: true, force: true })])
  })

  /** The list, spelled with persona names (`err500|serves`); `refused` is a port nobody serves. */
  const chain = (spec: string): string =>
    spec.replace(/[a-z0-9]+/g, name => {
      if (name === 'off') return name
      return name === 'refused' ? world.refusedUrl : world.url(name)
    })

  function act(spec: string, extra: Record<string, string> = {}): Promise<ActionRun> {
    return runAction(
      {
        proxies: chain(spec),
        gosumdb: db.verifierKey,
        'probe-modules': MODULE,
        checks: 'full',
        cache: 'false',
        timeout: '10',
        ...extra
      },
      { env: { GOSUMDB: db.verifierKey } }
    )
  }

  /** `go mod download` of a module no go.sum lists, with an empty module cache. */
  const goDownload = (goproxy: string, gosumdb = db.verifierKey): Promise<GoResult> =>
    runGoInNewModule(scratch, ['mod', 'download', MODULE], { GOPROXY: goproxy, GOSUMDB: gosumdb })

  const verdicts = (report: Report) =>
    Object.fromEntries(report.candidates.map(c => [nameOf(c.url), c.verdict]))
  const nameOf = (url: string) => url.slice(url.lastIndexOf('/') + 1)

  itWithGo(
    'across |, is usable but degraded, and the database is reached through the next entry',
    async () => {
      const run = await act('err500|serves')
      expect(run.code).toBe(0)
      expect(run.exported.GOPROXY).toBe(chain('err500|serves'))
      const report = await readReport<Report>(run)
      expect(verdicts(report)).toEqual({ err500: 'degraded', serves: 'healthy' })
      const [first] = report.candidates
      expect(first.sumdb).toBe('failed')
      expect(first.reason).toContain('/sumdb/sum.test.example/supported → 500 error')
      expect(first.reason).toContain('Go reaches the checksum database past it')
      expect(report.sumdb.route).toBe(`${world.url('serves')}/sumdb/${db.name}`)
      const go = await goDownload(run.exported.GOPROXY)
      expect({ code: go.code, stderr: go.stderr }).toMatchObject({ code: 0 })
    },
    LIMIT_MS
  )

  itWithGo(
    'across |, a 404 after it does not get past it: Go gets there only through a proxy that serves the database',
    async () => {
      const served = await act('err403|none|serves')
      expect(served.code).toBe(0)
      expect(served.exported.GOPROXY).toBe(chain('err403|none|serves'))
      expect((await goDownload(served.exported.GOPROXY)).code).toBe(0)

      const stuck = await act('err403|off')
      const report = await readReport<Report>(stuck)
      expect(stuck.code).toBe(1)
      expect(stuck.exported.GOPROXY).toBeUndefined()
      expect(report.candidates[0].verdict).toBe('unhealthy')
      expect(report.candidates[0].reason).toContain('every lookup would fail')
      const go = await goDownload(chain('err403|off'))
      expect(go.code).not.toBe(0)
      expect(go.stderr).toContain('403 Forbidden')
    },
    LIMIT_MS
  )

  itWithGo(
    'across |, a connection cut on /sumdb/ is passed as Go passes it',
    async () => {
      const run = await act('reset|serves')
      expect(run.exported.GOPROXY).toBe(chain('reset|serves'))
      expect(verdicts(await readReport<Report>(run))).toEqual({
        reset: 'degraded',
        serves: 'healthy'
      })
      const go = await goDownload(run.exported.GOPROXY)
      expect({ code: go.code, stderr: go.stderr }).toMatchObject({ code: 0 })
    },
    LIMIT_MS
  )

  itWithGo(
    'across , it fails the proxy, as it fails the go command’s lookups',
    async () => {
      const run = await act('err500,serves')
      const report = await readReport<Report>(run)
      expect(verdicts(report)).toEqual({ err500: 'unhealthy', serves: 'healthy' })
      expect(run.exported.GOPROXY).toBe(world.url('serves'))
      const go = await goDownload(chain('err500,serves'))
      expect(go.code).not.toBe(0)
      expect(go.stderr).toContain(`/sumdb/${db.name}/supported: 500 Internal Server Error`)
      expect((await goDownload(run.exported.GOPROXY)).code).toBe(0)
    },
    LIMIT_MS
  )

  itWithGo(
    'across , a sumdb mirror takes Go past it: the proxy is kept, warm run and cold alike',
    async () => {
      const cacheDir = join(scratch, 'verdicts')
      const mirrored = { 'sumdb-mirrors': db.url, cache: 'true', 'cache-dir': cacheDir }
      const cold = await act('err403', mirrored)
      expect(cold.code).toBe(0)
      const gosumdb = `${db.verifierKey} ${db.url}`
      expect(cold.exported).toEqual(
        expect.objectContaining({ GOPROXY: chain('err403'), GOSUMDB: gosumdb })
      )
      expect(cold.outputs['fallback-used']).toBe('true')
      const report = await readReport<Report>(cold)
      expect(verdicts(report)).toEqual({ err403: 'degraded' })
      expect(report.sumdb.reason).toContain("the go command's route to the database stops there")
      const warm = await act('err403', mirrored)
      expect(warm.outputs['cache-hit']).toBe('true')
      expect(warm.exported).toEqual(cold.exported)

      expect((await goDownload(chain('err403'), gosumdb)).code).toBe(0)
      expect((await goDownload(chain('err403'))).stderr).toContain('403 Forbidden')
    },
    LIMIT_MS
  )

  itWithGo(
    'a warm run that adds a sumdb mirror judges as a cold run with it, not by the red verdict cached without it',
    async () => {
      const cache = { cache: 'true', 'cache-dir': join(scratch, 'verdicts-mirror-added') }
      const without = await act('err403', cache)
      expect(without.code).toBe(1)
      const added = await act('err403', { ...cache, 'sumdb-mirrors': db.url })
      expect(added.code).toBe(0)
      expect(verdicts(await readReport<Report>(added))).toEqual({ err403: 'degraded' })
      expect(added.exported).toEqual(
        expect.objectContaining({
          GOPROXY: chain('err403'),
          GOSUMDB: `${db.verifierKey} ${db.url}`
        })
      )
    },
    LIMIT_MS
  )

  itWithGo(
    'across | into a chain the action shortens to `,`, it is dropped, never exported as | again',
    async () => {
      // err500's |-neighbour fails, so the exported chain would read err500,serves.
      const run = await act('err500|refused,serves')
      const report = await readReport<Report>(run)
      expect(report.candidates.map(c => c.verdict)).toEqual(['unhealthy', 'unhealthy', 'healthy'])
      expect(run.exported.GOPROXY).toBe(world.url('serves'))
    },
    LIMIT_MS
  )
})
