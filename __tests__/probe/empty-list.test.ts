/**
 * A proxy that serves a pinned version but lists none (200 and an empty @v/list, as Athens answers
 * in offline mode for a module not yet in its storage). Builds that pin the version work through
 * it; `go get M@latest` goes on to @latest, and when that is missing too it fails with "no
 * matching versions", which is not a not-found error: across `,` Go does not move on. The action
 * asks what Go would ask and calls it degraded; the real go command is the judge.
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

const LIMIT_MS = 120_000

interface Report {
  candidates: { verdict: string; reason: string }[]
}

describe('a proxy that serves a pinned version and lists none', () => {
  let world: ProxyWorld
  /** Empty list, no @latest. */
  let unlisted: Front
  /** Empty list, but @latest answers (from the persona behind it). */
  let latestOnly: Front
  /** Empty list and @latest answers, but the go.mod of the version it names is a portal page. */
  let portalGoMod: Front
  let scratch: string

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [{ name: 'honest', fault: 'healthy' }])
    const empty = { path: /\/@v\/list$/, status: 200, body: '' }
    unlisted = await startFront(world.url('honest'), [
      empty,
      { path: /\/@latest$/, status: 404, body: 'not found\n' }
    ])
    latestOnly = await startFront(world.url('honest'), [empty])
    portalGoMod = await startFront(world.url('honest'), [
      empty,
      { path: /\/@v\/v1\.1\.0\.mod$/, status: 200, body: '<html><form>Sign in</form></html>\n' }
    ])
    scratch = await mkdtemp(join(tmpdir(), 'vgp-empty-list-'))
  })
  afterAll(async () => {
    await Promise.all([unlisted.close(), latestOnly.close(), portalGoMod.close(), world.close()])
    await rm(scratch, { recursive: true, force: true })
  })

  function act(proxies: string, pinned = 'v1.1.0'): Promise<ActionRun> {
    return runAction({
      proxies,
      'probe-modules': `example.com/hello@${pinned}`,
      checks: 'standard',
      gosumdb: 'off',
      cache: 'false',
      timeout: '10'
    })
  }

  const go = (goproxy: string, args: string[]): Promise<GoResult> =>
    runGoInNewModule(scratch, args, { GOPROXY: goproxy })

  itWithGo(
    'is degraded when nothing resolves @latest: go get @latest fails there and does not move on',
    async () => {
      const chain = `${unlisted.url},${world.url('honest')}`
      const run = await act(chain)
      const [first, second] = (await readReport<Report>(run)).candidates
      expect(first.verdict).toBe('degraded')
      expect(first.reason).toBe(
        `GET ${unlisted.url}/example.com/hello/@latest → no matching versions for query "latest" ` +
          '(404 not found: "not found"): builds that pin versions work, resolving new versions ' +
          'through it does not'
      )
      expect(second.verdict).toBe('healthy')
      expect(run.exported.GOPROXY).toBe(chain)

      const pinned = await go(chain, ['mod', 'download', 'example.com/hello@v1.1.0'])
      expect({ code: pinned.code, stderr: pinned.stderr }).toEqual({ code: 0, stderr: '' })
      const latest = await go(chain, ['get', 'example.com/hello@latest'])
      expect(latest.code).not.toBe(0)
      expect(latest.stderr).toContain('no matching versions for query "latest"')
    },
    LIMIT_MS
  )

  itWithGo(
    'is healthy when @latest answers, as go get @latest then works',
    async () => {
      const run = await act(latestOnly.url)
      const [only] = (await readReport<Report>(run)).candidates
      expect(only).toEqual(expect.objectContaining({ verdict: 'healthy' }))
      expect(latestOnly.seen()).toContain('/example.com/hello/@latest')
      // @latest names the pinned version: its go.mod, read for retractions, is not asked again.
      const goMods = latestOnly.seen().filter(p => p === '/example.com/hello/@v/v1.1.0.mod')
      expect(goMods).toHaveLength(1)
      expect((await go(latestOnly.url, ['get', 'example.com/hello@latest'])).code).toBe(0)
    },
    LIMIT_MS
  )

  itWithGo(
    'is degraded when the version @latest names has a broken go.mod: go get @latest fails there',
    async () => {
      const run = await act(portalGoMod.url, 'v1.0.0')
      const [only] = (await readReport<Report>(run)).candidates
      expect(only.verdict).toBe('degraded')
      expect(only.reason).toMatch(
        new RegExp(
          `^GET ${portalGoMod.url}/example\\.com/hello/@v/v1\\.1\\.0\\.mod → .*: builds that pin ` +
            'versions work, resolving new versions through it does not$'
        )
      )
      expect(run.exported.GOPROXY).toBe(portalGoMod.url)

      const pinned = await go(portalGoMod.url, ['mod', 'download', 'example.com/hello@v1.0.0'])
      expect({ code: pinned.code, stderr: pinned.stderr }).toEqual({ code: 0, stderr: '' })
      const latest = await go(portalGoMod.url, ['get', 'example.com/hello@latest'])
      expect(latest.code).not.toBe(0)
      expect(latest.stderr).toContain('v1.1.0')
    },
    LIMIT_MS
  )
})
