import { describe, expect, it } from '@jest/globals'
import { Hash1Builder, hash1, sha256Hex } from '../../src/xmod/sumdb/dirhash.js'
import { quote, quoteRune } from '../../src/gostd/strings.js'
import { checkFilePath, foldKey, isCleanPath } from '../../src/xmod/zipnames.js'
import { PREFIX, check, file } from './modzip-fixture.js'
import { rawZip } from './rawzip.js'

// Each row: a path, whether Go's path.Clean leaves it unchanged, and module.CheckFilePath's error,
// as a Go program printed them with the x/mod vendored in Go 1.26.
const GO_FILE_PATHS: [string, boolean, string | null][] = [
  ['', false, 'malformed file path "": empty string'],
  ['.', true, 'malformed file path ".": invalid path element "."'],
  ['..', true, 'malformed file path "..": invalid path element ".."'],
  ['/', true, 'malformed file path "/": trailing slash'],
  ['//', false, 'malformed file path "//": double slash'],
  ['a', true, null],
  ['a/', false, 'malformed file path "a/": trailing slash'],
  ['/a', true, 'malformed file path "/a": empty path element'],
  ['./a', false, 'malformed file path "./a": invalid path element "."'],
  ['../a', true, 'malformed file path "../a": invalid path element ".."'],
  ['../../a', true, 'malformed file path "../../a": invalid path element ".."'],
  ['a/..', false, 'malformed file path "a/..": invalid path element ".."'],
  ['a/../b', false, 'malformed file path "a/../b": invalid path element ".."'],
  ['../.', false, 'malformed file path "../.": invalid path element ".."'],
  ['/..', false, 'malformed file path "/..": empty path element'],
  ['/../a', false, 'malformed file path "/../a": empty path element'],
  ['a//b', false, 'malformed file path "a//b": double slash'],
  ['a/./b', false, 'malformed file path "a/./b": invalid path element "."'],
  ['...', true, 'malformed file path "...": invalid path element "..."'],
  ['a/.../b', true, 'malformed file path "a/.../b": invalid path element "..."'],
  ['.a', true, null],
  ['a.', true, 'malformed file path "a.": trailing dot in path element'],
  ['AUX', true, 'malformed file path "AUX": "AUX" disallowed as path element component on Windows'],
  [
    'aux.txt',
    true,
    'malformed file path "aux.txt": "aux" disallowed as path element component on Windows'
  ],
  ['aux1', true, null],
  ['com0', true, null],
  [
    'COM9.x',
    true,
    'malformed file path "COM9.x": "COM9" disallowed as path element component on Windows'
  ],
  [
    'lpt1',
    true,
    'malformed file path "lpt1": "lpt1" disallowed as path element component on Windows'
  ],
  [
    'con.tar.gz',
    true,
    'malformed file path "con.tar.gz": "con" disallowed as path element component on Windows'
  ],
  ['x y', true, null],
  ['a~1', true, null],
  ['é', true, null],
  ['a;b', true, 'malformed file path "a;b": invalid char \';\''],
  ['a\\b', true, 'malformed file path "a\\\\b": invalid char \'\\\\\''],
  ['a"b', true, 'malformed file path "a\\"b": invalid char \'"\''],
  ['a\u0001b', true, 'malformed file path "a\\x01b": invalid char \'\\x01\''],
  ['a€b', true, 'malformed file path "a€b": invalid char \'€\''],
  ['-a', true, null],
  ['a@b', true, null],
  ['𝒳', true, null]
]

describe('the file path rules', () => {
  it.each(GO_FILE_PATHS)('%j: clean %j, CheckFilePath %j', (path, clean, error) => {
    expect(isCleanPath(path)).toBe(clean)
    expect(checkFilePath(path) ?? null).toBe(error)
  })

  it('quotes like Go: printable characters as they are, others escaped', () => {
    expect(quote('a"b\\c\n\u0001\u00e9\u200b\u{1F600}\u{E0001}')).toBe(
      '"a\\"b\\\\c\\n\\x01\u00e9\\u200b\u{1F600}\\U000e0001"'
    )
    expect(quoteRune("'")).toBe("'\\''")
  })
})

describe('foldKey', () => {
  it.each([
    ['README.md', 'readme.md'],
    ['\u212a', 'k'],
    ['\u017f', 'S'],
    ['\u00b5', '\u039c'],
    ['\u1e9e', '\u00df'],
    ['\u03c2', '\u03a3']
  ])('folds %j and %j together, as strings.EqualFold', (a, b) => {
    expect(foldKey(a)).toBe(foldKey(b))
  })

  it.each([
    ['\u0131', 'i'],
    ['\u0130', 'i'],
    ['\u00df', 'ss']
  ])('keeps %j and %j apart, as strings.EqualFold', (a, b) => {
    expect(foldKey(a)).not.toBe(foldKey(b))
  })
})

describe('checkModuleZip on bad names', () => {
  it('reports a file outside the module prefix, still hashing it', async () => {
    const stray = { name: 'other.com/x@v1.0.0/a.go', data: Buffer.from('x') }
    const result = await check(rawZip([file('a.go'), stray]))
    expect(result.problems).toEqual([
      {
        code: 'bad-prefix',
        file: stray.name,
        message: `${stray.name}: path does not have prefix "${PREFIX}"`
      }
    ])
    expect(result.ok).toBe(false)
    expect(result.h1).toBe(hash1([file('a.go'), stray]))
  })

  it.each([
    ['../evil.go', 'malformed file path "../evil.go": invalid path element ".."'],
    ['a/../../evil.go', 'file path is not clean'],
    ['./a.go', 'file path is not clean'],
    ['a\\b.go', 'malformed file path "a\\\\b.go": invalid char \'\\\\\''],
    ['a:b.go', 'malformed file path "a:b.go": invalid char \':\''],
    ['dir./a.go', 'malformed file path "dir./a.go": trailing dot in path element'],
    [
      'aux.go',
      'malformed file path "aux.go": "aux" disallowed as path element component on Windows'
    ],
    ['Com1', 'malformed file path "Com1": "Com1" disallowed as path element component on Windows'],
    ['/etc/passwd', 'malformed file path "/etc/passwd": empty path element']
  ])('refuses the unsafe path %j', async (rel, message) => {
    const result = await check(rawZip([file(rel)]))
    expect(result.problems).toEqual([
      { code: 'unsafe-path', file: PREFIX + rel, message: `${PREFIX}${rel}: ${message}` }
    ])
  })

  it('refuses a name that is not UTF-8, hashing its raw bytes', async () => {
    const name = Buffer.concat([Buffer.from(PREFIX), Buffer.from([0xff]), Buffer.from('.go')])
    const result = await check(rawZip([{ name, data: Buffer.from('x') }]))
    expect(result.problems).toEqual([
      {
        code: 'unsafe-path',
        file: `${PREFIX}\ufffd.go`,
        message: `${PREFIX}\ufffd.go: malformed file path "\ufffd.go": invalid UTF-8`
      }
    ])
    const expected = new Hash1Builder()
    expected.add(name, sha256Hex(Buffer.from('x')))
    expect(result.h1).toBe(expected.digest())
  })

  it('has no h1 for a name with a newline, which Go cannot hash', async () => {
    const result = await check(rawZip([file('a\nb.go')]))
    expect(result.problems.map(p => p.message)).toEqual([
      `${PREFIX}a\nb.go: malformed file path "a\\nb.go": invalid char '\\n'`
    ])
    expect(result.h1).toBeUndefined()
  })

  it.each([
    [['README', 'readme'], 'case-insensitive file name collision: "README" and "readme"'],
    [['k.go', '\u212a.go'], 'case-insensitive file name collision: "k.go" and "\u212a.go"'],
    [['Dir/a.go', 'dir/b.go'], 'case-insensitive file name collision: "Dir" and "dir"']
  ])('refuses names %j equal under case folding', async (names, message) => {
    const result = await check(rawZip(names.map(n => file(n))))
    expect(result.problems).toEqual([
      {
        code: 'case-collision',
        file: PREFIX + names[1],
        message: `${PREFIX}${names[1]}: ${message}`
      }
    ])
  })

  it('refuses a repeated name, hashing both lines with the last content as Go does', async () => {
    const result = await check(rawZip([file('a.go', 'first'), file('a.go', 'second')]))
    expect(result.problems).toEqual([
      {
        code: 'duplicate',
        file: `${PREFIX}a.go`,
        message: `${PREFIX}a.go: multiple entries for file "a.go"`
      }
    ])
    const expected = new Hash1Builder()
    expected.add(`${PREFIX}a.go`, sha256Hex(Buffer.from('second')))
    expected.add(`${PREFIX}a.go`, sha256Hex(Buffer.from('second')))
    expect(result.h1).toBe(expected.digest())
  })

  it('refuses a name used both as a file and as a directory', async () => {
    const result = await check(rawZip([file('a'), file('a/b.go')]))
    expect(result.problems.map(p => [p.code, p.message])).toEqual([
      ['duplicate', `${PREFIX}a/b.go: entry "a" is both a file and a directory`]
    ])
  })

  it.each([
    ['sub/go.mod', 'gomod-not-at-root', 'go.mod file not in module root directory'],
    ['sub/GO.MOD', 'gomod-not-at-root', 'go.mod file not in module root directory'],
    ['GO.MOD', 'gomod-case', 'go.mod files must have lowercase names']
  ])('refuses %s', async (rel, code, message) => {
    const result = await check(rawZip([file(rel)]))
    expect(result.problems).toEqual([
      { code, file: PREFIX + rel, message: `${PREFIX}${rel}: ${message}` }
    ])
  })

  it('reports GO.MOD beside go.mod as a collision first, in the order Go checks', async () => {
    const result = await check(rawZip([file('go.mod'), file('GO.MOD')]))
    expect(result.problems.map(p => p.code)).toEqual(['case-collision'])
  })
})
