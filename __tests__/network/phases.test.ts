// Per-request phase timings (DNS, connect, TLS, first byte, transfer) as blackbox_exporter splits
// a request: measured from the socket's own events, and a phase that did not happen is absent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { withFileUrls } from '../../src/http/file.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import type { HttpPhases } from '../../src/http/types.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { probe, reportOf, startHttpWorld, startTlsWorld, transcript } from './support.js'

const INFO = '/example.com/hello/@v/v1.0.0.info'

describe('request phases', () => {
  let world: ProxyWorld
  let http: HttpGetter

  beforeAll(async () => {
    world = await startHttpWorld([{ name: 'healthy', fault: 'healthy' }])
  })
  afterAll(() => world.close())

  // A fresh getter each test: no connection kept alive from another test.
  const get = async (url: string): Promise<HttpPhases | undefined> => {
    const res = await http.get({ url, timeoutMs: 10_000, maxBytes: 1 << 20 })
    expect(res.status).toBe(200)
    return res.timing.phases
  }

  it('splits a first request to an IP address into connect, first byte and transfer; no DNS, no TLS', async () => {
    http = createHttpGetter()
    try {
      const phases = await get(world.url('healthy') + INFO)
      expect(Object.keys(phases ?? {}).sort()).toEqual(['connectMs', 'firstByteMs', 'transferMs'])
      for (const ms of Object.values(phases ?? {})) expect(ms).toBeGreaterThanOrEqual(0)
    } finally {
      http.close()
    }
  })

  it('reports no DNS, connect or TLS phase for a request on a kept-alive connection', async () => {
    http = createHttpGetter()
    try {
      await get(world.url('healthy') + INFO)
      const again = await get(world.url('healthy') + INFO)
      expect(Object.keys(again ?? {}).sort()).toEqual(['firstByteMs', 'transferMs'])
    } finally {
      http.close()
    }
  })

  it('times the DNS lookup of a host name', async () => {
    http = createHttpGetter()
    try {
      const phases = await get(world.url('healthy', 'localhost') + INFO)
      expect(phases).toMatchObject({
        dnsMs: expect.any(Number),
        connectMs: expect.any(Number),
        firstByteMs: expect.any(Number),
        transferMs: expect.any(Number)
      })
      expect(phases?.tlsMs).toBeUndefined()
    } finally {
      http.close()
    }
  })

  it('gives a file:// answer no phases: there was no network', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vgp-phases-'))
    await mkdir(join(dir, 'example.com/hello/@v'), { recursive: true })
    await writeFile(join(dir, 'example.com/hello/@v/list'), 'v1.0.0\n')
    const fileGet = withFileUrls(() => Promise.reject(new Error('no network here')))
    const res = await fileGet({
      url: `${pathToFileURL(dir).href}/example.com/hello/@v/list`,
      timeoutMs: 1000,
      maxBytes: 1024
    })
    expect(res.status).toBe(200)
    expect(res.timing.phases).toBeUndefined()
  })
})

describe('request phases in the report', () => {
  let tlsWorld: ProxyWorld

  beforeAll(async () => {
    tlsWorld = await startTlsWorld([{ name: 'healthy', fault: 'healthy' }])
  })
  afterAll(() => tlsWorld.close())

  it('include the TLS handshake for an https proxy', async () => {
    const run = await probe(
      { proxies: tlsWorld.url('healthy'), concurrency: '1' },
      { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    )
    expect({ code: run.code, log: transcript(run) }).toMatchObject({ code: 0 })
    const [candidate] = (await reportOf(run)).candidates as unknown as {
      probes: { phases: HttpPhases | null }[]
    }[]
    const phases = candidate.probes.map(p => p.phases)
    // The request that opened the connection: TCP, then the handshake.
    expect(phases).toContainEqual({
      connectMs: expect.any(Number),
      tlsMs: expect.any(Number),
      firstByteMs: expect.any(Number),
      transferMs: expect.any(Number)
    })
    for (const p of phases) {
      expect(p).toMatchObject({ firstByteMs: expect.any(Number), transferMs: expect.any(Number) })
      // A handshake is never reported without the connect it followed.
      if (p?.tlsMs !== undefined) expect(p.connectMs).toEqual(expect.any(Number))
    }
  })
})
