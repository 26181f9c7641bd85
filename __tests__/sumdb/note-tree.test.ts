import { describe, expect, it } from '@jest/globals'
import {
  formatTreeNote,
  openNote,
  parseTreeNote,
  parseVerifierKey
} from '../../src/xmod/sumdb/note.js'
import { GO_SIGNED_TREE, PETER_VKEY, caught } from './vectors.js'

const peter = parseVerifierKey(PETER_VKEY)

describe('tree notes', () => {
  const hash = Buffer.from('PH6byTDck/AfppmF7yQtn56GHzxTVaokzl70tLinDMs=', 'base64')

  it('formats and parses Go tree notes, ignoring extra lines', () => {
    const text = formatTreeNote({ size: 5, hash })
    expect(text).toBe('go.sum database tree\n5\nPH6byTDck/AfppmF7yQtn56GHzxTVaokzl70tLinDMs=\n')
    expect(parseTreeNote(text)).toEqual({ size: 5, hash })
    expect(parseTreeNote(`${text}future\nlines\n`)).toEqual({ size: 5, hash })
    expect(parseTreeNote(openNote(Buffer.from(GO_SIGNED_TREE), peter).text).size).toBe(5)
  })

  const b64 = hash.toString('base64')
  it.each([
    [`go.sum database tree v2\n5\n${b64}\n`, 'malformed tree note: does not start with'],
    [`go.sum database tree\n5\n${b64}`, 'malformed tree note: fewer than three lines'],
    [`go.sum database tree\n05\n${b64}\n`, 'malformed tree note: bad tree size "05"'],
    [`go.sum database tree\n+5\n${b64}\n`, 'malformed tree note: bad tree size "+5"'],
    [`go.sum database tree\n-1\n${b64}\n`, 'malformed tree note: bad tree size "-1"'],
    [
      `go.sum database tree\n5\n${hash.subarray(1).toString('base64')}\n`,
      'malformed tree note: bad root hash'
    ],
    [`go.sum database tree\n5\n${b64.replace('=', '')}\n`, 'malformed tree note: bad root hash'],
    [`go.sum database tree\n9007199254740993\n${b64}\n`, 'tree size 9007199254740993 is beyond']
  ])('rejects %j', (text, message) => {
    const err = caught(() => parseTreeNote(text))
    expect(err.code).toBe('bad-note')
    expect(err.message.startsWith(message)).toBe(true)
  })
})
