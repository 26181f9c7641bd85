import { describe, expect, it } from '@jest/globals'
import { ENTRY_SCHEMA, isCacheEntry } from '../../../src/cache/entry.js'

const KEY = 'a'.repeat(64)
const isNumber = (p: unknown): p is number => typeof p === 'number'
const valid = {
  schema: ENTRY_SCHEMA,
  key: KEY,
  storedAt: 1_700_000_000_000,
  payload: 42
}

describe('isCacheEntry', () => {
  it('accepts an entry of this schema and key whose payload passes', () => {
    expect(isCacheEntry(valid, KEY, isNumber)).toBe(true)
  })

  it.each([
    ['null', null],
    ['an array', [valid]],
    ['another schema', { ...valid, schema: 'validate-goproxy/cache@1' }],
    ['another key', { ...valid, key: 'b'.repeat(64) }],
    ['no storedAt', { ...valid, storedAt: undefined }],
    ['a negative storedAt', { ...valid, storedAt: -1 }],
    ['an infinite storedAt', { ...valid, storedAt: Number.POSITIVE_INFINITY }],
    ['a string storedAt', { ...valid, storedAt: '1700000000000' }],
    ['no payload', { schema: valid.schema, key: KEY, storedAt: 1 }],
    ['a payload of the wrong type', { ...valid, payload: '42' }]
  ])('rejects %s', (_what, value) => {
    expect(isCacheEntry(value, KEY, isNumber)).toBe(false)
  })
})
