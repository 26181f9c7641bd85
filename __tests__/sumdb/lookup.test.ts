import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SumdbError } from '../../src/xmod/sumdb/errors.js'
import { parseLookup, parseRecordLines } from '../../src/xmod/sumdb/tlog.js'
import { GO_SIGNED_TREE, caught } from './vectors.js'

const RECORD =
  'golang.org/x/text v0.3.0 h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=\n' +
  'golang.org/x/text v0.3.0/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n'
const NOTE = GO_SIGNED_TREE

describe('parseLookup', () => {
  it('splits id, record and signed tree note', () => {
    const answer = parseLookup(Buffer.from(`3\n${RECORD}\n${NOTE}`))
    expect(answer.id).toBe(3)
    expect(answer.record.toString()).toBe(RECORD)
    expect(answer.note.toString()).toBe(NOTE)
  })

  it('reads the id as strconv.ParseInt does', () => {
    expect(parseLookup(Buffer.from(`+7\n${RECORD}\n${NOTE}`)).id).toBe(7)
    expect(parseLookup(Buffer.from(`007\n${RECORD}\n${NOTE}`)).id).toBe(7)
  })

  it.each([
    ['3', 'malformed record data: no record id line'],
    [`three\n${RECORD}\n${NOTE}`, 'malformed record data: bad record id "three"'],
    [` 3\n${RECORD}\n${NOTE}`, 'malformed record data: bad record id " 3"'],
    [`-1\n${RECORD}\n${NOTE}`, 'malformed record data: record id -1 out of range'],
    [`3\n${RECORD}`, 'malformed record data: no blank line after the record'],
    [
      `3\na\tb\n\n${NOTE}`,
      'malformed record data: record text: control character other than newline'
    ]
  ])('rejects %j', (body, message) => {
    const err = caught(() => parseLookup(Buffer.from(body)))
    expect([err.code, err.message]).toEqual(['bad-record', message])
  })

  it('rejects a record that is not UTF-8', () => {
    const body = Buffer.concat([Buffer.from('3\na'), Buffer.of(0xc3), Buffer.from(`\n\n${NOTE}`)])
    expect(caught(() => parseLookup(body)).message).toBe(
      'malformed record data: record text: not valid UTF-8'
    )
  })

  it('throws nothing but SumdbError on any bytes', () => {
    const bodyish = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map(b => Buffer.from(b)),
      fc
        .tuple(
          fc.string({ maxLength: 6 }),
          fc.string({ maxLength: 60 }),
          fc.string({ maxLength: 60 })
        )
        .map(([id, record, note]) => Buffer.from(`${id}\n${record}\n\n${note}`))
    )
    fc.assert(
      fc.property(bodyish, body => {
        try {
          const answer = parseLookup(body)
          expect(Number.isSafeInteger(answer.id) && answer.id >= 0).toBe(true)
          expect(answer.record.at(-1)).toBe(0x0a)
        } catch (err) {
          if (!(err instanceof SumdbError)) throw err
        }
      }),
      { numRuns: 200 }
    )
  })
})

describe('parseRecordLines', () => {
  const record = Buffer.from(RECORD)

  it('finds the zip and go.mod hashes of the module version', () => {
    expect(parseRecordLines(record, 'golang.org/x/text', 'v0.3.0')).toEqual({
      zipHash: 'h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=',
      modHash: 'h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ='
    })
  })

  it('takes the first h1: line, as the go command compares with that one', () => {
    const lines = Buffer.from(
      'm.example v1.0.0 h2:future=\nm.example v1.0.0 h1:first=\nm.example v1.0.0 h1:second=\n'
    )
    expect(parseRecordLines(lines, 'm.example', 'v1.0.0')).toEqual({ zipHash: 'h1:first=' })
  })

  it('returns only the go.mod hash when the record has only that line', () => {
    const lines = Buffer.from('m.example v1.0.0/go.mod h1:mod=\n')
    expect(parseRecordLines(lines, 'm.example', 'v1.0.0')).toEqual({ modHash: 'h1:mod=' })
  })

  it.each([
    ['golang.org/x/net', 'v0.3.0'],
    ['golang.org/x/text', 'v0.3'],
    ['golang.org/x/tex', 'v0.3.0']
  ])('rejects the record for another module or version: %s@%s', (path, version) => {
    const err = caught(() => parseRecordLines(record, path, version))
    expect([err.code, err.message]).toEqual([
      'bad-record',
      `record holds no go.sum lines for ${path}@${version}`
    ])
  })
})
