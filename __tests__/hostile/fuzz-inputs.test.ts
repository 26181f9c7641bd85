/**
 * Property tests over what a workflow author (or an attacker who controls a workflow input) can
 * type: every input, the job's GOSUMDB, a netrc file. Parsing either succeeds or fails with the
 * module's own error, and an input error always names the input it is about.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as yaml from 'yaml'
import { readSettings } from '../../src/action/inputs.js'
import { buildPlan } from '../../src/config/build.js'
import type { RawInputs } from '../../src/config/plan.js'
import { InputError } from '../../src/config/errors.js'
import { Inputs } from '../../src/constants.js'
import { GoEnvError } from '../../src/gostd/errors.js'
import { parseGosumdb } from '../../src/goenv/gosumdb.js'
import { parseNetrc } from '../../src/goenv/netrc.js'

const INPUT_NAMES = Object.values(Inputs)

/** Pieces of real input values, so that the fuzzer also builds values that almost parse. */
const token = fc.constantFrom(
  'https://proxy.example',
  'http://u:p@mirror.example:8080/x',
  'file:///tmp/goproxy',
  'direct',
  'off',
  'sum.golang.org',
  'example.com/x@v1.0.0',
  'golang.org/x/sys@latest',
  '*.corp.example',
  '[',
  '10',
  '1m30s',
  '0.5',
  '-1',
  'true',
  'quick',
  'full',
  'ordered',
  'default',
  'name:\n  proxies: x',
  '{',
  '\u00e9',
  '\u0000'
)
const separator = fc.constantFrom(',', '|', ' ', '\n', '\t', '', '@', '+', '/', ':')
const shaped = fc
  .array(fc.tuple(token, separator), { maxLength: 5 })
  .map(parts => parts.map(([t, s]) => t + s).join(''))
const value = fc.oneof(
  shaped,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 })
)

const CONTEXT = { env: {}, defaultCacheDir: '/nonexistent/cache', yaml }
const platform = fc.constantFrom<NodeJS.Platform>('linux', 'win32', 'darwin')

/** Runs both readers of inputs; returns the error they threw, if any. */
function readAll(raw: RawInputs, on: NodeJS.Platform): unknown {
  try {
    readSettings(raw, {})
    buildPlan(raw, { ...CONTEXT, platform: on })
    return undefined
  } catch (err) {
    return err
  }
}

/**
 * The inputs an error about `input` may name: the input itself, or, for `profiles`, the chosen
 * profile (the `default` entry when `profile` is empty) and the inputs a profile sets.
 */
function blamable(input: string): string[] {
  if (input !== Inputs.Profiles) return [input]
  const set = [Inputs.Proxies, Inputs.Mirrors, Inputs.Gosumdb, Inputs.SumdbMirrors]
  return [input, Inputs.Profile, ...set, Inputs.Goprivate, Inputs.Gonoproxy, Inputs.Gonosumdb]
}

function expectInputError(err: unknown, inputs: readonly string[] = INPUT_NAMES): void {
  expect(err).toBeInstanceOf(InputError)
  const { input: named, message } = err as InputError
  expect(inputs).toContain(named)
  expect(message.startsWith(`Invalid input '${named}': `)).toBe(true)
}

describe('reading the inputs', () => {
  it('fails only with an InputError naming the input, whatever one input holds', () => {
    const oneInput = fc.tuple(fc.constantFrom(...INPUT_NAMES), value, platform)
    fc.assert(
      fc.property(oneInput, ([name, text, on]) => {
        const err = readAll({ [name]: text }, on)
        if (err !== undefined) expectInputError(err, blamable(name))
      }),
      { numRuns: 1500 }
    )
  })

  it('fails only with an InputError naming some input, whatever they all hold', () => {
    const many = fc.dictionary(fc.constantFrom(...INPUT_NAMES), value, { maxKeys: 8 })
    fc.assert(
      fc.property(many, platform, (raw, on) => {
        const err = readAll(raw, on)
        if (err !== undefined) expectInputError(err)
      }),
      { numRuns: 500 }
    )
  })
})

describe('parseGosumdb', () => {
  it('returns a spec or throws GoEnvError, never anything else', () => {
    fc.assert(
      fc.property(value, text => {
        try {
          const spec = parseGosumdb(text)
          expect(['off', 'db']).toContain(spec.kind)
        } catch (err) {
          expect(err).toBeInstanceOf(GoEnvError)
        }
      }),
      { numRuns: 500 }
    )
  })
})

describe('parseNetrc', () => {
  const netrcWord = fc.constantFrom('machine', 'login', 'password', 'default', 'macdef', 'x', '')
  const netrcText = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc
      .array(fc.tuple(netrcWord, fc.constantFrom(' ', '\n', '\t', '\r\n')), { maxLength: 16 })
      .map(parts => parts.map(([w, s]) => w + s).join(''))
  )

  it('never throws, and keeps only entries with machine, login and password', () => {
    fc.assert(
      fc.property(netrcText, text => {
        for (const entry of parseNetrc(text)) {
          expect(entry.machine && entry.login && entry.password).toBeTruthy()
        }
      }),
      { numRuns: 500 }
    )
  })
})
