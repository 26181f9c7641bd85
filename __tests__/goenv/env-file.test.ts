/**
 * Go's env files, read as cmd/go/internal/cfg reads them: the user's go env file ($GOENV, else
 * <config dir>/go/env, as `go env -w` writes it), then $GOROOT/go.env, each filling only what
 * the environment leaves unset or empty. The real go command confirms the reading.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { withGoEnvFiles } from '../../src/goenv/env-file.js'
import { itWithGo, runGo } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

describe("Go's env files", () => {
  let dir: string
  /** A GOROOT of our own: bin/go, pkg/tool and a go.env. */
  let goroot: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vgp-goenv-'))
    goroot = join(dir, 'goroot')
    await mkdir(join(goroot, 'bin'), { recursive: true })
    await mkdir(join(goroot, 'pkg', 'tool'), { recursive: true })
    await writeFile(join(goroot, 'bin', 'go'), '#!/bin/sh\n', { mode: 0o755 })
    await writeFile(
      join(goroot, 'go.env'),
      '# defaults\nGOPROXY=https://goroot.example\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=local\n'
    )
    await mkdir(join(dir, 'home', '.config', 'go'), { recursive: true })
    await writeFile(
      join(dir, 'home', '.config', 'go', 'env'),
      'GOPROXY=https://user.example\n# a comment\nlower=ignored\nno equals sign\nGOPRIVATE=corp.example\n'
    )
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const home = () => join(dir, 'home')

  it('takes the user file, then GOROOT/go.env, for what the environment leaves unset', () => {
    const env = withGoEnvFiles({ HOME: home(), PATH: join(goroot, 'bin') }, 'linux')
    expect(env).toMatchObject({
      GOPROXY: 'https://user.example',
      GOPRIVATE: 'corp.example',
      GOSUMDB: 'sum.golang.org',
      GOTOOLCHAIN: 'local'
    })
    expect(env.lower).toBeUndefined()
  })

  it('lets a variable set in the environment win, and an empty one lose', () => {
    const env = withGoEnvFiles(
      { HOME: home(), PATH: join(goroot, 'bin'), GOPROXY: 'https://job.example', GOPRIVATE: '' },
      'linux'
    )
    expect(env).toMatchObject({ GOPROXY: 'https://job.example', GOPRIVATE: 'corp.example' })
  })

  it('reads $GOENV instead of the config folder, none with GOENV=off, and $GOROOT as set', async () => {
    const file = join(dir, 'other-env')
    await writeFile(file, 'GOSUMDB=off\n')
    const named = withGoEnvFiles({ HOME: home(), GOENV: file, GOROOT: goroot }, 'linux')
    expect(named).toMatchObject({ GOSUMDB: 'off', GOPROXY: 'https://goroot.example' })
    const off = withGoEnvFiles({ HOME: home(), GOENV: 'off' }, 'linux')
    expect(off.GOPROXY).toBeUndefined()
  })

  it('finds GOROOT through a link to its go, and XDG_CONFIG_HOME before HOME', async () => {
    const bin = join(dir, 'linked-bin')
    await mkdir(bin)
    await symlink(join(goroot, 'bin', 'go'), join(bin, 'go'))
    const env = withGoEnvFiles({ XDG_CONFIG_HOME: join(dir, 'nowhere'), PATH: bin }, 'linux')
    expect(env).toMatchObject({ GOPROXY: 'https://goroot.example', GOTOOLCHAIN: 'local' })
  })

  itWithGo('reads them as the go command does', async () => {
    const work = await mkdtemp(join(dir, 'go-'))
    const file = join(dir, 'home', '.config', 'go', 'env')
    const go = await runGo(['env', 'GOPROXY', 'GOPRIVATE'], {
      cwd: work,
      env: { GOENV: file, GOPROXY: '', GOPRIVATE: '' }
    })
    const ours = withGoEnvFiles({ GOENV: file }, 'linux')
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
