/**
 * A rider that times out never decides its first contact's outcome: the candidate is stopped
 * only once the contact has settled, as it was when the same request came after the contact.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { probeAll } from '../../src/probe/engine.js'
import { createLimiter } from '../../src/resilience/limiter.js'
import { quietLog } from '../world/log.js'
import { planOf } from '../world/plan.js'

const CONTACT = '/rsc.io/quote/@v/v1.5.2.info'

/**
 * The contact's first attempt gets a 503 asking for a retry in 1 s; the retry is answered
 * 1.5 s after it arrives, at 2.5 s. Every other request hangs: the riders, sent at once, time out
 * at 2 s, while the contact's retry is still waiting for its answer.
 */
async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  let contacts = 0
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const server = http.createServer((req, res) => {
    if (req.url !== CONTACT) return // hangs until the client gives up
    if (contacts++ === 0) {
      res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' })
      return void res.end('busy\n')
    }
    const timer = setTimeout(() => {
      timers.delete(timer)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"Version":"v1.5.2","Time":"2018-02-14T00:54:53Z"}')
    }, 1500)
    timers.add(timer)
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

describe('a rider that times out while the first contact retries', () => {
  let server: { url: string; close(): Promise<void> }
  let getter: HttpGetter
  beforeAll(async () => {
    server = await startServer()
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await server.close()
  })

  it('leaves the contact its answer; the candidate then fails on the rider’s timeout', async () => {
    const plan = planOf({
      proxies: server.url,
      'probe-modules': 'rsc.io/quote@v1.5.2',
      checks: 'standard',
      timeout: '2',
      retries: '1',
      gosumdb: 'off',
      cache: 'false'
    })
    const { reports } = await probeAll(plan, {
      http: getter.get,
      clock: systemClock,
      log: quietLog,
      limit: createLimiter(plan.concurrency)
    })
    const [report] = reports
    const contact = report.probes.find(p => p.endpoint === 'info')
    expect(contact).toMatchObject({ ok: true, attempts: 2, status: 200 })
    expect(report.verdict).toBe('unhealthy')
    // The .mod's: the list's timeout leaves pinned builds working (degraded), the .mod's does not.
    expect(report.reason).toMatch(/\/@v\/v1\.5\.2\.mod → timed out/)
  })
})
