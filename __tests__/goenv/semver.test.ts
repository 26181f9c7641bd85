import { describe, it, expect } from '@jest/globals'
import {
  build,
  canonical,
  compare,
  isPseudoVersion,
  isValid,
  major,
  prerelease
} from '../../src/xmod/semver.js'

// [version, valid, canonical, major, prerelease, build, pseudo] as x/mod reports them.
const versions: [string, boolean, string, string, string, string, boolean][] = [
  ['v1', true, 'v1.0.0', 'v1', '', '', false],
  ['v1.2', true, 'v1.2.0', 'v1', '', '', false],
  ['v1.2.3', true, 'v1.2.3', 'v1', '', '', false],
  ['v1.2.3-pre', true, 'v1.2.3-pre', 'v1', '-pre', '', false],
  ['v1.2.3-pre+meta', true, 'v1.2.3-pre', 'v1', '-pre', '+meta', false],
  ['v1.2.3+meta', true, 'v1.2.3', 'v1', '', '+meta', false],
  ['v1.2.3-0a', true, 'v1.2.3-0a', 'v1', '-0a', '', false],
  ['v2.0.0+incompatible', true, 'v2.0.0', 'v2', '', '+incompatible', false],
  ['v1.2.3-01', false, '', '', '', '', false],
  ['v01.2.3', false, '', '', '', '', false],
  ['1.2.3', false, '', '', '', '', false],
  ['v1.2.3.4', false, '', '', '', '', false],
  ['v1.2-pre', false, '', '', '', '', false],
  ['v1.2.3-', false, '', '', '', '', false],
  ['v1.2.3+', false, '', '', '', '', false],
  ['v1.2.3-a..b', false, '', '', '', '', false],
  ['', false, '', '', '', '', false],
  [
    'v0.0.0-20191109021931-daa7c04131f5',
    true,
    'v0.0.0-20191109021931-daa7c04131f5',
    'v0',
    '-20191109021931-daa7c04131f5',
    '',
    true
  ],
  [
    'v1.2.4-0.20191109021931-daa7c04131f5',
    true,
    'v1.2.4-0.20191109021931-daa7c04131f5',
    'v1',
    '-0.20191109021931-daa7c04131f5',
    '',
    true
  ],
  [
    'v1.2.3-pre.0.20191109021931-daa7c04131f5+incompatible',
    true,
    'v1.2.3-pre.0.20191109021931-daa7c04131f5',
    'v1',
    '-pre.0.20191109021931-daa7c04131f5',
    '+incompatible',
    true
  ],
  // A 13-digit timestamp is an ordinary prerelease.
  [
    'v0.0.0-2019110902193-daa7c04131f5',
    true,
    'v0.0.0-2019110902193-daa7c04131f5',
    'v0',
    '-2019110902193-daa7c04131f5',
    '',
    false
  ]
]

describe('semver', () => {
  it.each(versions)('reads %j', (v, valid, canon, maj, pre, bld, pseudo) => {
    expect([
      isValid(v),
      canonical(v),
      major(v),
      prerelease(v),
      build(v),
      isPseudoVersion(v)
    ]).toEqual([valid, canon, maj, pre, bld, pseudo])
  })

  // Each pair in increasing order (the semver.org precedence list, and Go's extras).
  it.each([
    ['v1.0.0-alpha', 'v1.0.0-alpha.1'],
    ['v1.0.0-alpha.1', 'v1.0.0-alpha.beta'],
    ['v1.0.0-alpha.beta', 'v1.0.0-beta'],
    ['v1.0.0-beta', 'v1.0.0-beta.2'],
    ['v1.0.0-beta.2', 'v1.0.0-beta.11'],
    ['v1.0.0-beta.11', 'v1.0.0-rc.1'],
    ['v1.0.0-rc.1', 'v1.0.0'],
    ['v1.0.0-1', 'v1.0.0-a'],
    ['v1.0.0-9', 'v1.0.0-10'],
    ['v1.2', 'v1.10'],
    ['v2.0.0', 'v10.0.0'],
    ['bad', 'v0.0.0'],
    ['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0']
  ])('orders %s before %s', (a, b) => {
    expect(compare(a, b)).toBe(-1)
    expect(compare(b, a)).toBe(1)
  })

  it.each([
    ['v1.0.0', 'v1.0.0+meta'],
    ['v1', 'v1.0.0'],
    ['v1.2', 'v1.2.0'],
    ['bad', 'alsobad']
  ])('holds %s equal to %s', (a, b) => {
    expect(compare(a, b)).toBe(0)
  })

  it('sorts as a comparator', () => {
    expect(['v1.10.0', 'v1.2.0', 'junk', 'v1.2.0-rc.1', 'v0.9.0'].sort(compare)).toEqual([
      'junk',
      'v0.9.0',
      'v1.2.0-rc.1',
      'v1.2.0',
      'v1.10.0'
    ])
  })
})
