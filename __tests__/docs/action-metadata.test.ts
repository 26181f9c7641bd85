/**
 * action.yml is the v1 API: it must parse, run the committed bundle on node24, declare exactly
 * the inputs and outputs the code reads and writes, and state the defaults the code applies.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { readSettings } from '../../src/action/inputs.js'
import { buildPlan } from '../../src/config/build.js'
import type { RawInputs } from '../../src/config/plan.js'
import { Inputs, Outputs } from '../../src/constants.js'
import { readActionYml } from './action-yml.js'

describe('action.yml', () => {
  // Read inside each test: a broken action.yml then fails every test with the YAML error.
  const action = () => readActionYml()

  it('parses as strict YAML (no duplicate keys, no bare `: ` in a plain scalar)', () => {
    expect(() => readActionYml()).not.toThrow()
  })

  it('has the keys the runner and the Marketplace need, and runs the committed bundle on node24', () => {
    expect(Object.keys(action().raw)).toEqual([
      'name',
      'description',
      'author',
      'branding',
      'inputs',
      'outputs',
      'runs'
    ])
    expect(action().raw).toMatchObject({
      name: 'validate-goproxy',
      description: expect.stringMatching(/\S/),
      branding: { icon: expect.any(String), color: expect.any(String) }
    })
    expect(action().raw.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(existsSync('dist/index.js')).toBe(true)
  })

  it('declares exactly the inputs the code reads, in the same order, each optional and described', () => {
    expect(action().inputs.map(i => i.name)).toEqual(Object.values(Inputs))
    for (const input of action().inputs) {
      expect({ name: input.name, description: input.description }).toEqual({
        name: input.name,
        description: expect.stringMatching(/\S/)
      })
      expect({ name: input.name, required: input.required }).toEqual({
        name: input.name,
        required: false
      })
    }
  })

  it('writes every default as a string, the type the runner hands the action', () => {
    const defaults = action().inputs.filter(i => i.default !== undefined)
    expect(defaults.filter(i => typeof i.default !== 'string').map(i => i.name)).toEqual([])
  })

  it('states the defaults the code applies when an input is left empty', () => {
    const stated: RawInputs = Object.fromEntries(
      action()
        .inputs.filter(i => i.default !== undefined)
        .map(i => [i.name, String(i.default)])
    )
    const ctx = { env: {}, platform: process.platform, defaultCacheDir: '/cache' }
    expect(buildPlan(stated, ctx)).toEqual(buildPlan({}, ctx))
    const env = { RUNNER_TEMP: '/runner-temp' }
    expect(readSettings(stated, env)).toEqual(readSettings({}, env))
  })

  it('declares exactly the outputs the code sets, each described', () => {
    expect(
      action()
        .outputs.map(o => o.name)
        .sort()
    ).toEqual(Object.values(Outputs).sort())
    for (const output of action().outputs) {
      expect({ name: output.name, description: output.description }).toEqual({
        name: output.name,
        description: expect.stringMatching(/\S/)
      })
    }
  })
})
