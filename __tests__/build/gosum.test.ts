/**
 * go.sum files read as the go command reads them (modfetch readGoSum): entries with their file and
 * line, blank lines skipped, a wrong number of fields an error, hashes of other algorithms ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectModules, parseGoSum, readGoSumFiles } from '../../src/build/gosum.js'
import { InputError } from '../../src/config/errors.js'

// Real h1: hashes have 43 base64 characters and one '='.
const hash = (c: string) => `h1:${c.repeat(43)}=`
const A = hash('A')
const B = hash('B')
const C = hash('C')

function errorOf(run: () => unknown): string {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
  throw new Error('did not throw')
}

describe('parseGoSum', () => {
  it('gives each h1: line its module version, kind, hash, file and 1-based line', () => {
    const text = [
      `golang.org/x/text v0.3.0 ${A}`,
      '',
      `golang.org/x/text v0.3.0/go.mod ${B}`,
      `   rsc.io/quote  v1.5.2\t${C}  \r`
    ].join('\n')
    expect(parseGoSum(text, '/w/go.sum')).toEqual([
      {
        path: 'golang.org/x/text',
        version: 'v0.3.0',
        kind: 'zip',
        hash: A,
        file: '/w/go.sum',
        line: 1
      },
      {
        path: 'golang.org/x/text',
        version: 'v0.3.0',
        kind: 'mod',
        hash: B,
        file: '/w/go.sum',
        line: 3
      },
      { path: 'rsc.io/quote', version: 'v1.5.2', kind: 'zip', hash: C, file: '/w/go.sum', line: 4 }
    ])
  })

  it('reads the versions Go writes: +incompatible, gopkg.in, pseudo-versions, upper case', () => {
    const lines = [
      `github.com/docker/docker v20.10.7+incompatible ${A}`,
      `gopkg.in/yaml.v3 v3.0.1/go.mod ${A}`,
      `golang.org/x/sys v0.0.0-20220722155257-8c9f86f7a55f ${A}`,
      `github.com/Azure/go-autorest v14.2.0+incompatible/go.mod ${A}`
    ]
    expect(parseGoSum(lines.join('\n'), 'go.sum').map(e => `${e.path}@${e.version}`)).toEqual([
      'github.com/docker/docker@v20.10.7+incompatible',
      'gopkg.in/yaml.v3@v3.0.1',
      'golang.org/x/sys@v0.0.0-20220722155257-8c9f86f7a55f',
      'github.com/Azure/go-autorest@v14.2.0+incompatible'
    ])
  })

  it('ignores hashes of algorithms other than h1: (a later Go may write them), as Go does', () => {
    const text = `example.com/m v1.0.0 h2:whatever\nexample.com/m v1.0.0 ${A}\n`
    expect(parseGoSum(text, 'go.sum')).toEqual([
      expect.objectContaining({ path: 'example.com/m', kind: 'zip', hash: A, line: 2 })
    ])
  })

  it('drops the empty-go.mod hash an old Go bug wrote, as Go does', () => {
    const empty = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY='
    expect(parseGoSum(`example.com/m v1.0.0/go.mod ${empty}\n`, 'go.sum')).toEqual([])
  })

  it('is an InputError naming go-sum, the file and the line on a wrong number of fields', () => {
    const text = `example.com/m v1.0.0 ${A}\nexample.com/m v1.0.0\n`
    expect(errorOf(() => parseGoSum(text, '/w/go.sum'))).toBe(
      `Invalid input 'go-sum': "/w/go.sum" line 2 is malformed: wrong number of fields 2`
    )
    expect(errorOf(() => parseGoSum(`a b c d`, 'x.sum'))).toMatch(/line 1 .*fields 4/)
  })

  it('refuses what no proxy could match: invalid versions and h1: hashes that are not SHA-256', () => {
    expect(errorOf(() => parseGoSum(`example.com/m v1.0 ${A}`, 'go.sum'))).toBe(
      `Invalid input 'go-sum': "go.sum" line 1 is malformed: example.com/m@v1.0: invalid version: not canonical (canonical form: v1.0.0)`
    )
    expect(errorOf(() => parseGoSum(`example.com/m/v2 v1.0.0/go.mod ${A}`, 'go.sum'))).toMatch(
      /line 1 is malformed: example.com\/m\/v2@v1.0.0: invalid version: should be v2, not v1/
    )
    expect(errorOf(() => parseGoSum(`nodot/m v1.0.0 ${A}`, 'go.sum'))).toMatch(
      /missing dot in first path element/
    )
    expect(errorOf(() => parseGoSum(`example.com/m v1.0.0 h1:short=`, 'go.sum'))).toMatch(
      /line 1 is malformed: h1:short= is not an h1: hash/
    )
  })
})

describe('collectModules', () => {
  const entry = (
    version: string,
    kind: 'mod' | 'zip',
    hash: string,
    file: string,
    line: number
  ) => ({
    path: 'example.com/m',
    version,
    kind,
    hash,
    file,
    line
  })

  it('joins the go.mod and zip lines of a version, keeping the place of each', () => {
    const modules = collectModules([
      entry('v1.0.0', 'zip', A, 'a/go.sum', 1),
      entry('v1.0.0', 'mod', B, 'b/go.sum', 7),
      entry('v0.9.0', 'mod', C, 'a/go.sum', 2)
    ])
    expect(modules).toEqual([
      {
        path: 'example.com/m',
        version: 'v1.0.0',
        zipHash: A,
        zipAt: { file: 'a/go.sum', line: 1 },
        zipFetched: true,
        modHash: B,
        modAt: { file: 'b/go.sum', line: 7 }
      },
      { path: 'example.com/m', version: 'v0.9.0', modHash: C, modAt: { file: 'a/go.sum', line: 2 } }
    ])
  })

  it('keeps the first place of a hash listed in several files', () => {
    const modules = collectModules([
      entry('v1.0.0', 'mod', A, 'a/go.sum', 3),
      entry('v1.0.0', 'mod', A, 'b/go.sum', 9)
    ])
    expect(modules).toEqual([
      { path: 'example.com/m', version: 'v1.0.0', modHash: A, modAt: { file: 'a/go.sum', line: 3 } }
    ])
  })

  it('is an InputError naming both places when two lines disagree about the same file', () => {
    const run = () =>
      collectModules([
        entry('v1.0.0', 'mod', A, 'a/go.sum', 3),
        entry('v1.0.0', 'mod', B, 'b/go.sum', 9)
      ])
    expect(errorOf(run)).toBe(
      `Invalid input 'go-sum': "b/go.sum" line 9 says ${B} for example.com/m@v1.0.0/go.mod, but a/go.sum:3 says ${A}: one of them is wrong`
    )
  })
})

describe('readGoSumFiles', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gosum-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('reads the files in order into module versions', async () => {
    await writeFile(join(dir, 'a.sum'), `example.com/a v1.0.0 ${A}\n`)
    await writeFile(
      join(dir, 'b.sum'),
      `example.com/b v1.0.0/go.mod ${B}\nexample.com/a v1.0.0 ${A}\n`
    )
    const modules = await readGoSumFiles([join(dir, 'a.sum'), join(dir, 'b.sum')])
    expect(modules.map(m => [m.path, m.zipAt ?? m.modAt])).toEqual([
      ['example.com/a', { file: join(dir, 'a.sum'), line: 1 }],
      ['example.com/b', { file: join(dir, 'b.sum'), line: 1 }]
    ])
  })

  it('is an InputError naming go-sum and the file when it cannot be read', async () => {
    const missing = join(dir, 'missing.sum')
    await expect(readGoSumFiles([missing])).rejects.toThrow(
      `Invalid input 'go-sum': ${JSON.stringify(missing)} cannot be read (ENOENT)`
    )
  })
})
