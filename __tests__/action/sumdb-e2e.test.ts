/**
 * The bundled action with the test world's checksum database: the GOSUMDB it exports works for
 * the real go command, and a tampered mirror is never exported.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itThenGo, itWithGo, runGo } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runAction, type ActionRun } from '../world/runner.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedServed } from '../world/tamper.js'

const MODULES = 'example.com/hello example.com/Upper/Case@v0.1.0'

describe('the bundled action with a checksum database', () => {
  let db: SumdbWorld
  let world: ProxyWorld

  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules, { delayMs: 100 })
    world = await startProxyWorld(modules, [
      { name: 'honest', fault: 'healthy', sumdb: db.viaProxy },
      {
        name: 'bad-zip',
        fault: 'tampered',
        tamperedServed: await tamperedServed(modules, 'zip'),
        sumdb: db.viaProxy
      }
    ])
  })
  afterAll(() => Promise.all([world.close(), db.close()]))

  async function goDownload(
    run: Pick<ActionRun, 'exported'>
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const work = await mkdtemp(join(tmpdir(), 'vgp-go-'))
    return runGo(
      ['mod', 'download', '-json', 'example.com/hello@v1.1.0', 'example.com/Upper/Case@v0.1.0'],
      {
        cwd: work,
        env: {
          GOPROXY: run.exported.GOPROXY,
          GOSUMDB: run.exported.GOSUMDB,
          GOFLAGS: '-modcacherw'
        }
      }
    )
  }

  const goVerifies = {
    name: 'the go command downloads and verifies with what it exported',
    test: async (run: ActionRun): Promise<void> => {
      const go = await goDownload(run)
      expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
    }
  }

  itThenGo(
    'never exports a tampered mirror, only the honest one',
    async (): Promise<ActionRun> => {
      const run = await runAction({
        proxies: `${world.url('bad-zip')}|${world.url('honest')}`,
        gosumdb: db.verifierKey,
        'probe-modules': MODULES,
        checks: 'full',
        cache: 'false'
      })
      expect(run.code).toBe(0)
      expect(run.exported).toMatchObject({ GOPROXY: world.url('honest'), GOSUMDB: db.verifierKey })
      expect(run.stdout).toMatch(
        /::error title=validate-goproxy.*bad-zip is tampered::example\.com\/hello@v1\.1\.0: zip hashes to h1:\S+ but the checksum database says h1:\S+, served by http:\/\/127\.0\.0\.1:\d+\/bad-zip/
      )
      const report = JSON.parse(await readFile(run.outputs.report, 'utf8'))
      expect(report.sumdb).toMatchObject({ status: 'checked', ok: true, mirrorUsed: false })
      return run
    },
    goVerifies
  )

  it('fails when the only proxy is tampered', async () => {
    const run = await runAction({
      proxies: world.url('bad-zip'),
      gosumdb: db.verifierKey,
      'probe-modules': MODULES,
      checks: 'full',
      cache: 'false'
    })
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
  })

  itWithGo('the go command agrees that the tampered proxy must not be used', async () => {
    const go = await goDownload({
      exported: { GOPROXY: world.url('bad-zip'), GOSUMDB: db.verifierKey }
    })
    expect(go.code).not.toBe(0)
    expect(go.stdout + go.stderr).toMatch(/checksum mismatch|SECURITY ERROR/)
  })

  itThenGo(
    'exports a sumdb mirror when the database URL is down',
    async (): Promise<ActionRun> => {
      const run = await runAction({
        proxies: world.url('honest'),
        gosumdb: `${db.verifierKey} ${world.refusedUrl}`,
        'sumdb-mirrors': db.url,
        'probe-modules': MODULES,
        cache: 'false'
      })
      expect(run.code).toBe(0)
      expect(run.exported.GOSUMDB).toBe(`${db.verifierKey} ${db.url}`)
      expect(run.outputs['fallback-used']).toBe('true')
      expect(run.summary).toMatch(
        /Checksum database: .*failed: .*connection refused; using sumdb mirror/
      )
      return run
    },
    goVerifies
  )
})
