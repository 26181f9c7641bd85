/**
 * One verdict from all findings: the checksum-database stage and the walk of the build's go.sum
 * run side by side, and whichever finishes first, the candidate gets the same verdict, reason and
 * findings. Each stage is delayed in turn by the servers it talks to, not by hooks in our code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { goSumLines, standardModules, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedServed } from '../world/tamper.js'
import { planOf } from '../world/plan.js'
import { startFront, type Front } from '../world/front.js'

const STAGE_DELAY_MS = 1500
/** The go.sum module's files, which the proxy refuses: a private module it guards. */
const REFUSED = /\/example\.com\/hello\/@v\/v1\.0\.0\./

describe('verdicts do not depend on which stage finishes first', () => {
  let modules: ModuleVersion[]
  let db: SumdbWorld
  let world: ProxyWorld
  let front: Front
  let goSum: string
  let getter: HttpGetter

  beforeAll(async () => {
    modules = await standardModules()
    db = await startSumdb(modules, { delayMs: STAGE_DELAY_MS })
    world = await startProxyWorld(modules, [
      { name: 'bad-zip', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'zip') },
      { name: 'honest', fault: 'healthy' }
    ])
    front = await startFront(world.url('bad-zip'))
    const dir = await mkdtemp(join(tmpdir(), 'vgp-order-'))
    goSum = join(dir, 'go.sum')
    const hello = modules.filter(m => m.path === 'example.com/hello' && m.version === 'v1.0.0')
    await writeFile(goSum, goSumLines(hello))
    getter = createHttpGetter()
  })

  afterAll(async () => {
    getter.close()
    await Promise.all([world.close(), db.close(), front.close()])
  })

  function run(): Promise<RunResult> {
    const plan = planOf({
      proxies: `${front.url},${world.url('honest')}`,
      gosumdb: `${db.verifierKey} ${db.url}`,
      'probe-modules': 'example.com/hello@v1.1.0',
      'go-sum': goSum,
      checks: 'full',
      timeout: '8',
      retries: '0',
      cache: 'false'
    })
    return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
  }

  it('is tampered, with the database proof as the reason, whether the database or go.sum is slow', async () => {
    // The database stage last: the go.sum refusal arrives first.
    db.setFault('slow')
    front.setRules([{ path: REFUSED, status: 403 }])
    const first = await run()
    const databaseLast = first.reports[0]
    // The go.sum stage last: the database proof arrives first.
    db.setFault('healthy')
    front.setRules([{ path: REFUSED, status: 403, delayMs: STAGE_DELAY_MS }])
    const second = await run()
    const goSumLast = second.reports[0]

    for (const report of [databaseLast, goSumLast]) {
      expect(report.verdict).toBe('tampered')
      expect(report.reason).toMatch(
        /^example\.com\/hello@v1\.1\.0: zip hashes to h1:\S+ but the checksum database says h1:/
      )
      expect(report.findings.map(f => `${f.stage}:${f.level}`)).toEqual(['sumdb:tampered'])
    }
    expect(goSumLast.reason).toBe(databaseLast.reason)
    expect(goSumLast.findings).toEqual(databaseLast.findings)
    for (const result of [first, second]) {
      expect(result.selection.goproxy).toBe(world.url('honest'))
      expect(result.build.modules.map(m => [m.outcome, m.servedBy?.display])).toEqual([
        ['served', world.url('honest')]
      ])
    }
  })
})
