/**
 * A signed record with only one of a module version's two go.sum lines. The probe is
 * `go mod download M@V` with no go.sum: the go command checks both the .mod and the zip against
 * the database (modfetch checkModSum → checkSumDB) and fails with a SECURITY ERROR on the one the
 * record lacks, from any proxy, at every level of `checks` (it downloads the zip even when the run
 * does not). Each case is judged by the action and by the real go command.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { itWithGo, runGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { standardModules, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { moduleRecord } from '../world/sumdb-log.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

const GO_TIMEOUT_MS = 60_000
const PROBE = 'example.com/hello@v1.0.0'
type Kept = 'mod' | 'zip'

/** The log's record for each version: both lines, but only the `kept` one for the probe. */
function recordKeeping(kept: Kept): (m: ModuleVersion) => Buffer {
  return m => {
    if (`${m.path}@${m.version}` !== PROBE) return moduleRecord(m)
    const line = kept === 'mod' ? `${m.version}/go.mod ${m.modHash}` : `${m.version} ${m.zipHash}`
    return Buffer.from(`${m.path} ${line}\n`)
  }
}

const missing = (noun: string) =>
  `${PROBE}: verifying ${noun}: checksum missing from sumdb response`

describe('a signed record that lacks a line the probe needs', () => {
  let world: ProxyWorld
  let http: HttpGetter
  const dbs = {} as Record<Kept, SumdbWorld>
  const dirs: string[] = []

  beforeAll(async () => {
    const modules = await standardModules()
    world = await startProxyWorld(modules, [
      { name: 'one', fault: 'healthy' },
      { name: 'two', fault: 'healthy' }
    ])
    dbs.mod = await startSumdb(modules, { recordOf: recordKeeping('mod') })
    dbs.zip = await startSumdb(modules, { recordOf: recordKeeping('zip') })
    http = createHttpGetter()
  })

  afterAll(async () => {
    http.close()
    await Promise.all([world.close(), dbs.mod.close(), dbs.zip.close()])
    await Promise.all(dirs.map(dir => rm(dir, { recursive: true, force: true })))
  })

  function run(db: SumdbWorld, checks: string): Promise<RunResult> {
    const plan = planOf({
      proxies: `${world.url('one')},${world.url('two')}`,
      gosumdb: `${db.verifierKey} ${db.url}`,
      'probe-modules': PROBE,
      checks,
      timeout: '30',
      cache: 'false'
    })
    return validate(plan, { http: http.get, clock: systemClock, log: quietLog })
  }

  // [line the record keeps, checks, the file Go names]
  const cases: [Kept, string, string][] = [
    ['mod', 'standard', 'module'],
    ['mod', 'full', 'module'],
    ['zip', 'standard', 'go.mod'],
    ['zip', 'full', 'go.mod']
  ]

  it.each(cases)(
    'only the %s line, checks %s: every proxy fails, in Go’s words (verifying %s)',
    async (kept, checks, noun) => {
      const result = await run(dbs[kept], checks)
      expect(result.sumdb.ok).toBe(true)
      expect(result.reports.map(r => r.verdict)).toEqual(['unhealthy', 'unhealthy'])
      result.reports.forEach((report, i) => {
        expect(report.reason).toContain(`${missing(noun)} (SECURITY ERROR: `)
        expect(report.reason).toMatch(new RegExp(`, served by ${world.url(['one', 'two'][i])}$`))
      })
      expect(result.selection.outcome).toBe('failed')
    }
  )

  for (const [kept, , noun] of cases.filter(c => c[1] === 'full')) {
    itWithGo(
      `only the ${kept} line: go mod download fails, verifying ${noun}`,
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'record-lines-go-'))
        dirs.push(dir)
        const db = dbs[kept]
        const go = await runGo(['mod', 'download', PROBE], {
          cwd: dir,
          env: { GOPROXY: world.url('one'), GOSUMDB: `${db.verifierKey} ${db.url}` },
          timeoutMs: GO_TIMEOUT_MS
        })
        expect(go.code).toBe(1)
        expect(go.stderr).toContain(`go: ${missing(noun)}\n\nSECURITY ERROR\n`)
      },
      2 * GO_TIMEOUT_MS
    )
  }
})
