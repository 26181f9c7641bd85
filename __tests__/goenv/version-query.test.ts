import { describe, expect, it } from '@jest/globals'
import {
  isSemverPrefix,
  pickFromList,
  queryMatch,
  revisionsOf
} from '../../src/goenv/version-query.js'

/** The version `query` picks from `versions`, or what refuses it ('revision' when asked as one). */
function picks(query: string, versions: string[]): string | undefined {
  const match = queryMatch(query)
  if (match.kind === 'list') return pickFromList(versions, match)
  return match.kind === 'revision' ? 'revision' : `refused: ${match.problem}`
}

describe('a go.mod version query', () => {
  it.each([
    ['v1', true],
    ['v1.2', true],
    ['v1.2.3', false],
    ['v1.2.3+meta', false],
    ['master', false],
    ['v1.2-pre', false],
    ['v01', false]
  ])('%s is a prefix: %s', (query, prefix) => {
    expect(isSemverPrefix(query)).toBe(prefix)
  })

  // As the go command picked them (go mod download on a file:// proxy serving each list).
  it.each([
    ['v1.1', ['v1.1.0', 'v1.1.3', 'v1.1.4-pre', 'v1.2.0'], 'v1.1.3'],
    ['v1.1', ['v1.1.0-pre', 'v1.1.1-pre'], 'v1.1.1-pre'],
    ['v1.1', ['v1.1.0-pre'], undefined],
    ['v1.1', ['v1.10.0', 'v1.1.2'], 'v1.1.2'],
    ['v1', ['v1.0.0', 'v1.9.1', 'v2.0.0'], 'v1.9.1'],
    ['v1.2', ['v1.0.0'], undefined],
    ['latest', ['v1.1.0', 'v1.1.3', 'v1.2.0-pre'], 'v1.1.3'],
    ['upgrade', ['v1.1.0', 'v1.1.3'], 'v1.1.3'],
    ['>=v1.1.0', ['v1.1.0', 'v1.1.3'], 'v1.1.0'],
    ['>v1.1.0', ['v1.1.0', 'v1.1.3', 'v1.2.0'], 'v1.1.3'],
    ['<v1.1.3', ['v1.1.0', 'v1.1.3'], 'v1.1.0'],
    ['<=v1.1.3', ['v1.1.0', 'v1.1.3', 'v1.2.0'], 'v1.1.3'],
    ['patch', ['v1.1.0'], 'refused: no existing version is required'],
    ['<=v1.2', ['v1.2.0'], 'refused: ambiguous semantic version "v1.2" in range "<=v1.2"'],
    ['>v1.2', ['v1.2.5'], 'refused: ambiguous semantic version "v1.2" in range ">v1.2"'],
    ['<v1.2', ['v1.1.0', 'v1.2.0'], 'v1.1.0'],
    ['>=v1.2', ['v1.1.0', 'v1.2.0', 'v1.2.5'], 'v1.2.0'],
    ['master', ['v1.1.0'], 'revision']
  ])('%s picks from %j: %s', (query, versions, picked) => {
    expect(picks(query, versions)).toBe(picked)
  })

  it('asks a revision as written, a semantic version then by its canonical form', () => {
    expect(revisionsOf('master')).toEqual(['master'])
    expect(revisionsOf('v1.1.0+meta')).toEqual(['v1.1.0+meta', 'v1.1.0'])
  })
})
