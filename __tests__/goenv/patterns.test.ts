import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { GoEnvError } from '../../src/gostd/errors.js'
import {
  checkPatterns,
  matchPrefixPatterns,
  pathMatch,
  resolvePrivatePatterns
} from '../../src/goenv/patterns.js'
import { expectGoEnvError } from './throws.js'

describe('pathMatch (Go path.Match)', () => {
  it.each([
    ['*.corp.example.com', 'git.corp.example.com', true],
    ['a*', 'a/b', false],
    ['a*/b', 'abc/b', true],
    ['a*b*c', 'axbxc', true],
    ['*', 'a/b', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[a-c]x', 'bx', true],
    ['[^a-c]x', 'bx', false],
    ['[^a-c]x', 'dx', true],
    ['[\\]]', ']', true],
    ['[x\\-]', '-', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['é?', 'éü', true],
    ['', '', true],
    ['', 'a', false]
  ])('matches %j against %j: %s', (pattern, name, expected) => {
    expect(pathMatch(pattern, name)).toBe(expected)
  })

  // Go reports these patterns as malformed whatever the name; here they never match.
  it.each([['['], ['a['], ['[a-'], ['[]a]'], ['[-a]'], ['[a-]'], ['ab\\'], ['*x['], ['[^]']])(
    'never matches with the malformed pattern %j',
    pattern => {
      expect(pathMatch(pattern, 'a')).toBe(false)
      expect(pathMatch(pattern, pattern)).toBe(false)
    }
  )
})

describe('matchPrefixPatterns', () => {
  it.each([
    ['*.corp.example.com', 'git.corp.example.com/x/y', true],
    ['corp.example.com/private', 'corp.example.com/private/x', true],
    ['corp.example.com/private', 'corp.example.com/privatex', false],
    ['corp.example.com/private', 'corp.example.com/private', true],
    ['corp.example.com/private', 'corp.example.com', false],
    ['corp.example.com/private/', 'corp.example.com/private/x', true],
    // No trimming: the space is part of the pattern.
    [' corp.example.com', 'corp.example.com/x', false],
    ['a.example, corp.example.com', 'corp.example.com/x', false],
    ['a.example,corp.example.com', 'corp.example.com/x', true],
    [',,corp.example.com,', 'corp.example.com', true],
    ['corp.example.com/a/b', 'corp.example.com/a', false],
    ['*', 'anything/at/all', true],
    ['*/*', 'a', false],
    ['/', 'x', false],
    ['', 'x', false],
    ['none', 'example.com/x', false],
    ['[', '[/x', false],
    ['[,example.com', 'example.com/x', true]
  ])('%j against %j: %s', (globs, target, expected) => {
    expect(matchPrefixPatterns(globs, target)).toBe(expected)
  })
})

describe('checkPatterns', () => {
  it('accepts well-formed lists, spaces and empty entries included', () => {
    expect(() =>
      checkPatterns('*.corp.example.com,corp.example.com/private, x.example,,')
    ).not.toThrow()
    expect(() => checkPatterns('')).not.toThrow()
  })

  it.each([
    ['corp.example.com,[', '['],
    ['git.[a-.example.com', 'git.[a-.example.com'],
    ['x.example/ab\\', 'x.example/ab\\'],
    ['x.example/ok/,*x[/', '*x[']
  ])('names the malformed pattern in %j', (globs, bad) => {
    expectGoEnvError(
      () => checkPatterns(globs),
      `malformed pattern ${JSON.stringify(bad)}: syntax error in pattern`
    )
  })

  it('never throws anything but GoEnvError', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', '*', '?', '[', ']', '^', '-', '\\', '/', ',', 'é')
        }),
        globs => {
          try {
            checkPatterns(globs)
          } catch (err) {
            expect(err).toBeInstanceOf(GoEnvError)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

// A model written from the documented rule, for patterns of literal characters and '*' only.
function modelGlob(pattern: string, name: string): boolean {
  if (pattern === '') return name === ''
  if (pattern[0] === '*') {
    for (let i = 0; i <= name.length; i++) {
      if (modelGlob(pattern.slice(1), name.slice(i))) return true
      if (name[i] === '/') return false
    }
    return false
  }
  return name[0] === pattern[0] && modelGlob(pattern.slice(1), name.slice(1))
}

function modelMatchPrefix(globs: string, target: string): boolean {
  return globs.split(',').some(raw => {
    const glob = raw.endsWith('/') ? raw.slice(0, -1) : raw
    if (glob === '') return false
    const elements = glob.split('/')
    const targetElements = target.split('/')
    if (targetElements.length < elements.length) return false
    return elements.every((e, i) => modelGlob(e, targetElements[i]))
  })
}

describe('matchPrefixPatterns against a model', () => {
  const char = fc.constantFrom('a', 'b', '.', '-', '*')
  const element = fc.string({ unit: char, maxLength: 4 })
  const glob = fc.array(element, { minLength: 1, maxLength: 3 }).map(e => e.join('/'))
  const globs = fc
    .array(
      fc.oneof(
        glob,
        glob.map(g => `${g}/`)
      ),
      { maxLength: 3 }
    )
    .map(g => g.join(','))
  const target = fc
    .array(fc.string({ unit: fc.constantFrom('a', 'b', '.', '-'), maxLength: 4 }), {
      minLength: 1,
      maxLength: 4
    })
    .map(e => e.join('/'))

  it('agrees with element-wise glob matching', () => {
    fc.assert(
      fc.property(globs, target, (g, t) => {
        expect(matchPrefixPatterns(g, t)).toBe(modelMatchPrefix(g, t))
      }),
      { numRuns: 300 }
    )
  })
})

describe('resolvePrivatePatterns', () => {
  it('lets GONOPROXY and GONOSUMDB default to GOPRIVATE when unset or empty', () => {
    expect(resolvePrivatePatterns({ goprivate: '*.corp.example.com' })).toEqual({
      goprivate: '*.corp.example.com',
      gonoproxy: '*.corp.example.com',
      gonosumdb: '*.corp.example.com'
    })
    // cfg.EnvOrAndChanged treats an empty value as unset.
    expect(
      resolvePrivatePatterns({ goprivate: '*.corp.example.com', gonoproxy: '', gonosumdb: '' })
    ).toEqual({
      goprivate: '*.corp.example.com',
      gonoproxy: '*.corp.example.com',
      gonosumdb: '*.corp.example.com'
    })
  })

  it('keeps explicit values, "none" included', () => {
    expect(
      resolvePrivatePatterns({ goprivate: 'a.example', gonoproxy: 'none', gonosumdb: 'b.example' })
    ).toEqual({ goprivate: 'a.example', gonoproxy: 'none', gonosumdb: 'b.example' })
    expect(matchPrefixPatterns('none', 'a.example/x')).toBe(false)
  })
})
