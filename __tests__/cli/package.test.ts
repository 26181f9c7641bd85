// The npm package: what `npm pack` puts in the tarball, and that the CLI runs from the unpacked
// tarball with nothing installed beside it (the committed dist/cli.js is what gets packed).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { VERSION } from '../../src/constants.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runBounded } from '../world/spawn.js'
import { requireBundle } from './bundled.js'

const run = promisify(execFile)

interface Packed {
  filename: string
  files: { path: string }[]
}

/** `npm pack --json` in the repository, with extra flags; its one package. */
async function npmPack(...flags: string[]): Promise<Packed> {
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', ...flags], {
    timeout: 60_000
  })
  return (JSON.parse(stdout) as Packed[])[0]
}

/** The chunks the bundle loads at run time (the build names a lazy import's `<id>.cli.js`). */
async function chunksOfCli(): Promise<string[]> {
  const bundle = await readFile('dist/cli.js', 'utf8')
  const ids = bundle.matchAll(/__nccwpck_require__\.e\(\/\* import\(\) \*\/ (\d+)\)/g)
  return [...new Set([...ids].map(([, id]) => `dist/${id}.cli.js`))]
}

beforeAll(() => requireBundle())

describe('package.json', () => {
  it('is publishable, with the bundled CLI as its command', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8'))
    expect(pkg.private).toBeUndefined()
    expect(pkg.bin).toEqual({ 'validate-goproxy': 'dist/cli.js' })
    expect((await readFile('dist/cli.js', 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node')
  })

  it('packs the CLI bundle and the chunks it loads, the README and the license, nothing else', async () => {
    const packed = await npmPack('--dry-run')
    const expected = [
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'package.json',
      ...(await chunksOfCli())
    ]
    expect(packed.files.map(f => f.path).sort()).toEqual(expected.sort())
  })
})

describe('the packed tarball', () => {
  let dir: string
  let world: ProxyWorld
  let cli: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vgp-pack-'))
    const packed = await npmPack('--pack-destination', dir)
    await run('tar', ['-xzf', join(dir, packed.filename), '-C', dir], { timeout: 60_000 })
    // Outside the repository: no node_modules up the tree for the bundle to lean on.
    cli = join(dir, 'package', 'dist', 'cli.js')
    world = await startProxyWorld(await standardModules(), [{ name: 'good', fault: 'healthy' }])
  })

  afterAll(async () => {
    await world?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const packedCli = (args: string[]) =>
    runBounded(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, NETRC: join(dir, 'no-netrc') },
      cwd: dir,
      killAfterMs: 30_000
    })

  it('runs --version as is', async () => {
    const version = await packedCli(['--version'])
    expect(version).toMatchObject({ code: 0, stdout: `validate-goproxy ${VERSION}\n` })
  })

  it('probes a proxy as is, with the chunks only some runs load (yaml, zip reading)', async () => {
    const profiles = join(dir, 'profiles.yml')
    await writeFile(profiles, `default:\n  proxies: ${world.url('good')}\n`)
    const probe = await packedCli([
      '--profiles',
      profiles,
      '--checks',
      'full',
      '--gosumdb',
      'off',
      '--cache',
      'false',
      '--probe-modules',
      'example.com/hello@v1.0.0',
      '--format',
      'env'
    ])
    expect(probe).toMatchObject({
      code: 0,
      stdout: `GOPROXY=${world.url('good')}\nGOSUMDB=off\n`
    })
  })

  it('fails on its own, blaming no proxy, when a chunk it needs was not copied beside it', async () => {
    const alone = join(dir, 'alone')
    await mkdir(alone)
    await copyFile(cli, join(alone, 'cli.js'))
    const probe = await runBounded(
      process.execPath,
      [
        join(alone, 'cli.js'),
        ...['--proxies', world.url('good'), '--gosumdb', 'off', '--cache', 'false'],
        ...['--checks', 'full', '--probe-modules', 'example.com/hello@v1.0.0']
      ],
      { env: { PATH: process.env.PATH ?? '', HOME: dir }, cwd: dir, killAfterMs: 30_000 }
    )
    expect(probe.code).toBe(1)
    expect(probe.stderr).toMatch(/cannot load the zip reader: Cannot find module .*\.cli\.js/)
    expect(probe.stdout).not.toContain('unhealthy')
    const profiles = join(dir, 'alone.yml')
    await writeFile(profiles, `default:\n  proxies: ${world.url('good')}\n`)
    const profiled = await runBounded(
      process.execPath,
      [join(alone, 'cli.js'), '--profiles', profiles, '--gosumdb', 'off', '--cache', 'false'],
      { env: { PATH: process.env.PATH ?? '', HOME: dir }, cwd: dir, killAfterMs: 30_000 }
    )
    expect(profiled.code).not.toBe(0)
    expect(profiled.stderr).toMatch(/cannot load the YAML reader: Cannot find module .*\.cli\.js/)
  })
})
