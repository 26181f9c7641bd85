/**
 * The build walk: every module version of a go.sum judged along the chain as the go command walks
 * it, and the chain chosen so the whole build downloads. The real go command then downloads the
 * build through what we export (it must succeed) and through what we refused (it must fail).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { appendFile, copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { summaryMarkdown } from '../../src/report/summary.js'
import { itWithGo, runGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { startBuildWorld, writeModuleDir, type BuildWorld } from '../world/build-world.js'
import { goSumLines, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'

const GO_TIMEOUT_MS = 60_000

describe('the build, walked as the go command walks it', () => {
  let world: BuildWorld
  let build: ModuleVersion[]
  let upper: ModuleVersion
  let getter: HttpGetter
  let dir: string
  let url: BuildWorld['url']

  beforeAll(async () => {
    world = await startBuildWorld()
    ;({ build, upper, dir, url } = world)
    getter = createHttpGetter()
  })

  afterAll(async () => {
    getter.close()
    await world.close()
  })

  function run(proxies: string, moduleDir = dir): Promise<RunResult> {
    const plan = planOf({
      proxies,
      gosumdb: 'off',
      'probe-modules': 'rsc.io/quote@v1.5.2',
      'go-sum': join(moduleDir, 'go.sum'),
      timeout: '8',
      retries: '1',
      cache: 'false'
    })
    return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
  }

  /** `go mod download` of the whole build into an empty module cache through `goproxy`. */
  async function goDownload(
    goproxy: string,
    moduleDir = dir
  ): Promise<{ code: number | null; stderr: string }> {
    const work = await mkdtemp(join(tmpdir(), 'vgp-build-go-'))
    try {
      for (const name of ['go.mod', 'go.sum']) {
        await copyFile(join(moduleDir, name), join(work, name))
      }
      return await runGo(['mod', 'download'], {
        cwd: work,
        env: { GOPROXY: goproxy, GOSUMDB: 'off' },
        timeoutMs: GO_TIMEOUT_MS
      })
    } finally {
      await rm(work, { recursive: true, force: true, maxRetries: 5 })
    }
  }

  it('keeps a proxy that only lacks a module when a later entry serves it, as Go moves on after 404', async () => {
    const result = await run(`${url.partial},${url.full}`)
    expect(result.selection.goproxy).toBe(`${url.partial},${url.full}`)
    expect(result.build.unresolved).toEqual([])
    const later = result.build.modules.filter(m => m.laterEntry).map(m => m.module.path)
    expect(later).toEqual([upper.path])
    const partialTally = result.build.tallies.find(t => t.candidate.display === url.partial)
    expect(partialTally).toMatchObject({
      serves: build.length - 1,
      lacks: 1,
      contradicts: 0,
      fails: 0
    })
    // Its verdict rests on its probes; the summary's row says what it lacks beside it.
    expect(result.reports[0].verdict).toBe('healthy')
    const row = summaryMarkdown(result)
      .split('\n')
      .find(line => line.includes(url.partial) && line.includes('healthy'))
    expect(row).toContain("; it lacks 1 of the build's module versions |")
  })

  it('drops a proxy that serves .mod but fails every .zip from in front of a comma', async () => {
    const result = await run(`${url.noZip},${url.full}`)
    expect(result.reports[0].verdict).toBe('unhealthy')
    expect(result.reports[0].reason).toMatch(
      /^cannot serve the build's \S+ \.zip \(.*go\.sum:\d+\): GET .*\.zip → /
    )
    expect(result.selection.goproxy).toBe(url.full)
    expect(result.build.unresolved).toEqual([])
  })

  it('keeps that proxy before a pipe: Go moves on after any error there', async () => {
    const result = await run(`${url.noZip}|${url.full}`)
    expect(result.reports[0].verdict).not.toBe('unhealthy')
    expect(result.selection.goproxy).toBe(`${url.noZip}|${url.full}`)
    expect(
      result.build.modules.every(
        m => m.files.find(f => f.file === 'zip')?.servedBy?.display === url.full
      )
    ).toBe(true)
  })

  it('fails the run and names the module no candidate serves, with what each answered', async () => {
    const result = await run(url.partial)
    expect(result.selection.outcome).toBe('failed')
    expect(result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      `${upper.path}@${upper.version}`
    ])
    const asked = result.build.unresolved[0].files.flatMap(f => f.asked.map(a => a.answer.kind))
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.every(kind => kind === 'missing')).toBe(true)
  })

  it('calls a proxy tampered when its .mod contradicts go.sum, and exports the honest one', async () => {
    const result = await run(`${url.badMod},${url.full}`)
    expect(result.reports[0].verdict).toBe('tampered')
    expect(result.reports[0].reason).toMatch(
      /^go\.sum: \S+ go\.mod hashes to h1:\S+ but go\.sum says h1:/
    )
    expect(result.selection.goproxy).toBe(url.full)
  })

  itWithGo(
    'asks no proxy for a zip the build never fetches, and the go command agrees',
    async () => {
      // go.sum keeps a zip line of a module go.mod does not require (as `go mod tidy` does for
      // modules only tests of dependencies import): `go mod download` never fetches it.
      const required = build.filter(m => m !== upper)
      const moduleDir = await writeModuleDir(required)
      try {
        const tidyOnly = goSumLines([upper]).split('\n')[0]
        await appendFile(join(moduleDir, 'go.sum'), `${tidyOnly}\n`)
        const result = await run(url.partial, moduleDir)
        expect(result.build.unresolved).toEqual([])
        expect(result.selection.goproxy).toBe(url.partial)
        const kept = result.build.modules.find(m => m.module.path === upper.path)
        expect(kept?.files.map(f => [f.file, f.outcome, f.asked.length])).toEqual([
          ['zip', 'not-fetched', 0]
        ])
        const go = await goDownload(url.partial, moduleDir)
        expect({ code: go.code, stderr: go.stderr }).toEqual({
          code: 0,
          stderr: expect.any(String)
        })
      } finally {
        await rm(moduleDir, { recursive: true, force: true })
      }
    },
    2 * GO_TIMEOUT_MS
  )

  itWithGo(
    'agrees with the go command: what we export downloads the build, what we refused does not',
    async () => {
      const cases: { proxies: string; goFailsOnInput: boolean }[] = [
        { proxies: `${url.partial},${url.full}`, goFailsOnInput: false },
        { proxies: `${url.noZip},${url.full}`, goFailsOnInput: true },
        { proxies: `${url.noZip}|${url.full}`, goFailsOnInput: false },
        { proxies: `${url.badMod},${url.full}`, goFailsOnInput: true },
        { proxies: url.partial, goFailsOnInput: true }
      ]
      for (const { proxies, goFailsOnInput } of cases) {
        const result = await run(proxies)
        const asGiven = await goDownload(proxies)
        expect({ proxies, failed: asGiven.code !== 0 }).toEqual({ proxies, failed: goFailsOnInput })
        if (result.selection.goproxy === undefined) {
          expect(result.build.unresolved.length).toBeGreaterThan(0)
          continue
        }
        const exported = await goDownload(result.selection.goproxy)
        expect({ proxies, code: exported.code, stderr: exported.stderr }).toEqual({
          proxies,
          code: 0,
          stderr: expect.any(String)
        })
      }
    },
    10 * GO_TIMEOUT_MS
  )
})
