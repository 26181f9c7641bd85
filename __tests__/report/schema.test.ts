/**
 * report.schema.json against real reports: the engine run on the test world (every verdict and
 * outcome, cached verdicts, a sumdb mirror, a failed run), the CLI's JSON, and the report the
 * bundled action writes. A report the schema rejects, or a schema that accepts anything, fails.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatResult } from '../../src/cli/format.js'
import { systemClock } from '../../src/clock.js'
import { planOf } from '../world/plan.js'
import type { RawInputs } from '../../src/config/plan.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { REPORT_SCHEMA, jsonReport, type RunContext } from '../../src/report/json.js'
import { VERSION } from '../../src/constants.js'
import type { HttpPhases } from '../../src/http/types.js'
import { createLocalStore } from '../../src/cache/local-store.js'
import { validate, type RunResult } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runAction } from '../world/runner.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedServed } from '../world/tamper.js'
import { loadReportValidator, type ReportValidator } from './validator.js'

const MODULES = 'example.com/hello example.com/Upper/Case@v0.1.0'

const CONTEXT: RunContext = {
  runId: '42',
  runAttempt: '1',
  job: 'probe',
  workflow: 'CI',
  repository: 'octo/app',
  runnerOs: 'Linux',
  profile: 'eu-prod',
  matrix: { os: 'ubuntu-latest', shard: 2 }
}

describe('report.schema.json', () => {
  let validator: ReportValidator
  let db: SumdbWorld
  let world: ProxyWorld
  let http: HttpGetter

  beforeAll(async () => {
    validator = await loadReportValidator()
    const modules = await standardModules()
    db = await startSumdb(modules, { delayMs: 100 })
    world = await startProxyWorld(modules, [
      { name: 'honest', fault: 'healthy', sumdb: db.viaProxy },
      { name: 'plain', fault: 'healthy' },
      { name: 'stale', fault: 'stale' },
      { name: 'broken', fault: 'status-500' },
      { name: 'bad-zip', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'zip') }
    ])
    http = createHttpGetter()
  })

  afterAll(async () => {
    http.close()
    await Promise.all([world.close(), db.close()])
  })

  // Nothing here hangs: a generous timeout keeps a busy machine far from the slow threshold.
  async function run(
    raw: RawInputs,
    store?: ReturnType<typeof createLocalStore>
  ): Promise<RunResult> {
    const inputs = {
      'probe-modules': MODULES,
      checks: 'full',
      timeout: '30',
      retries: '0',
      cache: 'false',
      ...raw
    }
    const plan = planOf(inputs)
    return validate(plan, { http: http.get, clock: systemClock, log: quietLog, store })
  }

  /** The report as a consumer reads it: serialized and parsed, as the action writes it. */
  const reportOf = (result: RunResult, context: RunContext = CONTEXT): Record<string, unknown> =>
    JSON.parse(JSON.stringify(jsonReport(result, context)))

  function expectValid(report: unknown): void {
    expect(validator.problems(report)).toEqual([])
  }

  it('names itself: $id, title and the schema constant the code writes', () => {
    const { schema } = validator
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toBe('urn:validate-goproxy:report@1')
    expect(schema.title).toBe('validate-goproxy report')
    expect(schema.properties).toMatchObject({ schema: { const: REPORT_SCHEMA } })
  })

  it('documents every property and definition it declares', () => {
    const undocumented: string[] = []
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return
      for (const [key, child] of Object.entries(node)) {
        const declared = key === 'properties' || key === '$defs'
        for (const [name, value] of declared ? Object.entries(child as object) : []) {
          const { description, $ref } = value as { description?: unknown; $ref?: unknown }
          // A $ref's target carries the description.
          if (typeof description !== 'string' && $ref === undefined)
            undocumented.push(`${at}/${key}/${name}`)
        }
        walk(child, `${at}/${key}`)
      }
    }
    walk(validator.schema, '#')
    expect(undocumented).toEqual([])
  })

  it('accepts a run with every verdict: healthy, degraded, unhealthy, tampered, skipped', async () => {
    db.setFault('healthy')
    const proxies =
      ['honest', 'stale', 'broken', 'bad-zip'].map(p => world.url(p)).join('|') + ',direct'
    const result = await run({ proxies, gosumdb: db.verifierKey })
    const report = reportOf(result)
    expect(report.candidates).toMatchObject([
      { verdict: 'healthy', sumdb: 'supported' },
      { verdict: 'degraded' },
      { verdict: 'unhealthy' },
      { verdict: 'tampered' },
      { verdict: 'skipped', url: 'direct' }
    ])
    expect(report.sumdb).toMatchObject({
      status: 'checked',
      ok: true,
      routes: [{ kind: 'proxy', ok: true }]
    })
    expectValid(report)
  })

  it('accepts cached verdicts from a second run on the same cache directory', async () => {
    db.setFault('healthy')
    const store = createLocalStore(await mkdtemp(join(tmpdir(), 'vgp-schema-cache-')), quietLog)
    const inputs = {
      proxies: `${world.url('honest')},${world.url('broken')}`,
      gosumdb: db.verifierKey,
      cache: 'true'
    }
    const first = reportOf(await run(inputs, store))
    const second = reportOf(await run(inputs, store))
    expect(first.candidates).toMatchObject([{ cached: null }, { cached: null }])
    expect(second.candidates).toMatchObject([
      { verdict: 'healthy', cached: { ageMs: expect.any(Number) } },
      { verdict: 'unhealthy', cached: { storedAt: expect.any(String) } }
    ])
    expect(second.sumdb).toMatchObject({ status: 'not-checked' })
    expectValid(first)
    expectValid(second)
  })

  it('accepts a run where a sumdb mirror stood in for the database', async () => {
    db.setFault('healthy')
    const result = await run({
      proxies: world.url('plain'),
      gosumdb: `${db.verifierKey} ${world.refusedUrl}`,
      'sumdb-mirrors': db.url
    })
    const report = reportOf(result)
    expect(report).toMatchObject({ fallbackUsed: true, sumdb: { mirrorUsed: true, route: db.url } })
    expect((report.sumdb as { routes: { kind: string }[] }).routes.map(r => r.kind)).toEqual([
      'explicit',
      'mirror'
    ])
    expectValid(report)
  })

  it.each<[string, (url: (persona: string) => string) => RawInputs, Record<string, unknown>]>([
    [
      'failed',
      url => ({ proxies: url('broken') }),
      { outcome: 'failed', selected: null, exported: { GOPROXY: null } }
    ],
    [
      'on-failure: direct',
      url => ({ proxies: url('broken'), 'on-failure': 'direct' }),
      { outcome: 'on-failure-direct', selected: 'direct' }
    ],
    [
      'on-failure: keep',
      url => ({ proxies: url('broken'), 'on-failure': 'keep' }),
      { outcome: 'on-failure-keep', selected: null }
    ],
    [
      'with nothing to probe',
      () => ({ proxies: 'direct' }),
      { outcome: 'nothing-to-probe', selected: 'direct' }
    ],
    [
      'quick, GOSUMDB off',
      url => ({ proxies: url('plain'), checks: 'quick' }),
      { outcome: 'proxies', sumdb: { status: 'not-checked' } }
    ]
  ])('accepts the report of a run that ended %s', async (_, inputs, expected) => {
    const report = reportOf(await run({ gosumdb: 'off', ...inputs(persona => world.url(persona)) }))
    expect(report).toMatchObject(expected)
    expectValid(report)
  })

  it('carries the tool version and, for each http request, its phases', async () => {
    const report = reportOf(await run({ proxies: world.url('plain'), gosumdb: 'off' }))
    expect(report.version).toBe(VERSION)
    const [candidate] = report.candidates as { probes: { phases: HttpPhases | null }[] }[]
    expect(candidate.probes.length).toBeGreaterThan(0)
    for (const { phases } of candidate.probes) {
      expect(phases).toMatchObject({
        firstByteMs: expect.any(Number),
        transferMs: expect.any(Number)
      })
      // http to an IP address: no lookup, no handshake, and neither is reported as 0.
      expect(phases).not.toHaveProperty('dnsMs')
      expect(phases).not.toHaveProperty('tlsMs')
    }
    expectValid(report)
  })

  it('accepts the JSON the CLI prints, with its smaller context', async () => {
    const result = await run({ proxies: world.url('plain'), gosumdb: 'off', checks: 'quick' })
    const printed = JSON.parse(formatResult(result, 'json', 'linux'))
    expect(printed.context).toEqual({ runnerOs: 'linux' })
    expectValid(printed)
  })

  it('accepts the report the bundled action writes', async () => {
    db.setFault('healthy')
    const action = await runAction(
      {
        proxies: `${world.url('honest')},${world.url('broken')}`,
        gosumdb: db.verifierKey,
        'probe-modules': MODULES,
        checks: 'full',
        timeout: '30'
      },
      {
        env: {
          GITHUB_RUN_ID: '7',
          GITHUB_RUN_ATTEMPT: '2',
          GITHUB_JOB: 'probe',
          GITHUB_WORKFLOW: 'CI',
          GITHUB_REPOSITORY: 'octo/app',
          RUNNER_OS: 'Linux',
          VALIDATE_GOPROXY_MATRIX: '{"os":"ubuntu-latest","go":["1.25","1.26"]}'
        }
      }
    )
    expect(action.code).toBe(0)
    const report = JSON.parse(await readFile(action.outputs.report, 'utf8'))
    expect(report).toMatchObject({
      schema: REPORT_SCHEMA,
      context: {
        runId: '7',
        runnerOs: 'Linux',
        matrix: { os: 'ubuntu-latest', go: ['1.25', '1.26'] }
      },
      sumdb: { ok: true }
    })
    expectValid(report)
  })

  it('rejects reports that break the contract, naming the place', async () => {
    const report = reportOf(
      await run({ proxies: world.url('plain'), gosumdb: 'off', checks: 'quick' })
    )
    const candidate = (report.candidates as Record<string, unknown>[])[0]
    const probe = (candidate.probes as Record<string, unknown>[])[0]
    const broken: [unknown, RegExp][] = [
      [{ ...report, schema: 'validate-goproxy/report@0' }, /^\/schema must be equal to constant/],
      [{ ...report, extra: 1 }, /^\/ must NOT have additional properties .*"extra"/],
      [{ ...report, timestamp: 'yesterday' }, /^\/timestamp must match format "date-time"/],
      [
        { ...report, candidates: [{ ...candidate, verdict: 'fine' }] },
        /^\/candidates\/0\/verdict must be equal to one of the allowed values/
      ],
      [
        { ...report, candidates: [{ ...candidate, cached: { ageMs: 1 } }] },
        /^\/candidates\/0\/cached must have required property 'storedAt'/
      ],
      [{ ...report, version: undefined }, /^\/ must have required property 'version'/],
      [
        {
          ...report,
          candidates: [{ ...candidate, probes: [{ ...probe, phases: { resolveMs: 1 } }] }]
        },
        /^\/candidates\/0\/probes\/0\/phases must NOT have additional properties/
      ]
    ]
    for (const [bad, message] of broken)
      expect(validator.problems(bad)).toContainEqual(expect.stringMatching(message))
  })
})
