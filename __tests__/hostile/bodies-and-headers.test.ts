/**
 * Hostile and broken servers at the HTTP level, each against the bundled action: the verdict
 * names what went wrong, the run ends within its timeout (plus start-up), and its memory stays
 * below the bound whatever the server sends.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type Fault, type ProxyWorld } from '../world/proxy-server.js'
import { startRawServer, type RawBehaviour, type RawServer } from '../world/raw-http.js'
import { expectBounded, FIRST_REQUEST, onlyVerdict, runMeasured } from './measure.js'

const TIMEOUT_MS = 2000
const INPUTS = { timeout: String(TIMEOUT_MS / 1000), checks: 'full' }

describe('a proxy that misbehaves while it answers', () => {
  let world: ProxyWorld
  const faults: Fault[] = [
    'dribble',
    'gzip-dribble',
    'reset-mid-body',
    'gzip-reset-mid-body',
    'gzip-bomb',
    'gzip-bomb-zip'
  ]

  beforeAll(async () => {
    world = await startProxyWorld(
      await standardModules(),
      faults.map(fault => ({ name: fault, fault }))
    )
  })
  afterAll(() => world.close())

  it.each<[Fault, string]>([
    ['dribble', `timed out: no complete answer within ${TIMEOUT_MS} ms`],
    ['gzip-dribble', `timed out: no complete answer within ${TIMEOUT_MS} ms`],
    // The server closes the connection before the body's Content-Length: Go's "unexpected EOF".
    ['reset-mid-body', 'unexpected EOF: the body ended after 50 of 100 bytes'],
    ['gzip-reset-mid-body', 'unexpected EOF'],
    ['gzip-bomb', 'body larger than 4194304 bytes']
  ])('%s: unhealthy, naming the first request and why', async (fault, why) => {
    const run = await runMeasured({ ...INPUTS, proxies: world.url(fault) })
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${world.url(fault)}${FIRST_REQUEST} → ${why}`
    })
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    expectBounded(run, TIMEOUT_MS)
  })

  it('gzip-bomb-zip: a zip that inflates past its 64 MiB cap costs at most the cap', async () => {
    const run = await runMeasured({ ...INPUTS, proxies: world.url('gzip-bomb-zip') })
    const zip = `${world.url('gzip-bomb-zip')}/example.com/hello/@v/v1.0.0.zip`
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${zip} → body larger than ${64 << 20} bytes`
    })
    expect(run.code).toBe(1)
    expectBounded(run, TIMEOUT_MS)
  })
})

describe('a server whose headers never end', () => {
  const servers = new Map<RawBehaviour, RawServer>()

  beforeAll(async () => {
    for (const behaviour of ['endless-headers', 'huge-header', 'slow-headers'] as const) {
      servers.set(behaviour, await startRawServer(behaviour))
    }
  })
  afterAll(() => Promise.all([...servers.values()].map(s => s.close())))

  // Node's parser copies a header line that keeps growing on every read, so reaching Go's 10 MiB
  // in one line takes seconds on a busy machine: a timeout that leaves room for it.
  const PARSE_ROOM_MS = 30_000
  it.each<[RawBehaviour, string, number]>([
    ['endless-headers', 'response headers too large', PARSE_ROOM_MS],
    ['huge-header', 'response headers too large', PARSE_ROOM_MS],
    ['slow-headers', `timed out: no complete answer within ${TIMEOUT_MS} ms`, TIMEOUT_MS]
  ])('%s: unhealthy, %s', async (behaviour, why, timeoutMs) => {
    const server = servers.get(behaviour) as RawServer
    const timeout = String(timeoutMs / 1000)
    const run = await runMeasured({ ...INPUTS, timeout, proxies: server.url })
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${server.url}${FIRST_REQUEST} → ${why}`
    })
    expect(run.code).toBe(1)
    // The first contact, and at most once each what rides beside it: the default probe modules'
    // list, @latest, .mod and .zip of the pinned one, list and @latest of the other, /supported.
    expect(server.connections()).toBeGreaterThanOrEqual(1)
    expect(server.connections()).toBeLessThanOrEqual(1 + 7)
    expectBounded(run, timeoutMs)
  })
})
