import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { GoEnvError } from '../../src/gostd/errors.js'
import {
  entryText,
  formatProxyList,
  parseProxyList,
  type ProxyEntry
} from '../../src/goenv/proxylist.js'
import { expectGoEnvError } from './throws.js'

// Each row: GOPROXY value → [entry text, fallBackOnError] as the go command's proxyList builds them.
const lists: [string, [string, boolean][]][] = [
  [
    'https://proxy.golang.org,direct',
    [
      ['https://proxy.golang.org', false],
      ['direct', false]
    ]
  ],
  [
    'A.example,B.example|C.example',
    [
      ['https://A.example', false],
      ['https://B.example', true],
      ['https://C.example', false]
    ]
  ],
  // direct and off end the list; Go never marks them fallBackOnError.
  [
    'https://a.example|direct|https://b.example',
    [
      ['https://a.example', true],
      ['direct', false]
    ]
  ],
  ['off,https://a.example', [['off', false]]],
  ['direct|', [['direct', false]]],
  // Entries are trimmed and empty ones skipped.
  [
    '  https://a.example ,  ,direct',
    [
      ['https://a.example', false],
      ['direct', false]
    ]
  ],
  [',,https://a.example', [['https://a.example', false]]],
  ['\thttps://a.example\u00a0', [['https://a.example', false]]],
  // Bare hosts (with '.', ':' or '/', and no ':/') get https://.
  ['a.example', [['https://a.example', false]]],
  ['a.example:8080', [['https://a.example:8080', false]]],
  ['localhost:3000/goproxy', [['https://localhost:3000/goproxy', false]]],
  // The scheme is matched without case; the text is kept as written.
  ['HTTP://x.example', [['HTTP://x.example', false]]],
  [
    'https://u:secret@h.example|direct',
    [
      ['https://u:secret@h.example', true],
      ['direct', false]
    ]
  ],
  // The separator after the last entry is kept, though Go never uses it.
  ['https://a.example|', [['https://a.example', true]]],
  ['file:///tmp/x', [['file:///tmp/x', false]]],
  ['file://', [['file://', false]]]
]

const textsOf = (entries: ProxyEntry[]): [string, boolean][] =>
  entries.map(e => [entryText(e), e.fallBackOnError])

// Go's own messages (with passwords masked where Go prints them).
const errors: [string, string][] = [
  [',', 'GOPROXY list is not the empty string, but contains no entries'],
  [' ', 'GOPROXY list is not the empty string, but contains no entries'],
  [', |', 'GOPROXY list is not the empty string, but contains no entries'],
  // Single words are reserved for Go's built-in entries; unknown ones are URLs without a scheme.
  ['foo', 'invalid proxy URL missing scheme: foo'],
  ['noproxy', 'invalid proxy URL missing scheme: noproxy'],
  ['foo,direct', 'invalid proxy URL missing scheme: foo'],
  ['https://a.example,foo', 'invalid proxy URL missing scheme: foo'],
  ['/abs/path', 'invalid proxy URL missing scheme: /abs/path'],
  ['ftp://x.example', 'invalid proxy URL scheme (must be https, http, file): ftp://x.example'],
  [
    'ftp://u:secret@x.example',
    'invalid proxy URL scheme (must be https, http, file): ftp://u:xxxxx@x.example'
  ],
  ['file:/tmp/x', 'invalid file:// proxy URL with non-path elements: file:/tmp/x'],
  ['file:///tmp/x?', 'invalid file:// proxy URL with non-path elements: file:///tmp/x?'],
  ['file:///tmp/x?q', 'invalid file:// proxy URL with non-path elements: file:///tmp/x?q'],
  ['file:///tmp/x#f', 'invalid file:// proxy URL with non-path elements: file:///tmp/x#f'],
  [
    'file://localhost/tmp/x',
    'invalid file:// proxy URL with non-path elements: file://localhost/tmp/x'
  ],
  ['file://u@/tmp/x', 'invalid file:// proxy URL with non-path elements: file://u@/tmp/x'],
  ['file:rel', 'parse "https://file:rel": invalid port ":rel" after host'],
  ['C:\\proxy', 'parse "https://C:\\\\proxy": invalid port ":\\\\proxy" after host'],
  ['https://exa mple.com', 'parse "https://exa mple.com": invalid character " " in host name'],
  ['https://h.example/%zz', 'parse "https://h.example/%zz": invalid URL escape "%zz"'],
  [':/x', 'parse ":/x": missing protocol scheme'],
  ['https://[::1', 'parse "https://[::1": missing \']\' in host'],
  // Go prints the password here; we do not.
  [
    'http://u:secret@host:abc/x',
    'parse "http://u:xxxxx@host:abc/x": invalid port ":abc" after host'
  ]
]

describe('parseProxyList', () => {
  it.each(lists)('reads %j as Go does', (value, expected) => {
    expect(textsOf(parseProxyList(value))).toEqual(expected)
  })

  it.each(errors)("rejects %j with Go's message", (value, message) => {
    expectGoEnvError(() => parseProxyList(value), message)
  })

  it('refuses the empty string, which Go reads as its default', () => {
    expect(() => parseProxyList('')).toThrow(GoEnvError)
    expect(() => parseProxyList('')).toThrow(/empty GOPROXY as its default/)
  })

  it('gives the kinds and the directory of a file proxy', () => {
    expect(parseProxyList('https://a.example|file:///srv/goproxy/,off')).toEqual([
      { kind: 'proxy', url: 'https://a.example', fallBackOnError: true },
      { kind: 'file', url: 'file:///srv/goproxy/', path: '/srv/goproxy', fallBackOnError: false },
      { kind: 'off', fallBackOnError: false }
    ])
    // The decoded path: %2f is a slash in the directory Go reads.
    expect(parseProxyList('file:///tmp/a%2fb')).toMatchObject([{ path: '/tmp/a/b' }])
    // "file://" names the root: Go appends "/<module>/@v/..." to an empty path.
    expect(parseProxyList('file://')).toMatchObject([{ kind: 'file', path: '/' }])
  })

  it('reads the scheme in any case, as url.Parse lowercases it', () => {
    expect(parseProxyList('FILE:///srv/a|File:///srv/b,HTTPS://c.example')).toEqual([
      { kind: 'file', url: 'FILE:///srv/a', path: '/srv/a', fallBackOnError: true },
      { kind: 'file', url: 'File:///srv/b', path: '/srv/b', fallBackOnError: false },
      { kind: 'proxy', url: 'HTTPS://c.example', fallBackOnError: false }
    ])
    expectGoEnvError(
      () => parseProxyList('FILE://localhost/srv'),
      'invalid file:// proxy URL with non-path elements: file://localhost/srv'
    )
  })

  it('follows Windows path rules when told the platform', () => {
    const windows = { platform: 'win32' as const }
    expect(parseProxyList('file:///C:/goproxy', windows)).toMatchObject([
      { kind: 'file', path: 'C:\\goproxy' }
    ])
    expect(parseProxyList('file:///C:', windows)).toMatchObject([{ path: 'C:\\' }])
    expectGoEnvError(
      () => parseProxyList('file:///tmp/x', windows),
      'file URL missing drive letter: /tmp/x'
    )
    // An absolute Windows path is not a bare host there, so it gets no https:// and its drive
    // letter reads as a scheme.
    expectGoEnvError(
      () => parseProxyList('C:\\proxy', windows),
      'invalid proxy URL scheme (must be https, http, file): c:\\proxy'
    )
  })
})

describe('formatProxyList', () => {
  it.each([
    'A.example,B.example|C.example',
    'https://a.example|https://b.example,direct',
    'https://a.example,off',
    'file:///srv/goproxy|https://proxy.golang.org,direct'
  ])('round-trips %j', value => {
    const entries = parseProxyList(value)
    expect(parseProxyList(formatProxyList(entries))).toEqual(entries)
  })

  it('writes the normalised entries and leaves out what Go ignores', () => {
    expect(formatProxyList(parseProxyList(' a.example ,, b.example|direct,ignored'))).toBe(
      'https://a.example,https://b.example|direct'
    )
    expect(formatProxyList(parseProxyList('https://a.example|'))).toBe('https://a.example')
  })

  it('refuses an empty list', () => {
    expect(() => formatProxyList([])).toThrow(GoEnvError)
  })
})

describe('parseProxyList properties', () => {
  const token = fc.constantFrom(
    'direct',
    'off',
    'foo',
    'a.example',
    'https://b.example/p',
    'http://u:p@c.example:8080',
    'file:///tmp/x',
    'ftp://d.example',
    ' ',
    '',
    '%',
    'https://[::1]:1'
  )
  const list = fc.array(fc.tuple(token, fc.constantFrom(',', '|')), { minLength: 1, maxLength: 6 })

  it('returns entries or throws GoEnvError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), value => {
        try {
          const entries = parseProxyList(value)
          expect(entries.length).toBeGreaterThan(0)
        } catch (err) {
          expect(err).toBeInstanceOf(GoEnvError)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('formats to a value Go reads the same way (the last separator aside)', () => {
    fc.assert(
      fc.property(list, parts => {
        const value = parts.map(([text, sep]) => text + sep).join('')
        let entries: ProxyEntry[]
        try {
          entries = parseProxyList(value)
        } catch {
          return
        }
        const again = parseProxyList(formatProxyList(entries))
        const last = entries.length - 1
        expect(again.slice(0, last)).toEqual(entries.slice(0, last))
        expect(entryText(again[last])).toBe(entryText(entries[last]))
      }),
      { numRuns: 300 }
    )
  })
})
