/**
 * A real Go module proxy server as the candidate: github.com/goproxy/goproxy (pinned, built from
 * __tests__/world/peers/goproxy) in front of the test world, as teams run it. The bundled action
 * judges it by what it really answers, and the real go command then agrees: it builds through
 * what we export, and fails through what we refused.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeWithGo, runGo, type GoResult } from '../world/go.js'
import { oneVersionEach, writeModuleDir } from '../world/build-world.js'
import { startGoproxyPeers, type GoproxyPeer } from '../world/goproxy-peer.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { readReport, runAction, type ActionRun } from '../world/runner.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedServed } from '../world/tamper.js'

const PROBE_MODULES = 'example.com/hello example.com/Upper/Case@v0.1.0'
/** Building the peer may first download it (see goproxy-peer.ts). */
const SETUP_LIMIT_MS = 300_000
/** An action run and a go command, each bounded (60 s) by the helpers that run them. */
const TEST_LIMIT_MS = 150_000

describeWithGo('github.com/goproxy/goproxy as the candidate', () => {
  let db: SumdbWorld
  let world: ProxyWorld
  let build: string
  /** goproxy in front of an honest proxy, verifying what it fetches against the database. */
  let honest: GoproxyPeer
  /** The same, in front of a proxy serving a tampered zip: it refuses that version. */
  let refusing: GoproxyPeer
  /** In front of the tampered proxy without a database (GOSUMDB=off): it passes the zip on. */
  let passing: GoproxyPeer
  /** In front of a proxy that refuses connections: goproxy answers 500. */
  let cutOff: GoproxyPeer

  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules, { delayMs: 100 })
    world = await startProxyWorld(modules, [
      { name: 'honest', fault: 'healthy', sumdb: db.viaProxy },
      { name: 'bad-zip', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'zip') }
    ])
    build = await writeModuleDir(oneVersionEach(modules))
    const verifying = { gosumdb: `${db.verifierKey} ${db.url}` }
    const proxiedSumdbs = [{ name: db.name, url: db.url }]
    ;[honest, refusing, passing, cutOff] = await startGoproxyPeers([
      { goproxy: world.url('honest'), ...verifying, proxiedSumdbs },
      { goproxy: world.url('bad-zip'), ...verifying, proxiedSumdbs },
      { goproxy: world.url('bad-zip'), proxiedSumdbs },
      { goproxy: world.refusedUrl, proxiedSumdbs }
    ])
  }, SETUP_LIMIT_MS)

  afterAll(async () => {
    const peers = [honest, refusing, passing, cutOff].filter(p => p !== undefined)
    await Promise.all([world?.close(), db?.close(), ...peers.map(p => p.stop())])
    if (build) await rm(build, { recursive: true, force: true })
  })

  function check(proxies: string, extra: Record<string, string> = {}): Promise<ActionRun> {
    return runAction({
      proxies,
      gosumdb: db.verifierKey,
      'probe-modules': PROBE_MODULES,
      'go-sum': join(build, 'go.sum'),
      checks: 'full',
      cache: 'false',
      ...extra
    })
  }

  async function reasons(run: ActionRun): Promise<string[]> {
    const report = await readReport<{ candidates: { verdict: string; reason: string }[] }>(run)
    return report.candidates.map(c => `${c.verdict}: ${c.reason}`)
  }

  /** `go mod download` of the whole build, into an empty module cache, with `env`. */
  async function goDownload(env: Record<string, string>): Promise<GoResult> {
    const work = await mkdtemp(join(tmpdir(), 'vgp-peer-go-'))
    try {
      for (const name of ['go.mod', 'go.sum']) await copyFile(join(build, name), join(work, name))
      return await runGo(['mod', 'download'], { cwd: work, env })
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }

  it(
    'exports goproxy in front of an honest proxy, and the go command downloads the build through it',
    async () => {
      const run = await check(honest.url)
      expect({ code: run.code, reasons: await reasons(run) }).toEqual({
        code: 0,
        reasons: [expect.stringMatching(/^healthy: /)]
      })
      expect(run.exported).toMatchObject({ GOPROXY: honest.url, GOSUMDB: db.verifierKey })
      const report = await readReport<Record<string, unknown>>(run)
      // The database was reached through goproxy's own /sumdb/, as the go command reaches it.
      expect(report.sumdb).toMatchObject({ ok: true, route: `${honest.url}/sumdb/${db.name}` })
      expect(report.build).toMatchObject({ modules: 4, unresolved: 0 })

      const go = await goDownload(run.exported)
      expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
    },
    TEST_LIMIT_MS
  )

  it(
    'refuses goproxy when it will not serve what fails its own checksum check, in its words',
    async () => {
      const run = await check(refusing.url)
      expect(run.code).toBe(1)
      expect(run.exported).toEqual({})
      expect(await reasons(run)).toEqual([
        expect.stringMatching(
          /^unhealthy: GET \S+\/example\.com\/hello\/@v\/v1\.1\.0\.\w+ → 404 not found: .*untrusted revision v1\.1\.0/
        )
      ])

      const go = await goDownload({ GOPROXY: refusing.url, GOSUMDB: db.verifierKey })
      expect(go.code).not.toBe(0)
      expect(go.stderr).toMatch(
        /404 Not Found\n\s*server response: not found: .*untrusted revision/
      )
    },
    TEST_LIMIT_MS
  )

  it(
    'catches goproxy passing a tampered zip on, and exports the honest one behind it',
    async () => {
      const run = await check(`${passing.url}|${honest.url}`)
      expect({ code: run.code, reasons: await reasons(run) }).toEqual({
        code: 0,
        reasons: [
          expect.stringMatching(
            /^tampered: example\.com\/hello@v1\.1\.0: zip hashes to h1:\S+ but the checksum database says h1:/
          ),
          expect.stringMatching(/^healthy: /)
        ]
      })
      expect(run.exported.GOPROXY).toBe(honest.url)

      // The go command, given the list as it was, takes the tampered zip and stops there.
      const go = await goDownload({
        GOPROXY: `${passing.url}|${honest.url}`,
        GOSUMDB: db.verifierKey
      })
      expect(go.code).not.toBe(0)
      expect(go.stderr).toMatch(/checksum mismatch|SECURITY ERROR/)
    },
    TEST_LIMIT_MS
  )

  it(
    'refuses goproxy cut off from its upstream, with the error it answers',
    async () => {
      // goproxy retries its upstream for a few seconds before it answers: one attempt of ours,
      // and time enough for it on a busy machine.
      const run = await check(cutOff.url, { retries: '0', timeout: '40', 'go-sum': 'none' })
      expect(run.code).toBe(1)
      expect(run.exported).toEqual({})
      expect(await reasons(run)).toEqual([
        expect.stringMatching(/^unhealthy: GET \S+ → 500 error: "internal server error"/)
      ])
    },
    TEST_LIMIT_MS
  )
})
