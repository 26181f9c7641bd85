import { describe, expect, it } from '@jest/globals'
import { queriedVersions, withQueriesResolved } from '../../src/build/queries.js'

describe('a go.mod with version queries, rewritten as the go command rewrites it', () => {
  const resolved = new Map([
    ['example.com/a v1.1', 'v1.1.3'],
    ['example.com/a/v2 v2', 'v2.0.1'],
    ['example.com/b latest', 'v0.4.0']
  ])

  it('replaces each query it resolved, in any form of line, and nothing else', () => {
    const goMod = [
      'module example.com/app',
      '',
      'go 1.21',
      '',
      'require (',
      '\texample.com/a v1.1 // indirect',
      '\texample.com/c v1.0.0',
      ')',
      'require example.com/b latest\r',
      'replace example.com/a/v2 v2 => example.com/a v1.1',
      'exclude example.com/d v1.2',
      ''
    ].join('\n')
    expect(withQueriesResolved(goMod, resolved).split('\n').slice(5, 11)).toEqual([
      '\texample.com/a v1.1.3 // indirect',
      '\texample.com/c v1.0.0',
      ')',
      'require example.com/b v0.4.0\r',
      'replace example.com/a/v2 v2.0.1 => example.com/a v1.1.3',
      'exclude example.com/d v1.2'
    ])
    expect(
      queriedVersions(goMod, 'go.mod').map(q => `${q.line} ${q.verb} ${q.path} ${q.version}`)
    ).toEqual([
      '6 require example.com/a v1.1',
      '9 require example.com/b latest',
      '10 replace example.com/a/v2 v2',
      '10 replace example.com/a v1.1',
      '11 exclude example.com/d v1.2'
    ])
  })
})
