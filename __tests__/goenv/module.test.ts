import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { GoEnvError } from '../../src/gostd/errors.js'
import {
  checkModulePath,
  checkVersion,
  escapePath,
  escapeVersion,
  splitPathVersion,
  unescapePath,
  unescapeVersion
} from '../../src/xmod/module.js'
import { expectGoEnvError } from './throws.js'

const goodPaths: [string, string][] = [
  ['github.com/Azure/azure-sdk-for-go', 'github.com/!azure/azure-sdk-for-go'],
  ['github.com/BurntSushi/toml', 'github.com/!burnt!sushi/toml'],
  ['rsc.io/quote', 'rsc.io/quote'],
  ['example.com/-x', 'example.com/-x'],
  ['example.com/x~y', 'example.com/x~y'],
  ['x.y/z~', 'x.y/z~'],
  ['example.com/x/v2', 'example.com/x/v2'],
  ['gopkg.in/yaml.v2', 'gopkg.in/yaml.v2'],
  ['gopkg.in/x.v0', 'gopkg.in/x.v0'],
  ['gopkg.in/check.v1-unstable', 'gopkg.in/check.v1-unstable']
]

// The reasons as x/mod's CheckPath words them.
const badPaths: [string, string][] = [
  ['!', "invalid char '!'"],
  ['example.com/!x', "invalid char '!'"],
  ['example.com/é', "invalid char 'é'"],
  ['example.com/a b', "invalid char ' '"],
  ['example.com/a+b', "invalid char '+'"],
  ['example.com//x', 'double slash'],
  ['example.com/x/', 'trailing slash'],
  ['', 'empty string'],
  ['/example.com', 'empty path element'],
  ['-example.com/x', 'leading dash'],
  ['example.com/.x', 'leading dot in path element'],
  ['example.com/x.', 'trailing dot in path element'],
  ['example.com/..', 'invalid path element ".."'],
  ['example.com/com1', '"com1" disallowed as path element component on Windows'],
  ['example.com/COM1.txt', '"COM1" disallowed as path element component on Windows'],
  ['example.com/lpt9/x', '"lpt9" disallowed as path element component on Windows'],
  ['example.com/nul.go', '"nul" disallowed as path element component on Windows'],
  ['example.com/x~1', 'trailing tilde and digits in path element'],
  ['localhost/x', 'missing dot in first path element'],
  ['Example.com/x', "invalid char 'E' in first path element"],
  ['example_x.com/y', "invalid char '_' in first path element"],
  ['ex~ample.com/x', "invalid char '~' in first path element"],
  ['example.com/x/v1', 'invalid version'],
  ['example.com/x/v0', 'invalid version'],
  ['example.com/x/v2.0', 'invalid version'],
  ['gopkg.in/yaml', 'invalid version'],
  ['gopkg.in/yaml.v01', 'invalid version'],
  ['example.com/\ud800', 'invalid UTF-8']
]

describe('checkModulePath and escapePath', () => {
  it.each(goodPaths)('accepts %j and escapes it as %j', (path, escaped) => {
    expect(() => checkModulePath(path)).not.toThrow()
    expect(escapePath(path)).toBe(escaped)
  })

  it.each(badPaths)('rejects %j: %s', (path, reason) => {
    // Go shows invalid UTF-8 (a lone surrogate here) as \ufffd in its quotes.
    const quoted = JSON.stringify(path).replace('\\ud800', '\\ufffd')
    expectGoEnvError(() => checkModulePath(path), `malformed module path ${quoted}: ${reason}`)
    expect(() => escapePath(path)).toThrow(GoEnvError)
  })
})

describe('splitPathVersion', () => {
  it.each([
    ['example.com/x', { prefix: 'example.com/x', pathMajor: '' }],
    ['example.com/x/v2', { prefix: 'example.com/x', pathMajor: '/v2' }],
    ['example.com/x/v1.0/v10', { prefix: 'example.com/x/v1.0', pathMajor: '/v10' }],
    ['gopkg.in/yaml.v2', { prefix: 'gopkg.in/yaml', pathMajor: '.v2' }],
    ['gopkg.in/check.v1-unstable', { prefix: 'gopkg.in/check', pathMajor: '.v1-unstable' }],
    ['example.com/x/v1', undefined],
    ['example.com/x/v02', undefined],
    ['gopkg.in/yaml', undefined]
  ])('splits %j', (path, expected) => {
    expect(splitPathVersion(path)).toEqual(expected)
  })
})

describe('checkVersion', () => {
  it.each([
    ['example.com/m', 'v1.0.0'],
    ['example.com/m', 'v0.0.0-20200101000000-abcdefabcdef'],
    ['example.com/m', 'v2.1.0+incompatible'],
    ['example.com/m', 'v2.0.0-rc.1+incompatible'],
    ['example.com/m/v2', 'v2.0.0'],
    ['gopkg.in/yaml.v2', 'v2.4.0'],
    // An old bug made v0.0.0 pseudo-versions for gopkg.in .v1 paths; Go accepts them.
    ['gopkg.in/check.v1', 'v0.0.0-20161208181325-20d25e280405'],
    ['gopkg.in/check.v1-unstable', 'v1.0.0']
  ])('accepts %s@%s', (path, version) => {
    expect(() => checkVersion(path, version)).not.toThrow()
  })

  it.each([
    ['example.com/m', '1.0.0', 'not a semantic version'],
    ['example.com/m', 'v1', 'not canonical (canonical form: v1.0.0)'],
    ['example.com/m', 'v1.0.0+meta', 'not canonical (canonical form: v1.0.0)'],
    ['example.com/m', 'v2.0.0', 'should be v0 or v1, not v2'],
    ['example.com/m/v2', 'v1.0.0', 'should be v2, not v1'],
    ['example.com/m/v2', 'v3.0.0+incompatible', 'should be v2, not v3'],
    ['gopkg.in/yaml.v2', 'v1.0.0', 'should be v2, not v1'],
    [
      'example.com/m',
      'v1.0.0+incompatible',
      '+incompatible suffix not allowed: major version v1 is compatible'
    ],
    [
      'example.com/m/v2',
      'v2.1.0+incompatible',
      '+incompatible suffix not allowed: major version v2 is compatible'
    ],
    [
      'gopkg.in/yaml.v1',
      'v1.0.0+incompatible',
      '+incompatible suffix not allowed: major version v1 is compatible'
    ]
  ])('rejects %s@%s: %s', (path, version, reason) => {
    expectGoEnvError(
      () => checkVersion(path, version),
      `${path}@${version}: invalid version: ${reason}`
    )
  })

  it('checks the path first', () => {
    expectGoEnvError(
      () => checkVersion('localhost/x', 'v1.0.0'),
      'malformed module path "localhost/x": missing dot in first path element'
    )
  })
})

describe('escapeVersion and unescapeVersion', () => {
  it.each([
    ['v1.0.0', 'v1.0.0'],
    ['v1.0.0-RC1', 'v1.0.0-!r!c1'],
    ['V1.0.0', '!v1.0.0'],
    ['v1.0.0-rc.1+build', 'v1.0.0-rc.1+build'],
    // Versions are checked as file names only: spaces and Windows-looking names pass.
    ['v1.0.0 beta', 'v1.0.0 beta'],
    ['v1.0.0-com1', 'v1.0.0-com1']
  ])('escapes %j as %j and back', (version, escaped) => {
    expect(escapeVersion(version)).toBe(escaped)
    expect(unescapeVersion(escaped)).toBe(version)
  })

  it.each(['v1.0.0!', '..', 'v1.0.0/x', '', 'con', 'vé'])('refuses to escape %j', version => {
    expectGoEnvError(
      () => escapeVersion(version),
      `version ${JSON.stringify(version)} invalid: disallowed version string`
    )
  })

  it.each([
    ['v1.0.0-RC1', 'invalid escaped version "v1.0.0-RC1"'],
    ['v1.0.0-!', 'invalid escaped version "v1.0.0-!"'],
    ['v1.0.0-!!a', 'invalid escaped version "v1.0.0-!!a"'],
    ['..', 'invalid escaped version "..": invalid path element ".."'],
    ['', 'invalid escaped version "": empty path element']
  ])('refuses to unescape %j', (escaped, message) => {
    expectGoEnvError(() => unescapeVersion(escaped), message)
  })
})

describe('unescapePath', () => {
  it('inverts escapePath', () => {
    expect(unescapePath('github.com/!azure/x')).toBe('github.com/Azure/x')
  })

  it.each([
    ['github.com/Azure/x', 'invalid escaped module path "github.com/Azure/x"'],
    ['github.com/!!azure', 'invalid escaped module path "github.com/!!azure"'],
    ['github.com/!', 'invalid escaped module path "github.com/!"'],
    ['github.com/!1', 'invalid escaped module path "github.com/!1"'],
    ['example.com/é', 'invalid escaped module path "example.com/é"'],
    [
      '!example.com/x',
      'invalid escaped module path "!example.com/x": malformed module path "Example.com/x": invalid char \'E\' in first path element'
    ]
  ])('rejects %j', (escaped, message) => {
    expectGoEnvError(() => unescapePath(escaped), message)
  })
})

describe('escaping properties', () => {
  const element = fc.stringMatching(/^[A-Za-z0-9][-A-Za-z0-9_~]{0,8}[A-Za-z]$/)
  const host = fc.stringMatching(/^[a-z0-9][-a-z0-9]{0,6}\.[a-z]{2,5}$/)
  const modulePath = fc
    .tuple(host, fc.array(element, { maxLength: 4 }))
    .map(([first, rest]) => [first, ...rest].join('/'))
    .filter(path => {
      try {
        checkModulePath(path)
        return true
      } catch {
        return false
      }
    })

  it('round-trips valid module paths, with no upper case left in the escaped form', () => {
    fc.assert(
      fc.property(modulePath, path => {
        const escaped = escapePath(path)
        expect(escaped).not.toMatch(/[A-Z]/)
        expect(unescapePath(escaped)).toBe(path)
      }),
      { numRuns: 300 }
    )
  })

  it('rejects any path holding "!" or a non-ASCII character', () => {
    const bad = fc
      .tuple(modulePath, fc.constantFrom('!', 'é', 'ß', '\u00a0', '💡', 'Ä'), fc.nat())
      .map(([path, c, at]) => {
        const i = at % (path.length + 1)
        return path.slice(0, i) + c + path.slice(i)
      })
    fc.assert(
      fc.property(bad, path => {
        expect(() => escapePath(path)).toThrow(GoEnvError)
      }),
      { numRuns: 300 }
    )
  })
})
