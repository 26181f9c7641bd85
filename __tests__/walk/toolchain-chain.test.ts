/**
 * A toolchain the chain breaks on: the first proxy answers its zip with a 500 across `,`, so the
 * go command (GOTOOLCHAIN=auto, older than the toolchain) stops there although the next entry
 * serves it. The chain is chosen again without that proxy when the rest serves the whole build
 * and the toolchain; when it does not, every verdict stays as it was and the toolchain only warns
 * (the Go installed may do). The real go command is the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { createLocalStore } from '../../src/cache/local-store.js'
import { toolchainWarning } from '../../src/walk/toolchain.js'
import { startFront, type Front } from '../world/front.js'
import { itWithGo, runGo, type GoResult } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { startToolchainWorld, TOOLCHAIN, type ToolchainWorld } from './toolchain-world.js'

const LIMIT_MS = 120_000

describe('a chain whose first proxy fails the toolchain zip', () => {
  let w: ToolchainWorld
  /** Serves the build, but answers the toolchain's zip with a 500. */
  let failing: Front
  /** Serves the build and the toolchain, but refuses to list versions: degraded. */
  let unlisting: Front

  beforeAll(async () => {
    w = await startToolchainWorld()
    failing = await startFront(w.withToolchain.url('all'), [
      { path: /^\/golang\.org\/toolchain\/@v\/.*\.zip$/, status: 500, body: 'upstream error\n' }
    ])
    unlisting = await startFront(w.withToolchain.url('all'), [
      { path: /\/@v\/list$/, status: 403, body: 'not listed here\n' }
    ])
  })
  afterAll(async () => {
    await Promise.all([failing.close(), unlisting.close()])
    await w.close()
  })

  /** `go version` in the app, which switches to the toolchain its go.mod asks for. */
  async function goVersion(goproxy: string): Promise<GoResult> {
    const gopath = await mkdtemp(join(w.dir, 'gopath-'))
    return runGo(['version'], {
      cwd: w.dir,
      env: { GOTOOLCHAIN: 'auto', GOPROXY: goproxy, GOSUMDB: w.gosumdb(), GOPATH: gopath },
      timeoutMs: 60_000
    })
  }

  itWithGo(
    'drops it when the next entry serves the build and the toolchain',
    async () => {
      const listed = `${failing.url},${w.withToolchain.url('all')}`
      const result = await w.run(listed)
      expect(result.reports.map(r => r.verdict)).toEqual(['unhealthy', 'healthy'])
      expect(result.reports[0].reason).toMatch(
        /^cannot serve the build's golang\.org\/toolchain@v0\.0\.1-go1\.99\.1\.[a-z0-9-]+ \.zip \(go\.mod\): GET .* → 500 error: "upstream error"$/
      )
      expect(result.selection.goproxy).toBe(w.withToolchain.url('all'))
      const [toolchain] = result.build.toolchains
      expect({ outcome: toolchain.outcome, warning: toolchainWarning(toolchain) }).toEqual({
        outcome: 'served',
        warning: undefined
      })

      const through = await goVersion(result.selection.goproxy ?? '')
      expect({ code: through.code, stdout: through.stdout.trim() }).toEqual({
        code: 0,
        stdout: `fake ${TOOLCHAIN} version`
      })
      const asListed = await goVersion(listed)
      expect(asListed.code).not.toBe(0)
      expect(asListed.stderr).toContain('500 Internal Server Error')
    },
    LIMIT_MS
  )

  itWithGo(
    'keeps it, and only warns, when no chain without it serves the toolchain',
    async () => {
      const listed = `${failing.url},${w.withoutToolchain.url('modules')}`
      const result = await w.run(listed)
      expect(result.reports.map(r => r.verdict)).toEqual(['healthy', 'healthy'])
      expect(result.reports[0].findings).toEqual([])
      expect(result.selection.goproxy).toBe(listed)
      const [toolchain] = result.build.toolchains
      expect(toolchain.outcome).toBe('unresolved')
      expect(toolchainWarning(toolchain)).toContain(
        `(${failing.url} .zip: GET ${failing.url}/golang.org/toolchain/`
      )
      expect(toolchainWarning(toolchain)).toContain('will fail to switch (its download fails)')
      // Neither that chain nor the one without it lets Go switch: only a Go installed will do.
      const asListed = await goVersion(listed)
      expect({ code: asListed.code, stderr: asListed.stderr }).toEqual({
        code: 1,
        stderr: expect.stringContaining('500 Internal Server Error')
      })
      const without = await goVersion(w.withoutToolchain.url('modules'))
      expect(without.stderr).toContain('toolchain not available')
    },
    LIMIT_MS
  )

  itWithGo(
    'warns that the download fails, not that the toolchain is missing, when a 500 comes before a 404',
    async () => {
      const listed = `${failing.url}|${w.withoutToolchain.url('modules')}`
      const result = await w.run(listed)
      expect(result.selection.goproxy).toBe(listed)
      expect(toolchainWarning(result.build.toolchains[0])).toContain(
        'will fail to switch (its download fails)'
      )
      const go = await goVersion(listed)
      expect({ code: go.code, stderr: go.stderr }).toEqual({
        code: 1,
        stderr: expect.stringContaining('500 Internal Server Error')
      })
    },
    LIMIT_MS
  )

  it('keeps it when the chain without it has a worse head: degraded may fail `fail-on`', async () => {
    const listed = `${failing.url},${unlisting.url}`
    const result = await w.run(listed)
    expect(result.reports.map(r => r.verdict)).toEqual(['healthy', 'degraded'])
    expect(result.reports[0].findings).toEqual([])
    expect(result.selection.goproxy).toBe(listed)
    expect(toolchainWarning(result.build.toolchains[0])).toContain('its download fails')
  })

  it('drops it past two entries that fail the toolchain, to the one that serves it', async () => {
    const listed = `${failing.url},${failing.url.replace('127.0.0.1', 'localhost')},${w.withToolchain.url('all')}`
    const result = await w.run(listed)
    expect(result.reports.map(r => r.verdict)).toEqual(['unhealthy', 'unhealthy', 'healthy'])
    expect(result.selection.goproxy).toBe(w.withToolchain.url('all'))
  })

  it('keeps a leg that fetches no toolchain apart in the verdict cache: warm equals cold', async () => {
    const store = createLocalStore(await mkdtemp(join(w.dir, 'verdicts-')), quietLog)
    const listed = `${failing.url},${w.withToolchain.url('all')}`
    const switching = await w.run(listed, undefined, undefined, { cache: 'true' }, {}, store)
    expect(switching.selection.goproxy).toBe(w.withToolchain.url('all'))
    const local = { GOTOOLCHAIN: 'local' }
    const cold = await w.run(listed, undefined, undefined, { cache: 'false' }, local)
    const warm = await w.run(listed, undefined, undefined, { cache: 'true' }, local, store)
    expect(cold.selection.goproxy).toBe(listed)
    expect(warm.reports.map(r => r.verdict)).toEqual(cold.reports.map(r => r.verdict))
    expect(warm.selection.goproxy).toBe(listed)
  })
})
