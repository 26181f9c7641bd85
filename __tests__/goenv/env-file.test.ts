/**
 * Go's user env file, read as cmd/go/internal/cfg reads it: $GOENV, else <config dir>/go/env (as
 * `go env -w` writes it), filling only what the environment leaves unset or empty. $GOROOT/go.env
 * is not read: the go on PATH when the step runs is often not the build's. The real go command
 * confirms the reading.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { withGoEnvFile } from '../../src/goenv/env-file.js'
import { itWithGo, runGo } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

describe("Go's env file", () => {
  let dir: string
  /** A GOROOT whose go.env must not be read. */
  let goroot: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vgp-goenv-'))
    goroot = join(dir, 'goroot')
    await mkdir(join(goroot, 'bin'), { recursive: true })
    await mkdir(join(goroot, 'pkg', 'tool'), { recursive: true })
    await writeFile(join(goroot, 'bin', 'go'), '#!/bin/sh\n', { mode: 0o755 })
    await writeFile(join(goroot, 'go.env'), 'GOSUMDB=off\nGOTOOLCHAIN=local\n')
    await mkdir(join(dir, 'home', '.config', 'go'), { recursive: true })
    await writeFile(
      join(dir, 'home', '.config', 'go', 'env'),
      'GOPROXY=https://user.example\n# a comment\nlower=ignored\nno equals sign\nGOPRIVATE=corp.example\n'
    )
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const home = () => join(dir, 'home')

  it('fills what the environment leaves unset from the user file, never from GOROOT/go.env', () => {
    const env = withGoEnvFile({ HOME: home(), PATH: join(goroot, 'bin'), GOROOT: goroot }, 'linux')
    expect(env).toMatchObject({ GOPROXY: 'https://user.example', GOPRIVATE: 'corp.example' })
    expect([env.GOSUMDB, env.GOTOOLCHAIN, env.lower]).toEqual([undefined, undefined, undefined])
  })

  it('lets a variable set in the environment win, and an empty one lose', () => {
    const env = withGoEnvFile(
      { HOME: home(), GOPROXY: 'https://job.example', GOPRIVATE: '' },
      'linux'
    )
    expect(env).toMatchObject({ GOPROXY: 'https://job.example', GOPRIVATE: 'corp.example' })
  })

  it('reads $GOENV instead of the config folder, and none with GOENV=off', async () => {
    const file = join(dir, 'other-env')
    await writeFile(file, 'GOSUMDB=off\n')
    expect(withGoEnvFile({ HOME: home(), GOENV: file }, 'linux')).toMatchObject({
      GOSUMDB: 'off'
    })
    expect(withGoEnvFile({ HOME: home(), GOENV: 'off' }, 'linux').GOPROXY).toBeUndefined()
  })

  it('takes XDG_CONFIG_HOME before HOME, unless it is relative', () => {
    const elsewhere = withGoEnvFile({ HOME: home(), XDG_CONFIG_HOME: join(dir, 'none') }, 'linux')
    expect(elsewhere.GOPROXY).toBeUndefined()
    const relative = withGoEnvFile({ HOME: home(), XDG_CONFIG_HOME: 'rel' }, 'linux')
    expect(relative.GOPROXY).toBeUndefined()
  })

  itWithGo('reads it as the go command does', async () => {
    const work = await mkdtemp(join(dir, 'go-'))
    const file = join(dir, 'home', '.config', 'go', 'env')
    const go = await runGo(['env', 'GOPROXY', 'GOPRIVATE'], {
      cwd: work,
      env: { GOENV: file, GOPROXY: '', GOPRIVATE: '' }
    })
    const ours = withGoEnvFile({ GOENV: file }, 'linux')
    expect(go.stdout.trim().split('\n')).toEqual([ours.GOPROXY, ours.GOPRIVATE])
  })

  describe('a go env file naming a broken proxy (go env -w GOPROXY=…)', () => {
    let world: ProxyWorld
    let file: string
    beforeAll(async () => {
      world = await startProxyWorld(await standardModules(), [
        { name: 'broken', fault: 'status-500' },
        { name: 'healthy', fault: 'healthy' }
      ])
      file = join(dir, 'broken-env')
      await writeFile(file, `GOPROXY=${world.url('broken')}\nGOSUMDB=off\n`)
    })
    afterAll(() => world.close())

    async function cli(env: Record<string, string>): Promise<{ status: number; out: string }> {
      let out = ''
      const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) }
      const argv = ['--probe-modules', 'example.com/hello@v1.0.0', '--go-sum', 'none']
      const status = await main([...argv, '--cache', 'false', '--retries', '0'], env, io)
      return { status, out }
    }

    it('is checked, as the build will use it; a variable in the environment still wins', async () => {
      const broken = await cli({ HOME: dir, GOENV: file })
      expect(broken.status).toBe(1)
      expect(broken.out).toContain(`${world.url('broken')}/example.com/hello/@v/v1.0.0.info → 500`)
      const set = await cli({ HOME: dir, GOENV: file, GOPROXY: world.url('healthy') })
      expect(set.status).toBe(0)
    })

    itWithGo('the go command fails with it too', async () => {
      const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
        cwd: await mkdtemp(join(dir, 'go-')),
        env: { GOENV: file, GOPROXY: '', GOSUMDB: '' }
      })
      expect(go.code).not.toBe(0)
      expect(go.stdout).toContain('500')
    })
  })
})
