/**
 * A hostile checksum database behind a healthy proxy: one that answers after the timeout, one
 * whose signed note is ~10 MB, one with 101 signatures. The run fails (nothing exported, the
 * reason on an ::error:: line) within its timeout and memory bound.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbFault, type SumdbWorld } from '../world/sumdb-server.js'
import { verdictBesidesSlowness } from '../world/load.js'
import { expectBounded, onlyCandidate, PROBE_MODULE, runMeasured } from './measure.js'

const TIMEOUT_MS = 2000

describe('a hostile checksum database', () => {
  let world: ProxyWorld
  let db: SumdbWorld

  beforeAll(async () => {
    const modules = await standardModules()
    world = await startProxyWorld(modules, [{ name: 'plain', fault: 'healthy' }])
    // Far beyond the timeout: from the action's side, a database that never answers.
    db = await startSumdb(modules, { delayMs: 20_000 })
  })
  afterAll(() => Promise.all([world.close(), db.close()]))

  it.each<[SumdbFault, string]>([
    ['slow', `timed out: no complete answer within ${TIMEOUT_MS} ms`],
    ['oversized-note', `body larger than ${64 << 10} bytes`],
    ['many-signatures', 'malformed note: more than 100 signatures']
  ])('%s: the run fails, naming the lookup and why', async (fault, why) => {
    db.setFault(fault)
    const run = await runMeasured({
      timeout: String(TIMEOUT_MS / 1000),
      proxies: world.url('plain'),
      gosumdb: `${db.verifierKey} ${db.url}`
    })
    const lookup = `${db.url}/lookup/${PROBE_MODULE}`
    expect(run.stdout).toContain(
      `::error::The checksum database check failed (${db.url} failed: GET ${lookup} → ${why}); nothing was exported.`
    )
    expect(verdictBesidesSlowness(await onlyCandidate(run))).toBe('healthy')
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    expectBounded(run, TIMEOUT_MS)
  })
})
