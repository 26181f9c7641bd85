/**
 * The toolchain a go.mod or go.work asks for (toolchain.Select, gover), the module that delivers
 * it, and — with the real go command — that Go downloads exactly that module when it is newer.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  goModLookup,
  toolchainModule,
  toolchainOf,
  type ToolchainNeed
} from '../../src/build/gomod.js'
import { goPlatformOf } from '../../src/goenv/platform.js'
import { compareGo, isLanguageVersion, versionOfToolchain } from '../../src/gostd/gover.js'
import { expectGoEnvError } from '../goenv/throws.js'
import { itWithGo, runGo } from '../world/go.js'

describe('gover', () => {
  it('orders Go versions as Go does: 1.21 < 1.21rc1 < 1.21.0 < 1.21.1, and 1.20 = 1.20.0', () => {
    const ordered = [
      '1.9',
      '1.20',
      '1.21',
      '1.21beta1',
      '1.21rc1',
      '1.21rc2',
      '1.21.0',
      '1.21.1',
      '1.100'
    ]
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect([ordered[i], compareGo(ordered[i], ordered[i + 1])]).toEqual([ordered[i], -1])
      expect(compareGo(ordered[i + 1], ordered[i])).toBe(1)
    }
    expect(compareGo('1.20', '1.20.0')).toBe(0)
    expect(compareGo('1', '1.0.0')).toBe(0)
    expect(compareGo('bad', '1.0')).toBe(-1)
    expect(compareGo('1.021', '1.21')).toBe(-1)
  })

  it('tells a language version from a release, and a toolchain name from other names', () => {
    expect(['1.22', '1.21', '1.20', '1.22.0', '1.22rc1'].map(isLanguageVersion)).toEqual([
      true,
      true,
      false,
      false,
      false
    ])
    expect(
      ['go1.21.1', 'go1.21.1-corp', 'go1.22rc1', 'go1.22.0 x', 'gox', '1.21.1', 'go1.2/x'].map(
        versionOfToolchain
      )
    ).toEqual(['1.21.1', '1.21.1', '1.22rc1', '1.22.0', '', '', ''])
  })
})

describe('goModLookup', () => {
  it('reads the first line starting with the key, its // comment dropped, as Go does', () => {
    const text = [
      'module example.com/m // go 9.9',
      '',
      'godebug default=go1.21',
      'require (',
      '\tgo.uber.org/zap v1.0.0',
      ')',
      '  go\t1.22.1 // pinned  ',
      'go 1.30'
    ].join('\r\n')
    expect(goModLookup(text, 'go')).toBe('1.22.1')
    expect(goModLookup(text, 'toolchain')).toBe('')
    expect(goModLookup('toolchain\ngo', 'toolchain')).toBe('')
  })
})

describe('toolchainOf', () => {
  const need = (name: string, from: ToolchainNeed['from']) => ({
    name,
    version: versionOfToolchain(name),
    from
  })
  const cases: [string, ToolchainNeed | undefined][] = [
    ['go 1.25.3', need('go1.25.3', 'go')],
    ['go 1.21rc1', undefined], // 1.21rc1 < 1.21.0, and every Go that switches is 1.21.0 or later
    ['go 1.22rc1', need('go1.22rc1', 'go')],
    ['go 1.22', need('go1.22.0', 'go')], // a language version asks for its first release
    ['go 1.21', undefined],
    ['go 1.20', undefined],
    ['go 1.16\ntoolchain go1.23.4', need('go1.23.4', 'toolchain')],
    ['go 1.24.0\ntoolchain go1.23.4', need('go1.24.0', 'go')], // the later wins
    ['go 1.23.4\ntoolchain go1.23.4', need('go1.23.4', 'toolchain')], // a tie: the toolchain line
    ['go 1.22 // comment\ntoolchain go1.23.4-corp // ours', need('go1.23.4-corp', 'toolchain')],
    ['go 1.99.0\ntoolchain default', undefined], // default: the installed Go, always
    ['module example.com/m', undefined],
    ['go 1.22.x', undefined], // Go compares an invalid version as less than any other
    ['// toolchain go1.99.0\ngo 1.20', undefined]
  ]
  it.each(cases)('%j', (text, expected) => {
    expect(toolchainOf(text)).toEqual(expected)
  })

  it('throws GoEnvError on a toolchain line the go command refuses', () => {
    expectGoEnvError(() => toolchainOf('go 1.22\ntoolchain 1.23.4'), 'invalid toolchain "1.23.4"')
    expectGoEnvError(() => toolchainOf('toolchain bogus'), 'invalid toolchain "bogus"')
  })
})

describe('the toolchain module', () => {
  it('maps Node platforms and architectures to GOOS/GOARCH', () => {
    expect(goPlatformOf('linux', 'x64')).toEqual({ goos: 'linux', goarch: 'amd64' })
    expect(goPlatformOf('darwin', 'arm64')).toEqual({ goos: 'darwin', goarch: 'arm64' })
    expect(goPlatformOf('win32', 'ia32')).toEqual({ goos: 'windows', goarch: '386' })
    expect(goPlatformOf('linux', 'arm')).toEqual({ goos: 'linux', goarch: 'arm' })
    expect(goPlatformOf('linux', 'ppc64')).toEqual({ goos: 'linux', goarch: 'ppc64le' })
    expect(goPlatformOf('aix', 'ppc64')).toEqual({ goos: 'aix', goarch: 'ppc64' })
    expect(goPlatformOf('sunos', 'x64')).toBeUndefined()
    expect(goPlatformOf('linux', 'ppc')).toBeUndefined()
  })

  it('is golang.org/toolchain@v0.0.1-<name>.<GOOS>-<GOARCH>', () => {
    expect(toolchainModule('go1.21.0', { goos: 'linux', goarch: 'arm' })).toEqual({
      path: 'golang.org/toolchain',
      version: 'v0.0.1-go1.21.0.linux-arm'
    })
  })
})

describe('against the go command (GOTOOLCHAIN=auto)', () => {
  let dir: string
  let server: Server
  let requested: string[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'toolchain-'))
    requested = []
    // A proxy that has nothing: Go asks it for the toolchain module, then gives up.
    server = createServer((req, res) => {
      requested.push(req.url ?? '')
      res.writeHead(404).end()
    })
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  })
  afterAll(async () => {
    await new Promise(done => server.close(done))
    await rm(dir, { recursive: true, force: true })
  })

  const files = [
    'go 1.99',
    'go 1.99.0\ntoolchain go1.99.1',
    'go 1.99.2\ntoolchain go1.99.1',
    'go 1.99rc1',
    'go 1.22\ntoolchain go1.99.0-corp // ours',
    'go 1.99.0\ntoolchain default',
    'go 1.22',
    'go 1.20\ntoolchain go1.21.3'
  ]

  itWithGo(
    'downloads exactly our toolchain module when it is newer than the Go it runs',
    async () => {
      const local = await runGo(['env', 'GOVERSION'], { cwd: dir })
      const localVersion = versionOfToolchain(local.stdout.trim())
      const platform = goPlatformOf(process.platform, process.arch)
      expect(platform).toBeDefined()
      for (const body of files) {
        await writeFile(join(dir, 'go.mod'), `module example.com/m\n${body}\n`)
        requested.length = 0
        const { port } = server.address() as AddressInfo
        const env = { GOTOOLCHAIN: 'auto', GOPROXY: `http://127.0.0.1:${port}`, GOFLAGS: '' }
        const run = await runGo(['version'], { cwd: dir, env })
        const need = toolchainOf(body)
        const switches = need !== undefined && compareGo(need.version, localVersion) > 0
        const asked = requested.map(url => url.replace(/\.(info|mod|zip)$/, ''))
        const wanted = switches ? toolchainModule(need.name, platform!) : undefined
        expect({ body, asked: [...new Set(asked)], failed: run.code !== 0 }).toEqual({
          body,
          asked: wanted ? [`/${wanted.path}/@v/${wanted.version}`] : [],
          failed: switches
        })
      }
    }
  )
})
