/**
 * A proxy whose /sumdb/ route answers 500 to every lookup, with retries: the circuit breaker cuts
 * short whichever lookups are still retrying when it opens, and that is timing. The reason must
 * not follow it: it names the first lookup in order, with what its own last attempt met. Here the
 * first lookup answers slowly, so its retries are the ones the breaker cuts short.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type * as http from 'node:http'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

const FIRST = 'example.com/hello@v1.0.0'
const SECOND = 'rsc.io/quote@v1.5.2'
const SLOW_MS = 400

describe('a checksum-database route that fails every lookup', () => {
  let world: ProxyWorld
  let db: SumdbWorld
  let http: HttpGetter

  /** Serves /supported, and answers every lookup 500 (the first probe module's slowly). */
  const downRoute = (rest: string, res: http.ServerResponse): void => {
    if (rest.endsWith('/supported')) return void res.end('')
    const fail = () => void res.writeHead(500, { 'content-type': 'text/plain' }).end('front down')
    if (rest.includes(`/lookup/${FIRST}`)) setTimeout(fail, SLOW_MS)
    else fail()
  }

  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules)
    world = await startProxyWorld(modules, [{ name: 'front', fault: 'healthy', sumdb: downRoute }])
    http = createHttpGetter()
  })
  afterAll(async () => {
    http.close()
    await Promise.all([world.close(), db.close()])
  })

  it('is named by its first lookup and that lookup’s own answer, whatever the breaker cut', async () => {
    const plan = planOf({
      proxies: world.url('front'),
      gosumdb: db.verifierKey,
      // The truth comes from the database itself; the front's route is what fails.
      'sumdb-mirrors': db.url,
      'probe-modules': `${FIRST} ${SECOND}`,
      retries: '2',
      timeout: '30',
      cache: 'false'
    })
    const result = await validate(plan, { http: http.get, clock: systemClock, log: quietLog })
    // The mirror stands in for the front's route (GOSUMDB="<key> <url>" takes Go past it).
    expect(result.reports[0].verdict).toBe('healthy')
    expect(result.sumdb.reason).toBe(
      `${world.url('front')}/sumdb/${db.name} failed: ` +
        `GET ${world.url('front')}/sumdb/${db.name}/lookup/${FIRST} → 500 error: "front down"; ` +
        `using sumdb mirror ${db.url}`
    )
  })
})
