/**
 * The bundled action with the test world's checksum database: the GOSUMDB it exports works for
 * the real go command, and a tampered mirror is never exported.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { goAvailable, runGo } from '../world/go.js'
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
    run: ActionRun
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

  it('never exports a tampered mirror; the go command then verifies through the honest one', async () => {
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
    if (!goAvailable())
      return console.warn('go is not on PATH: skipping the go download half of this test')
    const go = await goDownload(run)
    expect(go.stderr).toBe('')
    expect(go.code).toBe(0)
  })

  it('fails when the only proxy is tampered, and the go command agrees it must not be used', async () => {
    const run = await runAction({
      proxies: world.url('bad-zip'),
      gosumdb: db.verifierKey,
      'probe-modules': MODULES,
      checks: 'full',
      cache: 'false'
    })
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    if (!goAvailable()) return console.warn('go is not on PATH: skipping the go half of this test')
    const go = await goDownload({
      ...run,
      exported: { GOPROXY: world.url('bad-zip'), GOSUMDB: db.verifierKey }
    })
    expect(go.code).not.toBe(0)
    expect(go.stdout + go.stderr).toMatch(/checksum mismatch|SECURITY ERROR/)
  })

  it('exports a sumdb mirror the go command can use when the database URL is down', async () => {
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
    if (!goAvailable())
      return console.warn('go is not on PATH: skipping the go download half of this test')
    const go = await goDownload(run)
    expect(go.code).toBe(0)
  })
})
