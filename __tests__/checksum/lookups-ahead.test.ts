/**
 * The checksum database is asked about what a candidate served as soon as its probes end, on the
 * route the proof will take, rather than once the slowest candidate has ended; and the route is
 * the one checkIntegrity takes, whichever candidate ends first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { isUsable } from '../../src/probe/types.js'
import { validate } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

const DELAY_MS = 2000

describe('checksum-database lookups start as each candidate’s probes end', () => {
  let db: SumdbWorld
  let world: ProxyWorld
  let http: HttpGetter
  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules)
    world = await startProxyWorld(modules, [
      { name: 'quick', fault: 'healthy', sumdb: db.viaProxy },
      { name: 'slow', fault: 'slow', delayMs: DELAY_MS, sumdb: db.viaProxy }
    ])
    http = createHttpGetter()
  })
  afterAll(async () => {
    http.close()
    await Promise.all([world.close(), db.close()])
  })

  const run = (proxies: string[]) =>
    validate(
      planOf({
        proxies: proxies.map(p => world.url(p)).join('|'),
        gosumdb: db.verifierKey,
        'probe-modules': 'example.com/hello@v1.1.0',
        checks: 'full',
        timeout: '20',
        'slow-threshold': '15',
        cache: 'false'
      }),
      { http: http.get, clock: systemClock, log: quietLog }
    )

  const seenSince = (before: number, persona: string) =>
    world
      .seen()
      .slice(before)
      .filter(s => s.persona === persona)
      .map(s => ({ path: s.path, at: s.at ?? Number.NaN }))

  it('through the first proxy, before the slow one has answered anything', async () => {
    const before = world.seen().length
    const result = await run(['quick', 'slow'])
    expect(result.reports.map(r => isUsable(r.verdict))).toEqual([true, true])
    expect(result.integrity.status).toBe('checked')
    const lookups = seenSince(before, 'quick').filter(s => s.path.includes('/lookup/'))
    expect(lookups.length).toBeGreaterThan(0)
    // Nothing of the slow proxy's is answered before DELAY_MS after its first request arrived.
    const slowFirstAnswer = seenSince(before, 'slow')[0].at + DELAY_MS
    for (const lookup of lookups) expect(lookup.at).toBeLessThan(slowFirstAnswer)
  })

  it('through the route the proof takes: the slow proxy’s, when it comes first in the list', async () => {
    const before = world.seen().length
    const result = await run(['slow', 'quick'])
    expect(result.integrity.status).toBe('checked')
    expect(seenSince(before, 'quick').filter(s => s.path.includes('/sumdb/'))).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/\/supported$/) })
    ])
    expect(seenSince(before, 'slow').some(s => s.path.includes('/lookup/'))).toBe(true)
  })
})
