/** `go-sum` patterns: Go's path.Match per element, plus `**` for any number of directories. */
import { describe, expect, it } from '@jest/globals'
import { compileGlob, globMatches, globMayMatchUnder, isGlob } from '../../src/config/glob.js'

describe('go-sum patterns', () => {
  it('are the items with *, ? or [', () => {
    expect(['**/go.sum', 'a/go.su?', 'a/[ab]/go.sum', 'go.sum', 'a b/go.sum'].map(isGlob)).toEqual([
      true,
      true,
      true,
      false,
      false
    ])
  })

  const cases: [pattern: string, path: string, matches: boolean][] = [
    ['**/go.sum', 'go.sum', true],
    ['**/go.sum', 'a/b/c/go.sum', true],
    ['**/go.sum', 'a/b/c/go.work.sum', false],
    ['*/go.sum', 'go.sum', false],
    ['*/go.sum', 'a/go.sum', true],
    ['*/go.sum', 'a/b/go.sum', false],
    ['services/**/go.sum', 'services/go.sum', true],
    ['services/**/go.sum', 'services/a/b/go.sum', true],
    ['services/**/go.sum', 'tools/a/go.sum', false],
    ['a/**/**/b/*.sum', 'a/x/b/go.work.sum', true],
    ['./**/go.sum', 'x/go.sum', true],
    ['**/*.sum', 'x/go.work.sum', true],
    ['go.[st]um', 'go.sum', true],
    ['go.su?', 'go.sum', true],
    ['a\\*b/go.sum', 'a*b/go.sum', true],
    ['a\\*b/go.sum', 'axb/go.sum', false]
  ]
  it.each(cases)('%s against %s: %s', (pattern, path, matches) => {
    expect(globMatches(compileGlob(pattern), path)).toBe(matches)
  })

  it('tell a walk which directories may hold a match', () => {
    const glob = compileGlob('services/*/go.sum')
    expect(
      ['', 'services', 'services/a', 'services/a/b', 'tools'].map(d => globMayMatchUnder(glob, d))
    ).toEqual([true, true, true, false, false])
    const deep = compileGlob('**/go.sum')
    expect(['', 'a', 'a/b/c'].every(d => globMayMatchUnder(deep, d))).toBe(true)
  })

  it('must be relative, stay under the working directory, be well formed and name files', () => {
    const reasons = [
      '/abs/**/go.sum',
      'C:/x/*.sum',
      '../**/go.sum',
      'a/[x/go.sum',
      'a/**',
      '**'
    ].map(p => {
      try {
        compileGlob(p)
        return 'compiled'
      } catch (err) {
        return (err as Error).message
      }
    })
    expect(reasons).toEqual([
      'is a pattern, so it must be relative to working-directory',
      'is a pattern, so it must be relative to working-directory',
      'is a pattern, so it must stay under working-directory',
      'is not a valid pattern: "[x" is malformed',
      'is not a valid pattern: it must end in a file name pattern such as go.sum',
      'is not a valid pattern: it must end in a file name pattern such as go.sum'
    ])
  })
})
