/**
 * .env.example, the input file for @github/local-action: one INPUT_<NAME> line per input of
 * action.yml, named as the runner names them, with values the action accepts.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readSettings } from '../../src/action/inputs.js'
import { buildPlan } from '../../src/config/build.js'
import type { RawInputs } from '../../src/config/plan.js'
import { readActionYml } from './action-yml.js'

/** KEY=value lines that are not comments, in order (dotenv syntax, unquoted values only). */
function assignments(text: string): [string, string][] {
  return text
    .split(/\r?\n/)
    .filter(line => /^[A-Za-z_][\w.-]*=/.test(line))
    .map(line => {
      const at = line.indexOf('=')
      return [line.slice(0, at), line.slice(at + 1)]
    })
}

describe('.env.example', () => {
  const action = () => readActionYml()
  const lines = assignments(readFileSync('.env.example', 'utf8'))
  const inputLines = lines.filter(([key]) => key.startsWith('INPUT_'))

  it('sets every input of action.yml, in its order, upper-cased with hyphens kept', () => {
    expect(inputLines.map(([key]) => key)).toEqual(
      action().inputs.map(i => `INPUT_${i.name.toUpperCase()}`)
    )
  })

  it('gives values the action accepts', () => {
    const byKey = new Map(inputLines)
    const raw: RawInputs = Object.fromEntries(
      action().inputs.map(i => [i.name, byKey.get(`INPUT_${i.name.toUpperCase()}`) ?? ''])
    )
    const plan = buildPlan(raw, { env: {}, platform: process.platform, defaultCacheDir: '/cache' })
    expect(plan.modules.map(m => m.text)).toEqual(['rsc.io/quote@v1.5.2'])
    expect(plan.checks).toBe('full')
    expect(readSettings(raw, {}).exportEnv).toBe(true)
  })

  it('sets nothing that would make the action reach for the Actions cache service', () => {
    const keys = lines.map(([key]) => key)
    expect(
      keys.filter(key => key === 'ACTIONS_CACHE_URL' || key === 'ACTIONS_RESULTS_URL')
    ).toEqual([])
  })
})
