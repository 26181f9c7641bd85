/** The inputs that find the build, and the build read from what was found. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { discoverGoSums } from '../../src/build/discover.js'
import { parseGoSumInput, resolveWorkingDirectory } from '../../src/config/go-sum.js'
import { readBuild } from '../../src/build/read.js'

const H = `h1:${'A'.repeat(43)}=`

describe('parseGoSumInput', () => {
  it('is auto when empty or auto, none for none', () => {
    expect(parseGoSumInput(undefined)).toEqual({ kind: 'auto' })
    expect(parseGoSumInput(' \n ')).toEqual({ kind: 'auto' })
    expect(parseGoSumInput(' auto\n')).toEqual({ kind: 'auto' })
    expect(parseGoSumInput('none')).toEqual({ kind: 'none' })
  })

  it('splits a list at newlines and commas only, so paths may hold spaces', () => {
    const selection = parseGoSumInput('my app/go.sum,\n**/go.sum\n\n')
    expect(selection).toEqual({
      kind: 'listed',
      items: [
        { kind: 'path', path: 'my app/go.sum' },
        { kind: 'glob', glob: { pattern: '**/go.sum', elements: ['**', 'go.sum'] } }
      ]
    })
  })

  it('is an InputError for auto or none inside a list, and for a malformed pattern', () => {
    expect(() => parseGoSumInput('auto, extra/go.sum')).toThrow(
      `Invalid input 'go-sum': "auto, extra/go.sum" lists auto, which stands alone`
    )
    expect(() => parseGoSumInput('go.sum\nsvc/[a/go.sum')).toThrow(
      `Invalid input 'go-sum': "svc/[a/go.sum" is not a valid pattern: "[a" is malformed`
    )
  })
})

describe('resolveWorkingDirectory', () => {
  it('is the job workspace, else the current directory; a relative input starts there', () => {
    const ws = { GITHUB_WORKSPACE: resolve('/ws') }
    expect(resolveWorkingDirectory(undefined, ws, resolve('/cwd'))).toBe(resolve('/ws'))
    expect(resolveWorkingDirectory(' svc/a ', ws, resolve('/cwd'))).toBe(resolve('/ws/svc/a'))
    expect(resolveWorkingDirectory(resolve('/abs'), ws, resolve('/cwd'))).toBe(resolve('/abs'))
    expect(resolveWorkingDirectory('svc', { GITHUB_WORKSPACE: '' }, resolve('/cwd'))).toBe(
      resolve('/cwd/svc')
    )
    expect(resolveWorkingDirectory('', {}, resolve('/cwd'))).toBe(resolve('/cwd'))
  })
})

describe('readBuild', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'read-build-'))
    const files: Record<string, string> = {
      'go.work': 'go 1.24.0 // workspace\ntoolchain go1.25.3\nuse ./a\n',
      'go.work.sum': `golang.org/x/text v0.3.0 ${H}\n`,
      'a/go.mod': 'module example.com/a\ngo 1.99.0\n',
      'a/go.sum': `rsc.io/quote v1.5.2/go.mod ${H}\n`,
      'bad/go.mod': 'module example.com/bad\ntoolchain 1.22\n',
      'bad/go.sum': ''
    }
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(root, name, '..'), { recursive: true })
      await writeFile(join(root, name), text)
    }
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('reads every module version with its place, and the toolchain of the go.work, not the go.mod', async () => {
    const found = await discoverGoSums({
      goSum: parseGoSumInput(''),
      workingDirectory: join(root, 'a'),
      env: {}
    })
    const build = await readBuild(found, { goos: 'linux', goarch: 'arm64' })
    expect(build).toEqual({
      modules: [
        {
          path: 'rsc.io/quote',
          version: 'v1.5.2',
          modHash: H,
          modAt: { file: join(root, 'a/go.sum'), line: 1 }
        },
        {
          path: 'golang.org/x/text',
          version: 'v0.3.0',
          zipHash: H,
          zipAt: { file: join(root, 'go.work.sum'), line: 1 },
          // In a workspace, `go mod download` fetches the zip of every module of the build list.
          zipFetched: 'when-selected'
        }
      ],
      modGraphs: [
        {
          unpruned: false,
          roots: [],
          replacements: new Map(),
          excluded: new Set(),
          workspace: [{ path: 'example.com/a', requires: [], unpruned: false }]
        }
      ],
      toolchains: [
        {
          name: 'go1.25.3',
          version: '1.25.3',
          from: 'toolchain',
          file: join(root, 'go.work'),
          module: { path: 'golang.org/toolchain', version: 'v0.0.1-go1.25.3.linux-arm64' }
        }
      ],
      toolchainUnasked: false,
      queried: [],
      withResolved: expect.any(Function)
    })
  })

  it('names the toolchain but no module where Go has no port for this machine', async () => {
    const found = {
      goSumFiles: [],
      toolchainFiles: [join(root, 'a/go.mod'), join(root, 'a/go.mod')],
      found: true
    }
    expect((await readBuild(found, undefined)).toolchains).toEqual([
      { name: 'go1.99.0', version: '1.99.0', from: 'go', file: join(root, 'a/go.mod') }
    ])
  })

  it('is an InputError naming go-sum and the file for a toolchain line the go command refuses', async () => {
    const found = { goSumFiles: [], toolchainFiles: [join(root, 'bad/go.mod')], found: true }
    await expect(readBuild(found, undefined)).rejects.toThrow(
      `Invalid input 'go-sum': ${JSON.stringify(join(root, 'bad/go.mod'))} sets an invalid toolchain "1.22", so the go command refuses to run there`
    )
  })
})
