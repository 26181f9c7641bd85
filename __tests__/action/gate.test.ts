// The action's side of fail-on, in-process: how the step ends, and the `healthy` and `verdicts`
// outputs, written to a GITHUB_OUTPUT file as the runner reads them.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stepEnd } from '../../src/action/probe-and-report.js'
import { publish } from '../../src/action/outputs.js'
import type { FailOn } from '../../src/config/plan.js'
import type { Verdict } from '../../src/probe/types.js'
import type { RunResult } from '../../src/validate.js'
import { selectChain } from '../../src/select/chain.js'
import { exportedOf } from '../../src/select/exported.js'
import { reportsOf } from '../select/reports.js'
import { parseCommandFile } from '../world/runner.js'

/** What stepEnd and publish read of a run over `list`, each proxy given its verdict. */
function resultOf(list: string, verdicts: Verdict[], failOn: FailOn): RunResult {
  const reports = reportsOf(list, verdicts)
  const selection = selectChain(reports, 'ordered', 'fail')
  return {
    plan: { failOn, patterns: { goprivate: '', gonoproxy: '', gonosumdb: '' } },
    reports,
    selection,
    exported: exportedOf(selection, reports, failOn, { sumdbMirrorUsed: false, requested: true }),
    sumdb: { ok: true, gosumdb: 'off', reason: 'off', mirrorUsed: false },
    build: { modules: [], unresolved: [], tallies: [], contradicted: [], toolchains: [] }
  } as unknown as RunResult
}

describe('stepEnd', () => {
  it('passes a degraded head with fail-on unusable', () => {
    expect(stepEnd(resultOf('https://a,direct', ['degraded'], 'unusable'))).toEqual({
      level: 'info',
      message: 'Exported GOPROXY=https://a,direct — https://a passed its checks.'
    })
  })

  it('fails a degraded head with fail-on degraded, saying why', () => {
    expect(stepEnd(resultOf('https://a,direct', ['degraded'], 'degraded'))).toEqual({
      level: 'failed',
      message:
        'Exported GOPROXY=https://a,direct — https://a passed its checks. https://a heads the exported GOPROXY and is degraded (degraded for a reason); fail-on is `degraded`, so the run fails.'
    })
  })

  it('passes a healthy head with fail-on degraded, whatever follows it', () => {
    const end = stepEnd(resultOf('https://a,https://b', ['healthy', 'degraded'], 'degraded'))
    expect(end.level).toBe('info')
  })

  it('fails a run with nothing usable, whatever fail-on says', () => {
    for (const failOn of ['unusable', 'degraded'] as const) {
      expect(stepEnd(resultOf('https://a', ['unhealthy'], failOn)).level).toBe('failed')
    }
  })
})

describe('publish', () => {
  let dir: string
  let saved: string | undefined
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vgp-outputs-'))
    saved = process.env.GITHUB_OUTPUT
    process.env.GITHUB_OUTPUT = join(dir, 'output')
    writeFileSync(process.env.GITHUB_OUTPUT, '')
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT
    else process.env.GITHUB_OUTPUT = saved
    rmSync(dir, { recursive: true, force: true })
  })

  const outputs = (result: RunResult): Record<string, string> => {
    publish(result, false, '/tmp/report.json')
    return parseCommandFile(readFileSync(join(dir, 'output'), 'utf8'))
  }

  it.each<[FailOn, string]>([
    ['unusable', 'true'],
    ['degraded', 'false']
  ])('sets healthy for a degraded head with fail-on %s to %s', (failOn, healthy) => {
    expect(outputs(resultOf('https://a,direct', ['degraded'], failOn)).healthy).toBe(healthy)
  })

  it('sets verdicts: a JSON object from each candidate to its verdict', () => {
    const result = resultOf('https://a|https://b,direct', ['unhealthy', 'degraded'], 'unusable')
    expect(JSON.parse(outputs(result).verdicts)).toEqual({
      'https://a': 'unhealthy',
      'https://b': 'degraded',
      direct: 'skipped'
    })
  })
})
