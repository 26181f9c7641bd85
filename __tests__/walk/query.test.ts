import { describe, expect, it } from '@jest/globals'
import { isSemverPrefix, pickPrefixVersion, revisionOf } from '../../src/walk/query.js'

describe('a go.mod version query', () => {
  it.each([
    ['v1', true],
    ['v1.2', true],
    ['v1.2.3', false],
    ['v1.2.3+meta', false],
    ['master', false],
    ['v1.2-pre', false]
  ])('%s is a prefix: %s', (query, prefix) => {
    expect(isSemverPrefix(query)).toBe(prefix)
  })

  // As the go command picked them (checked with go mod download on a proxy serving each list).
  it.each([
    [['v1.1.0', 'v1.1.3', 'v1.1.4-pre', 'v1.2.0'], 'v1.1', 'v1.1.3'],
    [['v1.1.0-pre', 'v1.1.1-pre'], 'v1.1', 'v1.1.1-pre'],
    [['v1.1.0-pre'], 'v1.1', undefined],
    [['v1.10.0', 'v1.1.2'], 'v1.1', 'v1.1.2'],
    [['v1.0.0', 'v1.9.1', 'v2.0.0'], 'v1', 'v1.9.1'],
    [['v1.0.0'], 'v1.2', undefined]
  ])('%j picks for %s: %s', (versions, query, picked) => {
    expect(pickPrefixVersion(versions, query)).toBe(picked)
  })

  it('asks any other query as written, a semantic version by its canonical form', () => {
    expect(revisionOf('master')).toBe('master')
    expect(revisionOf('v1.1.0+meta')).toBe('v1.1.0')
  })
})
