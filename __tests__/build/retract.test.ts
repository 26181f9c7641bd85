/**
 * retractedBy reads retract directives as the go command reads a dependency's go.mod
 * (modfile.ParseLax): versions canonicalized as module.CanonicalVersion writes them, intervals
 * unchecked, a line it cannot read skipped while the others still count.
 */
import { describe, expect, it } from '@jest/globals'
import { retractedBy } from '../../src/build/retract.js'

const VERSIONS = ['v1.0.0', 'v1.2.0', 'v1.3.0', 'v1.3.0-pre', 'v1.4.0', 'v2.0.0+incompatible']

function retracted(goMod: string): string[] {
  const by = retractedBy(`module example.com/m\n\n${goMod}\n`)
  return VERSIONS.filter(by)
}

describe('retractedBy', () => {
  it.each([
    ['retract v1.2.0', ['v1.2.0']],
    ['retract v1.2 // canonical is v1.2.0', ['v1.2.0']],
    ['retract [v1.2.0, v1.3.0]', ['v1.2.0', 'v1.3.0', 'v1.3.0-pre']],
    ['retract (\n\tv1.0.0\n\t[v1.4.0, v1.4.0]\n)', ['v1.0.0', 'v1.4.0']],
    ['retract v2.0.0+incompatible', ['v2.0.0+incompatible']],
    ['retract v1.3.0-pre+meta', ['v1.3.0-pre']],
    ['retract latest\nretract v1.0.0', ['v1.0.0']],
    ['retract [v1.5.0, v1.4.0]\nretract v1.2.0', ['v1.2.0']],
    ['retract [v1.2.0 v1.3.0]\nretract v1.4.0', ['v1.4.0']],
    ['require example.com/x v1.2.0', []]
  ])('%j retracts %j', (goMod, expected) => {
    expect(retracted(goMod)).toEqual(expected)
  })

  it('retracts nothing when the go.mod cannot be lexed', () => {
    expect(retracted('retract v1.2.0\nretract "v1.3.0')).toEqual([])
  })
})
