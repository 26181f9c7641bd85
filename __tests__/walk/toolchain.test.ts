/**
 * The build found with no input (go-sum: auto in the working directory), and the toolchain its
 * go.mod asks for: resolved through the chain and proved against the checksum database, or a
 * warning that says what GOTOOLCHAIN=auto will do — which the real go command then confirms.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { goPlatformOf } from '../../src/goenv/platform.js'
import { toolchainModule } from '../../src/build/gomod.js'
import { systemClock } from '../../src/clock.js'
import { buildPlan } from '../../src/config/build.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { toolchainWarning } from '../../src/walk/toolchain.js'
import { itWithGo, runGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { buildModule, goSumLines, standardModules, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

// Newer than any Go that will run these tests, so GOTOOLCHAIN=auto must switch to it.
const TOOLCHAIN = 'go1.99.1'

describe('the build found in the working directory, and its toolchain', () => {
  let dir: string
  let build: ModuleVersion[]
  let toolchain: ModuleVersion
  let db: SumdbWorld
  let withToolchain: ProxyWorld
  let withoutToolchain: ProxyWorld
  let getter: HttpGetter

  beforeAll(async () => {
    const platform = goPlatformOf(process.platform, process.arch)!
    const { path, version } = toolchainModule(TOOLCHAIN, platform)
    toolchain = await buildModule(path, version, { 'go/VERSION': `${TOOLCHAIN}\n` })
    const modules = await standardModules()
    build = modules.filter(m => m.path === 'rsc.io/quote')
    db = await startSumdb([...modules, toolchain], { delayMs: 100 })
    withToolchain = await startProxyWorld(
      [...modules, toolchain],
      [{ name: 'all', fault: 'healthy' }]
    )
    withoutToolchain = await startProxyWorld(modules, [{ name: 'modules', fault: 'healthy' }])
    dir = await mkdtemp(join(tmpdir(), 'vgp-toolchain-'))
    const requires = build.map(m => `require ${m.path} ${m.version}`).join('\n')
    await writeFile(
      join(dir, 'go.mod'),
      `module example.com/app\n\ngo ${TOOLCHAIN.slice(2)}\n\n${requires}\n`
    )
    await writeFile(join(dir, 'go.sum'), goSumLines(build))
    getter = createHttpGetter()
  })

  afterAll(async () => {
    getter.close()
    await Promise.all([withToolchain.close(), withoutToolchain.close(), db.close()])
    await rm(dir, { recursive: true, force: true })
  })

  function run(proxies: string, gosumdb = `${db.verifierKey} ${db.url}`): Promise<RunResult> {
    // No go-sum input: the module of the working directory is found as the go command finds it.
    const plan = buildPlan(
      {
        proxies,
        gosumdb,
        'probe-modules': 'rsc.io/quote@v1.5.2',
        'working-directory': dir,
        timeout: '8',
        cache: 'false'
      },
      { env: {}, platform: process.platform, defaultCacheDir: '/unused' }
    )
    return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
  }

  it('finds go.sum with no input and proves the toolchain .mod against the database', async () => {
    const result = await run(withToolchain.url('all'))
    expect(result.build.found.goSumFiles).toEqual([join(dir, 'go.sum')])
    expect(result.build.modules.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      'rsc.io/quote@v1.5.2'
    ])
    expect(result.build.toolchains).toHaveLength(1)
    const [found] = result.build.toolchains
    expect(found).toMatchObject({ outcome: 'served', proved: true })
    expect(found.module).toMatchObject({ path: toolchain.path, version: toolchain.version })
    expect(found.module.modHash).toBe(toolchain.modHash)
    expect(toolchainWarning(found)).toBeUndefined()
    expect(result.selection.outcome).toBe('proxies')
  })

  it('warns, and still exports the chain, when the proxy does not serve the toolchain', async () => {
    const result = await run(withoutToolchain.url('modules'))
    expect(result.selection.outcome).toBe('proxies')
    const [missing] = result.build.toolchains
    expect(missing.outcome).toBe('unresolved')
    expect(toolchainWarning(missing)).toMatch(
      new RegExp(`older than ${TOOLCHAIN} will fail to switch \\("toolchain not available"\\)`)
    )
  })

  itWithGo('agrees with the go command: GOTOOLCHAIN=auto cannot switch without it', async () => {
    const go = await runGo(['version'], {
      cwd: dir,
      env: { GOTOOLCHAIN: 'auto', GOPROXY: withoutToolchain.url('modules') },
      timeoutMs: 60_000
    })
    expect(go.code).not.toBe(0)
    expect(go.stderr).toContain('toolchain not available')
  })

  it('warns that a served toolchain cannot be switched to with GOSUMDB=off', async () => {
    const result = await run(withToolchain.url('all'), 'off')
    const [served] = result.build.toolchains
    expect(served).toMatchObject({ outcome: 'served', proved: false, sumdbOff: true })
    expect(toolchainWarning(served)).toMatch(
      new RegExp(
        `older than ${TOOLCHAIN} will fail to switch \\("checksum database disabled by GOSUMDB=off"\\)`
      )
    )
  })

  itWithGo(
    'agrees with the go command: with GOSUMDB=off it refuses the served toolchain',
    async () => {
      const go = await runGo(['version'], {
        cwd: dir,
        env: { GOTOOLCHAIN: 'auto', GOPROXY: withToolchain.url('all'), GOSUMDB: 'off' },
        timeoutMs: 60_000
      })
      expect(go.code).not.toBe(0)
      expect(go.stderr).toContain('checksum database disabled by GOSUMDB=off')
    }
  )
})
