/**
 * Which zips a build fetches, as `go mod download` without arguments picks them
 * (cmd/go/internal/modcmd/download.go): the modules a go.mod at go 1.17 or later requires, as
 * replaced; every one before 1.17. The go command agrees in __tests__/walk/build-walk.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readBuild } from '../../src/build/read.js'
import { statements } from '../../src/build/modfile.js'
import { modGraphOf, summarizeGoMod, zipsFetched } from '../../src/build/requires.js'
import type { ZipFetched } from '../../src/build/gosum.js'

const H = `h1:${'A'.repeat(43)}=`

describe('statements', () => {
  it('reads single lines and blocks, each block line with the verb of its block', () => {
    const text = [
      'module example.com/app // the app',
      '',
      'go 1.22',
      'require example.com/one v1.0.0',
      'require (',
      '\texample.com/two v0.2.0 // indirect',
      '\t// example.com/commented v1.0.0',
      '\t"example.com/quoted" v3.0.0',
      '\t`example.com/raw` v4.0.0',
      ')',
      'replace example.com/one => ../one'
    ].join('\n')
    expect(statements(text, 'go.mod')).toEqual([
      { verb: 'module', args: ['example.com/app'], line: 1 },
      { verb: 'go', args: ['1.22'], line: 3 },
      { verb: 'require', args: ['example.com/one', 'v1.0.0'], line: 4 },
      { verb: 'require', args: ['example.com/two', 'v0.2.0'], line: 6 },
      { verb: 'require', args: ['example.com/quoted', 'v3.0.0'], line: 8 },
      { verb: 'require', args: ['example.com/raw', 'v4.0.0'], line: 9 },
      { verb: 'replace', args: ['example.com/one', '=>', '../one'], line: 11 }
    ])
  })

  it('names the file and line of a string that does not end on its line', () => {
    expect(() => statements('go 1.22\nrequire "a v1.0.0\n', 'go.mod')).toThrow(
      'go.mod:2: cannot read the string "a v1.0.0'
    )
  })

  it("stops where modfile's lexer stops: /* comments and characters it cannot print", () => {
    expect(() => statements('module m\n/* old */\n', 'go.mod')).toThrow(
      'go.mod:2: mod files must use // comments (not /* */ comments)'
    )
    for (const bad of ['\u0000', '\f', '\u00a0', '\u200b'])
      expect(() => statements(`module m\nrequire a${bad}b v1.0.0\n`, 'go.mod')).toThrow(
        `go.mod:2: unexpected input character ${JSON.stringify(bad)}`
      )
    // Inside comments and raw strings anything goes; CRLF line ends are fine.
    expect(statements('module m // \u0000 /* \f\r\nrequire `a\u0001` v1\r\n', 'go.mod')).toEqual([
      { verb: 'module', args: ['m'], line: 1 },
      { verb: 'require', args: ['a\u0001', 'v1'], line: 2 }
    ])
  })
})

describe('zipsFetched', () => {
  it('is every required module from go 1.17 on, indirect ones included', () => {
    const goMod = [
      'module example.com/app',
      'go 1.17',
      'require example.com/direct v1.0.0',
      'require (',
      '\texample.com/indirect v0.1.0 // indirect',
      ')'
    ].join('\n')
    expect(zipsFetched(goMod, 'go.mod')).toEqual({
      keys: new Set(['example.com/direct@v1.0.0', 'example.com/indirect@v0.1.0']),
      paths: new Set(['example.com/direct', 'example.com/indirect'])
    })
  })

  it('follows replace lines: a module version for one version or all, nothing for a directory', () => {
    const goMod = [
      'module example.com/app',
      'go 1.23.0',
      'require (',
      '\texample.com/a v1.0.0',
      '\texample.com/b v1.0.0',
      '\texample.com/c v1.0.0',
      '\texample.com/d v1.0.0',
      ')',
      'replace example.com/a v1.0.0 => example.com/fork-a v1.0.1',
      'replace example.com/b v0.9.0 => example.com/fork-b v0.9.1 // another version: not b v1.0.0',
      'replace (',
      '\texample.com/c => example.com/fork-c v2.0.0',
      '\texample.com/d => ../d',
      ')'
    ].join('\n')
    // a's replacement names one version: if Go selects another, it fetches a itself.
    expect(zipsFetched(goMod, 'go.mod')).toEqual({
      keys: new Set([
        'example.com/fork-a@v1.0.1',
        'example.com/b@v1.0.0',
        'example.com/fork-c@v2.0.0'
      ]),
      paths: new Set(['example.com/fork-a', 'example.com/a', 'example.com/b', 'example.com/fork-c'])
    })
  })

  it('is undefined (every module of the build list) before go 1.17, or without a go line', () => {
    const requires = 'require example.com/a v1.0.0\n'
    expect(zipsFetched(`module m\ngo 1.16\n${requires}`, 'go.mod')).toBeUndefined()
    expect(zipsFetched(`module m\n${requires}`, 'go.mod')).toBeUndefined()
    expect(zipsFetched(`module m\ngo 1.9x\n${requires}`, 'go.mod')).toBeUndefined()
  })
})

describe('modGraphOf', () => {
  it('is the roots go.mod requires and the replacements, from go 1.17 on', () => {
    const goMod = [
      'module example.com/app',
      'go 1.21',
      'require (',
      '\texample.com/a v1.0.0',
      '\texample.com/b v1.2.0 // indirect',
      ')',
      'replace example.com/a v1.0.0 => example.com/fork-a v1.0.1'
    ].join('\n')
    expect(modGraphOf(goMod, 'go.mod')).toEqual({
      main: 'example.com/app',
      unpruned: false,
      roots: [
        { path: 'example.com/a', version: 'v1.0.0' },
        { path: 'example.com/b', version: 'v1.2.0' }
      ],
      replacements: new Map([
        ['example.com/a@v1.0.0', { path: 'example.com/fork-a', version: 'v1.0.1' }]
      ]),
      excluded: new Set()
    })
  })

  it("reads a replacement directory's go.mod from what is on disk, if it is there", () => {
    const head = 'module m\ngo 1.21\nrequire example.com/a v1.0.0\n'
    const text = `${head}replace example.com/a => ../a\nreplace example.com/b => ./gone\n`
    const onDisk = new Map([
      ['../a', 'module example.com/a\ngo 1.16\nrequire example.com/c v1.0.0\n']
    ])
    expect(modGraphOf(text, 'go.mod', onDisk)?.replacements).toEqual(
      new Map([
        [
          'example.com/a',
          { directory: '../a', goMod: { pruned: false, requires: ['example.com/c@v1.0.0'] } }
        ],
        // Nothing requires b: Go never reads ./gone, and the walk only gives up if it must.
        ['example.com/b', { directory: './gone' }]
      ])
    )
  })

  it('is undefined where the served files cannot tell the graph', () => {
    const head = 'module m\ngo 1.21\nrequire example.com/a v1.0.0\n'
    // go.mod requiring a version it excludes: the go command refuses it.
    expect(modGraphOf(`${head}exclude example.com/a v1.0.0\n`, 'go.mod')).toBeUndefined()
  })

  it('is unpruned before go 1.17 and without a go line', () => {
    const requires = 'require example.com/a v1.0.0\n'
    expect(modGraphOf(`module m\ngo 1.16\n${requires}`, 'go.mod')?.unpruned).toBe(true)
    expect(modGraphOf(`module m\n${requires}`, 'go.mod')?.unpruned).toBe(true)
    expect(modGraphOf(`module m\ngo 1.17\n${requires}`, 'go.mod')?.unpruned).toBe(false)
  })

  it('makes replace versions canonical, as it does require versions', () => {
    const text =
      'module m\ngo 1.22\nrequire ex.com/a v1.2.0\nreplace ex.com/a v1.2 => ex.com/b v1.0\n'
    expect(modGraphOf(text, 'go.mod')?.replacements).toEqual(
      new Map([['ex.com/a@v1.2.0', { path: 'ex.com/b', version: 'v1.0.0' }]])
    )
  })

  it('keeps the versions go.mod excludes, as canonical versions', () => {
    const head = 'module m\ngo 1.21\nrequire example.com/a v1.0.0\n'
    const text = `${head}exclude example.com/b v1.0\nexclude (\n\texample.com/c v2.0.0+incompatible\n)\n`
    expect(modGraphOf(text, 'go.mod')?.excluded).toEqual(
      new Set(['example.com/b@v1.0.0', 'example.com/c@v2.0.0+incompatible'])
    )
  })
})

describe('summarizeGoMod', () => {
  it('says whether a go.mod prunes and what it requires', () => {
    const text = 'module example.com/a\n\ngo 1.16\n\nrequire (\n\texample.com/b v1.0.0\n)\n'
    expect(summarizeGoMod(text)).toEqual({ pruned: false, requires: ['example.com/b@v1.0.0'] })
    expect(summarizeGoMod('module example.com/a\ngo 1.17\n')).toEqual({
      pruned: true,
      requires: []
    })
    expect(summarizeGoMod('module example.com/a\n')).toEqual({ pruned: false, requires: [] })
    expect(summarizeGoMod('module "example.com/a\n')).toBeUndefined()
  })

  it('makes versions canonical as modfile does, and is undefined for one that is not a version', () => {
    const requires = ['a v1.2', 'b v2.0.0+incompatible', 'c v1.0.0+meta'].map(r => `require ${r}\n`)
    expect(summarizeGoMod(`module m\ngo 1.16\n${requires.join('')}`)?.requires).toEqual([
      'a@v1.2.0',
      'b@v2.0.0+incompatible',
      'c@v1.0.0'
    ])
    expect(summarizeGoMod('module m\ngo 1.16\nrequire a latest\n')).toBeUndefined()
  })
})

describe('readBuild, zips the build fetches', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zips-fetched-'))
    const sums = [`example.com/a v1.0.0 ${H}`, `example.com/tidy-only v1.0.0 ${H}`].join('\n')
    const files: Record<string, string> = {
      'new/go.mod': 'module example.com/new\ngo 1.21\nrequire example.com/a v1.0.0\n',
      'new/go.sum': sums,
      'old/go.mod': 'module example.com/old\ngo 1.16\nrequire example.com/a v1.0.0\n',
      'old/go.sum': sums,
      'bare/go.sum': sums,
      'bad/go.mod': 'module example.com/bad\ngo 1.21\nrequire "example.com/a v1.0.0\n',
      'bad/go.sum': sums
    }
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(root, name, '..'), { recursive: true })
      await writeFile(join(root, name), text)
    }
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  async function fetched(dir: string): Promise<Record<string, ZipFetched | undefined>> {
    const found = { goSumFiles: [join(root, dir, 'go.sum')], toolchainFiles: [], found: true }
    const { modules } = await readBuild(found, undefined)
    return Object.fromEntries(modules.map(m => [m.path, m.zipFetched]))
  }

  it('are the required ones beside a go.mod at go 1.17 or later', async () => {
    expect(await fetched('new')).toEqual({ 'example.com/a': true, 'example.com/tidy-only': false })
  })

  it('are those of the build list before go 1.17, all of them with no go.mod beside', async () => {
    const whenSelected = {
      'example.com/a': 'when-selected',
      'example.com/tidy-only': 'when-selected'
    }
    expect(await fetched('old')).toEqual(whenSelected)
    expect(await fetched('bare')).toEqual({ 'example.com/a': true, 'example.com/tidy-only': true })
  })

  it('is a go.sum a zip line fetched in any of, when several list it', async () => {
    const found = {
      goSumFiles: [join(root, 'new/go.sum'), join(root, 'old/go.sum')],
      toolchainFiles: [],
      found: true
    }
    const { modules } = await readBuild(found, undefined)
    expect(modules.map(m => m.zipFetched)).toEqual([true, 'when-selected'])
  })

  it('are all of them beside a go.mod this reader cannot read (Go may unquote more)', async () => {
    expect(await fetched('bad')).toEqual({ 'example.com/a': true, 'example.com/tidy-only': true })
  })

  it('are all of them in a workspace, where go mod download fetches the whole build list', async () => {
    const found = {
      goSumFiles: [join(root, 'new/go.sum')],
      toolchainFiles: [],
      workspace: join(root, 'go.work'),
      found: true
    }
    const { modules, modGraphs } = await readBuild(found, undefined)
    expect(modules.map(m => m.zipFetched)).toEqual([true, true])
    expect(modGraphs).toBeUndefined()
  })
})
