/**
 * A module whose newest version retracts itself (or a range) in its go.mod. `go get M@latest`
 * reads the go.mod of the newest version and passes over what it retracts (modload
 * CheckRetractions, query.go filterVersions), so the action probes the version Go takes: a proxy
 * that fails that version is red even though it serves the retracted one. The real go command is
 * the judge, through each proxy.
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFront, type Front } from '../world/front.js'
import { itWithGo, runGoInNewModule } from '../world/go.js'
import { buildModule } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { readReport, runAction } from '../world/runner.js'

const PATH = 'example.com/retract'
/** Its one tag retracts itself; its list also holds a pseudo-version, and it has no @latest. */
const SELF = 'example.com/self-retract'
const PSEUDO = 'v0.0.0-20240405000000-abcdefabcdef'
const LIMIT_MS = 120_000

interface Report {
  candidates: { verdict: string; reason: string; probes: { url: string }[] }[]
}

describe('@latest of a module whose newest version retracts versions', () => {
  let world: ProxyWorld
  /** Fails every file of v1.0.0, the version go get @latest takes. */
  let oldGone: Front
  let scratch: string

  beforeAll(async () => {
    const at = (day: number) => ({ time: `2024-04-0${day}T00:00:00Z` })
    const retracting = `module ${PATH}\n\ngo 1.21\n\nretract (\n\tv1.1.0 // published by mistake\n\t[v1.0.5, v1.0.9]\n)\n`
    const modules = [
      await buildModule(PATH, 'v1.0.0', { 'r.go': 'package retract\n' }, at(1)),
      await buildModule(PATH, 'v1.0.5', { 'r.go': 'package retract\n' }, at(2)),
      await buildModule(
        PATH,
        'v1.1.0',
        { 'r.go': 'package retract\n' },
        { ...at(3), goMod: retracting }
      )
    ]
    const selfRetracting = `module ${SELF}\n\ngo 1.21\n\nretract v1.0.0\n`
    modules.push(
      await buildModule(
        SELF,
        'v1.0.0',
        { 's.go': 'package s\n' },
        { ...at(4), goMod: selfRetracting }
      ),
      await buildModule(SELF, PSEUDO, { 's.go': 'package s\n' }, at(5))
    )
    world = await startProxyWorld(modules, [{ name: 'honest', fault: 'healthy' }])
    oldGone = await startFront(world.url('honest'), [{ path: /\/@v\/v1\.0\.0\./, status: 500 }])
    scratch = await mkdtemp(join(tmpdir(), 'vgp-retract-'))
  })
  afterAll(async () => {
    await Promise.all([oldGone.close(), world.close()])
    await rm(scratch, { recursive: true, force: true })
  })

  const act = (proxies: string) =>
    runAction({ proxies, 'probe-modules': PATH, checks: 'full', gosumdb: 'off', cache: 'false' })
  const goGet = (goproxy: string) =>
    runGoInNewModule(scratch, ['get', `${PATH}@latest`], { GOPROXY: goproxy })

  itWithGo(
    'probes the newest version not retracted, which go get takes',
    async () => {
      const run = await act(world.url('honest'))
      expect(run.code).toBe(0)
      const [honest] = (await readReport<Report>(run)).candidates
      expect(honest.verdict).toBe('healthy')
      expect(honest.probes.map(p => p.url)).toContain(
        `${world.url('honest')}/${PATH}/@v/v1.0.0.zip`
      )
      const go = await goGet(world.url('honest'))
      expect(go.code).toBe(0)
      expect(go.stderr).toContain(`go: added ${PATH} v1.0.0`)
    },
    LIMIT_MS
  )

  itWithGo(
    'falls back to the list by time when every tag is retracted and @latest is missing, as Go does',
    async () => {
      const front = await startFront(world.url('honest'), [
        {
          path: /self-retract\/@v\/list$/,
          status: 200,
          body: `v1.0.0\n${PSEUDO} 2024-04-05T00:00:00Z\n`
        },
        { path: /self-retract\/@latest$/, status: 404 }
      ])
      try {
        const run = await runAction({
          proxies: front.url,
          'probe-modules': SELF,
          checks: 'full',
          gosumdb: 'off',
          cache: 'false'
        })
        const [only] = (await readReport<Report>(run)).candidates
        expect(only.verdict).toBe('healthy')
        expect(only.probes.map(p => p.url)).toContain(`${front.url}/${SELF}/@v/${PSEUDO}.zip`)
        const go = await runGoInNewModule(scratch, ['list', '-m', `${SELF}@latest`], {
          GOPROXY: front.url
        })
        expect({ code: go.code, stdout: go.stdout.trim() }).toEqual({
          code: 0,
          stdout: `${SELF} ${PSEUDO}`
        })
      } finally {
        await front.close()
      }
    },
    LIMIT_MS
  )

  itWithGo(
    'fails a proxy that serves the retracted versions but not that one',
    async () => {
      const run = await act(oldGone.url)
      expect(run.code).toBe(1)
      const [only] = (await readReport<Report>(run)).candidates
      expect(only.verdict).toBe('unhealthy')
      expect(only.reason).toContain(`${PATH}/@v/v1.0.0.`)
      const go = await goGet(oldGone.url)
      expect(go.code).not.toBe(0)
      expect(go.stderr).toContain(`${PATH}@v1.0.0`)
    },
    LIMIT_MS
  )
})
