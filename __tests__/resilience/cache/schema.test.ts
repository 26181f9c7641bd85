import { describe, expect, it } from '@jest/globals'
import * as is from '../../../src/cache/schema.js'

interface Thing {
  name: string
  size?: number
  tags: string[]
  meta: Record<string, boolean>
}

const isThing = is.object<Thing>({
  name: is.string,
  size: is.optional(is.count),
  tags: is.arrayOf(is.oneOf(['a', 'b'])),
  meta: is.recordOf(is.boolean)
})

const thing: Thing = { name: 'x', size: 2, tags: ['a'], meta: { on: true } }

describe('schema checks', () => {
  it('accept a whole value, optional fields present or not', () => {
    expect(isThing(thing)).toBe(true)
    const { size: _size, ...noSize } = thing
    expect(isThing(noSize)).toBe(true)
    expect(isThing.problem(thing)).toBeUndefined()
  })

  it.each<[string, unknown, string]>([
    ['null', null, 'value is null, not an object'],
    ['an array', [thing], 'value is an array, not an object'],
    ['a missing field', { ...thing, name: undefined }, 'value.name is missing, not a string'],
    ['a null field', { ...thing, tags: null }, 'value.tags is null, not an array'],
    ['a bad item', { ...thing, tags: ['a', 'c'] }, 'value.tags[1] is "c", not one of "a", "b"'],
    [
      'a bad map value',
      { ...thing, meta: { 'x y': 1 } },
      'value.meta["x y"] is 1, not true or false'
    ],
    ['an unknown field', { ...thing, extra: 1 }, 'value.extra is not a known field'],
    ['a fractional count', { ...thing, size: 0.5 }, 'value.size is 0.5, not a whole number ≥ 0'],
    [
      'a null optional field',
      { ...thing, size: null },
      'value.size is null, not a whole number ≥ 0'
    ],
    [
      'a long string',
      { ...thing, size: 'y'.repeat(100) },
      `value.size is "${'y'.repeat(79)}…, not a whole number ≥ 0`
    ]
  ])('name the first problem: %s', (_what, value, problem) => {
    expect(isThing(value)).toBe(false)
    expect(isThing.problem(value)).toBe(problem)
  })

  it('take numbers JSON can carry only', () => {
    for (const bad of [NaN, Infinity, -Infinity, -1, '1']) expect(is.milliseconds(bad)).toBe(false)
    expect(is.milliseconds(0.25)).toBe(true)
    expect(is.count(2 ** 53)).toBe(false)
  })

  it('name the place they are given', () => {
    expect(is.string.problem(1, 'entry.payload')).toBe('entry.payload is 1, not a string')
  })

  it('take a plain type guard, which cannot say more', () => {
    const isTwo = (v: unknown): v is 2 => v === 2
    expect(is.fromGuard(isTwo).problem(3, 'p')).toBe('p is 3, not what its reader expects')
    expect(is.fromGuard(is.string)).toBe(is.string)
  })
})
