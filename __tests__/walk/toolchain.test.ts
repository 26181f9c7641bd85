/**
 * The build found with no input (go-sum: auto in the working directory), and the toolchain its
 * go.mod asks for: resolved through the chain (its zip hashed against the checksum database with
 * `checks: full`), or a warning that says what GOTOOLCHAIN=auto will do — which the real go
 * command then confirms, switching to the served toolchain (a shell script standing in for Go).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { toolchainWarning } from '../../src/walk/toolchain.js'
import { itWithGo, runGo } from '../world/go.js'
import { startToolchainWorld, TOOLCHAIN, type ToolchainWorld } from './toolchain-world.js'

describe('the build found in the working directory, and its toolchain', () => {
  let w: ToolchainWorld
  beforeAll(async () => {
    w = await startToolchainWorld()
  })
  afterAll(() => w.close())

  it('finds go.sum with no input and sees the toolchain zip served', async () => {
    const result = await w.run(w.withToolchain.url('all'))
    expect(result.build.found.goSumFiles).toEqual([join(w.dir, 'go.sum')])
    expect(result.build.modules.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      'rsc.io/quote@v1.5.2'
    ])
    expect(result.build.toolchains).toHaveLength(1)
    const [found] = result.build.toolchains
    // Not hashed at `checks: standard`: only seen to be served, as a build's zips are.
    expect(found).toMatchObject({ outcome: 'served', proved: false })
    expect(found.module).toMatchObject({ path: w.toolchain.path, version: w.toolchain.version })
    expect(found.files.map(f => f.file)).toEqual(['zip'])
    expect(toolchainWarning(found)).toBeUndefined()
    expect(result.selection.outcome).toBe('proxies')
  })

  it('hashes the toolchain zip against the checksum database with checks: full', async () => {
    const result = await w.run(w.withToolchain.url('all'), w.gosumdb(), 'full')
    const [found] = result.build.toolchains
    expect(found).toMatchObject({ outcome: 'served', proved: true })
    expect(found.module.zipHash).toBe(w.toolchain.zipHash)
  })

  it('asks a mirror for the toolchain zip alone, the one file the go command fetches', async () => {
    for (const checks of ['quick', 'standard', 'full']) {
      const [found] = (await w.run(w.zipOnly, w.gosumdb(), checks)).build.toolchains
      expect({ checks, outcome: found.outcome, warning: toolchainWarning(found) }).toEqual({
        checks,
        outcome: 'served',
        warning: undefined
      })
    }
  })

  itWithGo('agrees with the go command: GOTOOLCHAIN=auto switches through both', async () => {
    for (const proxy of [w.withToolchain.url('all'), w.zipOnly]) {
      // A module cache of its own for each, so the second downloads the toolchain again.
      const gopath = await mkdtemp(join(w.dir, 'gopath-'))
      const go = await runGo(['version'], {
        cwd: w.dir,
        env: { GOTOOLCHAIN: 'auto', GOPROXY: proxy, GOSUMDB: w.gosumdb(), GOPATH: gopath },
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
    const result = await w.run(w.withoutToolchain.url('modules'))
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
      const argv = ['--proxies', w.withoutToolchain.url('modules'), '--gosumdb', w.gosumdb()]
      const flags = ['--probe-modules', 'rsc.io/quote@v1.5.2', '--working-directory', w.dir]
      const more = ['--cache', 'false', '--timeout', '8', '--format', format]
      const status = await main([...argv, ...flags, ...more], { HOME: w.dir }, io)
      expect({ format, status }).toEqual({ format, status: 0 })
      expect(stderr).toContain(
        `warning: ${w.toolchain.path}@${w.toolchain.version} (the ${TOOLCHAIN}`
      )
    }
  })

  itWithGo('agrees with the go command: GOTOOLCHAIN=auto cannot switch without it', async () => {
    const go = await runGo(['version'], {
      cwd: w.dir,
      env: { GOTOOLCHAIN: 'auto', GOPROXY: w.withoutToolchain.url('modules') },
      timeoutMs: 60_000
    })
    expect(go.code).not.toBe(0)
    expect(go.stderr).toContain('toolchain not available')
  })

  it('warns that a served toolchain cannot be switched to with GOSUMDB=off', async () => {
    const result = await w.run(w.withToolchain.url('all'), 'off')
    const [served] = result.build.toolchains
    expect(served).toMatchObject({ outcome: 'served', proved: false, sumdbOff: true })
    expect(toolchainWarning(served)).toMatch(
      new RegExp(
        `older than ${TOOLCHAIN} will fail to switch \\("checksum database disabled by GOSUMDB=off"\\)`
      )
    )
  })

  it('warns that a served toolchain the database has no record of cannot be switched to', async () => {
    const result = await w.run(
      w.withToolchain.url('all'),
      `${w.dbWithout.verifierKey} ${w.dbWithout.url}`,
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
    const gosumdb = `${w.dbWithout.verifierKey} ${w.dbWithout.url}`
    const result = await w.run(w.withToolchain.url('all'), gosumdb, 'full', {
      gonosumdb: 'golang.org'
    })
    const [found] = result.build.toolchains
    expect(found.files[0].asked.map(a => a.answer.kind)).toEqual(['unverified'])
  })

  itWithGo(
    'agrees with the go command: it refuses a toolchain the database has no record of',
    async () => {
      // GONOSUMDB naming it or not: the go command looks every toolchain up (modfetch useSumDB).
      for (const GONOSUMDB of ['', 'golang.org']) {
        const go = await runGo(['version'], {
          cwd: w.dir,
          env: {
            GOTOOLCHAIN: 'auto',
            GOPROXY: w.withToolchain.url('all'),
            GOSUMDB: `${w.dbWithout.verifierKey} ${w.dbWithout.url}`,
            GONOSUMDB,
            GOPATH: await mkdtemp(join(w.dir, 'gopath-'))
          },
          timeoutMs: 60_000
        })
        const failed = { GONOSUMDB, ok: go.code === 0, verifying: go.stderr.includes('verifying') }
        expect(failed).toEqual({ GONOSUMDB, ok: false, verifying: true })
      }
    }
  )

  it('warns of nothing with GOSUMDB=off through a single file:// GOPROXY', async () => {
    const result = await w.run(w.zipOnly, 'off')
    const [served] = result.build.toolchains
    expect(served).toMatchObject({ outcome: 'served', sumdbOff: false })
    expect(toolchainWarning(served)).toBeUndefined()
  })

  itWithGo(
    'agrees with the go command: a single file:// GOPROXY switches with GOSUMDB=off',
    async () => {
      const go = await runGo(['version'], {
        cwd: w.dir,
        env: {
          GOTOOLCHAIN: 'auto',
          GOPROXY: w.zipOnly,
          GOSUMDB: 'off',
          GOPATH: await mkdtemp(join(w.dir, 'gopath-'))
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
        cwd: w.dir,
        env: { GOTOOLCHAIN: 'auto', GOPROXY: w.withToolchain.url('all'), GOSUMDB: 'off' },
        timeoutMs: 60_000
      })
      expect(go.code).not.toBe(0)
      expect(go.stderr).toContain('checksum database disabled by GOSUMDB=off')
    }
  )
})
