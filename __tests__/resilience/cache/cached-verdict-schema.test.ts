// A cached verdict counts only when every part of it is what the code reads: each damaged part,
// wherever it is, makes the entry a miss, and the check names that part.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { isRemembered } from '../../../src/cache/sumdb.js'
import { isCachedVerdict } from '../../../src/cache/verdicts.js'
import { ENTRY_SCHEMA, entryProblem } from '../../../src/cache/entry.js'
import {
  cachedVerdict,
  DAMAGES,
  damaged,
  fullCachedVerdict,
  partsOf,
  type Damage,
  type Part
} from '../support/damage.js'

const KEY = 'c'.repeat(64)
const entryOf = (payload: unknown): unknown =>
  JSON.parse(
    JSON.stringify({ schema: ENTRY_SCHEMA, key: KEY, storedAt: 1_700_000_000_000, payload })
  )

const report = 'entry.payload.report'
/** Parts that must be there; every other field is optional. */
const REQUIRED = new Set([
  'entry.schema',
  'entry.key',
  'entry.storedAt',
  'entry.payload',
  report,
  ...['verdict', 'reason', 'findings', 'checksPassed', 'checksTotal', 'retries', 'probes'].map(
    f => `${report}.${f}`
  ),
  `${report}.latest`,
  ...['stage', 'level', 'reason'].map(f => `${report}.findings[].${f}`),
  ...['endpoint', 'module', 'url', 'totalMs', 'attempts', 'ok'].map(f => `${report}.probes[].${f}`),
  `${report}.probes[].rateLimited.retryAfterMs`,
  `${report}.buildAnswers[*].kind`
])
/** The breaker's snapshot is checked in full by breaker-state.ts when it is restored. */
const OPAQUE = 'entry.payload.breaker'
const MAPS = new Set([`${report}.latest`, `${report}.buildAnswers`])

const partsOfEntry = (entry: unknown): Part[] =>
  partsOf(entry, 'entry', { opaque: f => f === OPAQUE, maps: f => MAPS.has(f) })

/** Whether `damage` to `part` must make the entry a miss. */
function mustRefuse(part: Part, damage: Damage): boolean {
  if (damage === 'missing') return REQUIRED.has(part.field)
  if (damage === 'unknown field') return part.field !== OPAQUE
  return true
}

/** The problem's subject: the part itself, or the field added to it (`unexpected: true`). */
function subject(part: Part, damage: Damage): string {
  if (damage !== 'unknown field') return part.name
  return MAPS.has(part.field) ? `${part.name}["unexpected"]` : `${part.name}.unexpected`
}

describe('a cached verdict entry', () => {
  it('is accepted whole, in any valid form', () => {
    expect(entryProblem(entryOf(fullCachedVerdict), KEY, isCachedVerdict)).toBeUndefined()
    fc.assert(
      fc.property(cachedVerdict, v => entryProblem(entryOf(v), KEY, isCachedVerdict) === undefined)
    )
  })

  const entry = entryOf(fullCachedVerdict)
  const cases = partsOfEntry(entry).flatMap(part =>
    DAMAGES.flatMap(damage => {
      const bad = damaged(entry, part, damage)
      return bad === undefined ? [] : [{ name: `${part.name}: ${damage}`, part, damage, bad }]
    })
  )

  it('has a case for every field the report type has', () => {
    const fields = new Set(partsOfEntry(entry).map(p => p.field))
    for (const field of REQUIRED) expect(fields).toContain(field)
    expect(cases.length).toBeGreaterThan(100)
  })

  it.each(cases)('$name', ({ part, damage, bad }) => {
    const problem = entryProblem(bad, KEY, isCachedVerdict)
    if (!mustRefuse(part, damage)) return expect(problem).toBeUndefined()
    expect(problem).toBeDefined()
    expect(problem?.startsWith(`${subject(part, damage)} `)).toBe(true)
  })

  it('is refused, naming the part, with any one part of any valid verdict damaged', () => {
    fc.assert(
      fc.property(cachedVerdict, fc.nat(), fc.constantFrom(...DAMAGES), (v, pick, damage) => {
        const valid = entryOf(v)
        const parts = partsOfEntry(valid).filter(
          p => mustRefuse(p, damage) && damaged(valid, p, damage) !== undefined
        )
        const part = parts[pick % parts.length]
        const problem = entryProblem(damaged(valid, part, damage), KEY, isCachedVerdict)
        return problem?.startsWith(`${subject(part, damage)} `) === true
      }),
      { numRuns: 500 }
    )
  })

  it.each([
    [
      'an older schema',
      { schema: 'validate-goproxy/cache@1' },
      'entry.schema is "validate-goproxy/cache@1"'
    ],
    ['another key', { key: 'd'.repeat(64) }, `entry.key is "${'d'.repeat(64)}"`],
    ['a fractional storedAt', { storedAt: 1.5 }, 'entry.storedAt is 1.5'],
    ['a negative storedAt', { storedAt: -1 }, 'entry.storedAt is -1'],
    ['a storedAt in a string', { storedAt: '1700000000000' }, 'entry.storedAt is "1700000000000"']
  ])('is refused with %s', (_what, change, start) => {
    const problem = entryProblem({ ...(entry as object), ...change }, KEY, isCachedVerdict)
    expect(problem?.startsWith(`${start},`)).toBe(true)
  })

  it('refuses numbers that JSON cannot carry or a count cannot be', () => {
    const withProbe = (change: object): unknown =>
      entryOf({
        ...fullCachedVerdict,
        report: {
          ...fullCachedVerdict.report,
          probes: [{ ...fullCachedVerdict.report.probes[0], ...change }]
        }
      })
    expect(entryProblem(withProbe({ totalMs: -1 }), KEY, isCachedVerdict)).toBe(
      `${report}.probes[0].totalMs is -1, not a finite number ≥ 0`
    )
    expect(entryProblem(withProbe({ attempts: 1.5 }), KEY, isCachedVerdict)).toBe(
      `${report}.probes[0].attempts is 1.5, not a whole number ≥ 0`
    )
    // JSON.stringify writes NaN and Infinity as null.
    expect(entryProblem(withProbe({ latencyMs: NaN }), KEY, isCachedVerdict)).toBe(
      `${report}.probes[0].latencyMs is null, not a finite number ≥ 0`
    )
  })

  it('refuses a __proto__ field (JSON.parse makes it an own field)', () => {
    const text = JSON.stringify(entry).replace(
      '"verdict":',
      '"__proto__":{"polluted":1},"verdict":'
    )
    expect(entryProblem(JSON.parse(text), KEY, isCachedVerdict)).toBe(
      `${report}.__proto__ is not a known field`
    )
  })
})

describe('a remembered GOSUMDB decision', () => {
  const valid = {
    gosumdb: 'sum.golang.org',
    reason: 'verified',
    route: 'https://sum.golang.org',
    mirrorUsed: false
  }

  it('is accepted whole, route or not', () => {
    expect(isRemembered(valid)).toBe(true)
    const { route: _route, ...noRoute } = valid
    expect(isRemembered(noRoute)).toBe(true)
  })

  it.each(
    partsOf(valid, 'value', { opaque: () => false, maps: () => false }).flatMap(part =>
      DAMAGES.flatMap(damage => {
        const bad = damaged(valid, part, damage)
        const optional = damage === 'missing' && part.field === 'value.route'
        return bad === undefined || optional
          ? []
          : [{ name: `${part.name}: ${damage}`, part, damage, bad }]
      })
    )
  )('refuses $name', ({ part, damage, bad }) => {
    expect(isRemembered.problem(bad)?.startsWith(`${subject(part, damage)} `)).toBe(true)
  })
})
