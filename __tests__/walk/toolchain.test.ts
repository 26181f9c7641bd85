/**
 * The build found with no input (go-sum: auto in the working directory), and the toolchain its
 * go.mod asks for: resolved through the chain (its zip hashed against the checksum database with
 * `checks: full`), or a warning that says what GOTOOLCHAIN=auto will do — which the real go
 * command then confirms, switching to the served toolchain (a shell script standing in for Go).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { goPlatformOf } from '../../src/goenv/platform.js'
import { toolchainModule } from '../../src/build/gomod.js'
import { main } from '../../src/cli/main.js'
import { systemClock } from '../../src/clock.js'
import { buildPlan } from '../../src/config/build.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { toolchainWarning } from '../../src/walk/toolchain.js'
import { itWithGo, runGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { writeProxyTree } from '../world/goproxy-dir.js'
import {
  buildModule,
  goSumLines,
  proxyTree,
  standardModules,
  type ModuleVersion
} from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

// Newer than any Go that will run these tests, so GOTOOLCHAIN=auto must switch to it.
const TOOLCHAIN = 'go1.99.1'

/**
 * A toolchain the go command can switch to: bin/go a script that says who it is, and the folders
 * Go sets the execute bits in after the download (it fails if one is missing).
 */
function fakeGoFiles(platform: string): Record<string, string> {
  return {
    'bin/go': `#!/bin/sh\necho "fake ${TOOLCHAIN} $*"\n`,
    'bin/gofmt': '#!/bin/sh\n',
    [`pkg/tool/${platform}/vet`]: '#!/bin/sh\n',
    'lib/time/README': 'none\n',
    'go/VERSION': `${TOOLCHAIN}\n`
  }
}

/** A file:// GOPROXY with the modules' files and, of the toolchain, only its zip. */
async function zipOnlyMirror(dir: string, modules: ModuleVersion[], toolchain: ModuleVersion) {
  await writeProxyTree(dir, modules)
  for (const [rel, data] of proxyTree([toolchain])) {
    if (!rel.endsWith('.zip')) continue
    await mkdir(dirname(join(dir, rel)), { recursive: true })
    await writeFile(join(dir, rel), data)
  }
  return pathToFileURL(dir).href
}

describe('the build found in the working directory, and its toolchain', () => {
  let dir: string
  let build: ModuleVersion[]
  let toolchain: ModuleVersion
  let db: SumdbWorld
  /** A database with no record of the toolchain. */
  let dbWithout: SumdbWorld
  let withToolchain: ProxyWorld
  let withoutToolchain: ProxyWorld
  let zipOnly: string
  let getter: HttpGetter

  beforeAll(async () => {
    const platform = goPlatformOf(process.platform, process.arch)!
    const { path, version } = toolchainModule(TOOLCHAIN, platform)
    toolchain = await buildModule(path, version, fakeGoFiles(`${platform.goos}_${platform.goarch}`))
    const modules = await standardModules()
    build = modules.filter(m => m.path === 'rsc.io/quote')
    db = await startSumdb([...modules, toolchain], { delayMs: 100 })
    dbWithout = await startSumdb(modules)
    withToolchain = await startProxyWorld(
      [...modules, toolchain],
      [{ name: 'all', fault: 'healthy' }]
    )
    withoutToolchain = await startProxyWorld(modules, [{ name: 'modules', fault: 'healthy' }])
    dir = await mkdtemp(join(tmpdir(), 'vgp-toolchain-'))
    zipOnly = await zipOnlyMirror(join(dir, 'mirror'), modules, toolchain)
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
    await Promise.all([
      withToolchain.close(),
      withoutToolchain.close(),
      db.close(),
      dbWithout.close()
    ])
    await rm(dir, { recursive: true, force: true })
  })

  const gosumdbOf = (): string => `${db.verifierKey} ${db.url}`

  function run(
    proxies: string,
    gosumdb = gosumdbOf(),
    checks = 'standard',
    inputs: Record<string, string> = {}
  ): Promise<RunResult> {
    // No go-sum input: the module of the working directory is found as the go command finds it.
    const plan = buildPlan(
      {
        proxies,
        gosumdb,
        'probe-modules': 'rsc.io/quote@v1.5.2',
        'working-directory': dir,
        timeout: '8',
        checks,
        cache: 'false',
        ...inputs
      },
      { env: {}, platform: process.platform, defaultCacheDir: '/unused' }
    )
    return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
  }

  it('finds go.sum with no input and sees the toolchain zip served', async () => {
    const result = await run(withToolchain.url('all'))
    expect(result.build.found.goSumFiles).toEqual([join(dir, 'go.sum')])
    expect(result.build.modules.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      'rsc.io/quote@v1.5.2'
    ])
    expect(result.build.toolchains).toHaveLength(1)
    const [found] = result.build.toolchains
    // Not hashed at `checks: standard`: only seen to be served, as a build's zips are.
    expect(found).toMatchObject({ outcome: 'served', proved: false })
    expect(found.module).toMatchObject({ path: toolchain.path, version: toolchain.version })
    expect(found.files.map(f => f.file)).toEqual(['zip'])
    expect(toolchainWarning(found)).toBeUndefined()
    expect(result.selection.outcome).toBe('proxies')
  })

  it('hashes the toolchain zip against the checksum database with checks: full', async () => {
    const result = await run(withToolchain.url('all'), gosumdbOf(), 'full')
    const [found] = result.build.toolchains
    expect(found).toMatchObject({ outcome: 'served', proved: true })
    expect(found.module.zipHash).toBe(toolchain.zipHash)
  })

  it('asks a mirror for the toolchain zip alone, the one file the go command fetches', async () => {
    for (const checks of ['quick', 'standard', 'full']) {
      const [found] = (await run(zipOnly, gosumdbOf(), checks)).build.toolchains
      expect({ checks, outcome: found.outcome, warning: toolchainWarning(found) }).toEqual({
        checks,
        outcome: 'served',
        warning: undefined
      })
    }
  })

  itWithGo('agrees with the go command: GOTOOLCHAIN=auto switches through both', async () => {
    for (const proxy of [withToolchain.url('all'), zipOnly]) {
      // A module cache of its own for each, so the second downloads the toolchain again.
      const gopath = await mkdtemp(join(dir, 'gopath-'))
      const go = await runGo(['version'], {
        cwd: dir,
        env: { GOTOOLCHAIN: 'auto', GOPROXY: proxy, GOSUMDB: gosumdbOf(), GOPATH: gopath },
        timeoutMs: 60_000
      })
      expect({ proxy, code: go.code, stderr: go.stderr, stdout: go.stdout.trim() }).toEqual({
        proxy,
        code: 0,
        stderr: expect.stringContaining(`go: downloading ${TOOLCHAIN} (`),
        stdout: `fake ${TOOLCHAIN} version`
      })
    }
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

  it('the CLI says so on stderr when stdout carries JSON or an environment', async () => {
    for (const format of ['json', 'env']) {
      let stderr = ''
      const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text) }
      const argv = ['--proxies', withoutToolchain.url('modules'), '--gosumdb', gosumdbOf()]
      const flags = ['--probe-modules', 'rsc.io/quote@v1.5.2', '--working-directory', dir]
      const more = ['--cache', 'false', '--timeout', '8', '--format', format]
      const status = await main([...argv, ...flags, ...more], { HOME: dir }, io)
      expect({ format, status }).toEqual({ format, status: 0 })
      expect(stderr).toContain(`warning: ${toolchain.path}@${toolchain.version} (the ${TOOLCHAIN}`)
    }
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

  it('warns that a served toolchain the database has no record of cannot be switched to', async () => {
    const result = await run(
      withToolchain.url('all'),
      `${dbWithout.verifierKey} ${dbWithout.url}`,
      'full'
    )
    const [found] = result.build.toolchains
    expect(found.outcome).toBe('unresolved')
    expect(found.files[0].asked.map(a => a.answer.kind)).toEqual(['unverified'])
    expect(toolchainWarning(found)).toMatch(
      new RegExp(`is served, but the checksum database has no record of ${found.module.path}@`)
    )
    // A warning, as for any toolchain: the chain is still exported.
    expect(result.selection.outcome).toBe('proxies')
  })

  it('looks the toolchain up even when GONOSUMDB names it, as the go command does', async () => {
    const gosumdb = `${dbWithout.verifierKey} ${dbWithout.url}`
    const result = await run(withToolchain.url('all'), gosumdb, 'full', { gonosumdb: 'golang.org' })
    const [found] = result.build.toolchains
    expect(found.files[0].asked.map(a => a.answer.kind)).toEqual(['unverified'])
  })

  itWithGo(
    'agrees with the go command: it refuses a toolchain the database has no record of',
    async () => {
      // GONOSUMDB naming it or not: the go command looks every toolchain up (modfetch useSumDB).
      for (const GONOSUMDB of ['', 'golang.org']) {
        const go = await runGo(['version'], {
          cwd: dir,
          env: {
            GOTOOLCHAIN: 'auto',
            GOPROXY: withToolchain.url('all'),
            GOSUMDB: `${dbWithout.verifierKey} ${dbWithout.url}`,
            GONOSUMDB,
            GOPATH: await mkdtemp(join(dir, 'gopath-'))
          },
          timeoutMs: 60_000
        })
        const failed = { GONOSUMDB, ok: go.code === 0, verifying: go.stderr.includes('verifying') }
        expect(failed).toEqual({ GONOSUMDB, ok: false, verifying: true })
      }
    }
  )

  it('warns of nothing with GOSUMDB=off through a single file:// GOPROXY', async () => {
    const result = await run(zipOnly, 'off')
    const [served] = result.build.toolchains
    expect(served).toMatchObject({ outcome: 'served', sumdbOff: false })
    expect(toolchainWarning(served)).toBeUndefined()
  })

  itWithGo(
    'agrees with the go command: a single file:// GOPROXY switches with GOSUMDB=off',
    async () => {
      const go = await runGo(['version'], {
        cwd: dir,
        env: {
          GOTOOLCHAIN: 'auto',
          GOPROXY: zipOnly,
          GOSUMDB: 'off',
          GOPATH: await mkdtemp(join(dir, 'gopath-'))
        },
        timeoutMs: 60_000
      })
      expect({ code: go.code, stdout: go.stdout.trim() }).toEqual({
        code: 0,
        stdout: `fake ${TOOLCHAIN} version`
      })
    }
  )

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
