// The trust store is read only when a request goes over https: a run over plain http never pays
// for reading hundreds of CA files and building a TLS context from them, and an https run reads
// it once, whatever the number of requests.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { startHttpWorld, startTlsWorld } from './support.js'

let httpWorld: ProxyWorld
let tlsWorld: ProxyWorld
let testCa: string
const getters: HttpGetter[] = []

beforeAll(async () => {
  testCa = await readFile(TEST_CA_FILE, 'utf8')
  httpWorld = await startHttpWorld([{ name: 'healthy', fault: 'healthy' }])
  tlsWorld = await startTlsWorld([{ name: 'healthy', fault: 'healthy' }])
})

afterAll(async () => {
  for (const getter of getters) getter.close()
  await Promise.all([httpWorld?.close(), tlsWorld?.close()])
})

/** A getter whose trust store (the test CA only) counts how often it is read. */
function countingGetter(): { getter: HttpGetter; reads: () => number } {
  let reads = 0
  const getter = createHttpGetter({
    trust: async () => {
      reads++
      return [testCa]
    }
  })
  getters.push(getter)
  return { getter, reads: () => reads }
}

const request = (url: string) => ({
  url: `${url}/example.com/hello/@v/list`,
  timeoutMs: 10_000,
  maxBytes: 1 << 20
})

describe('the trust store', () => {
  it('is never read by requests over plain http', async () => {
    const { getter, reads } = countingGetter()
    const answers = await Promise.all(
      [1, 2, 3].map(() => getter.get(request(httpWorld.url('healthy'))))
    )
    expect(answers.map(a => a.status)).toEqual([200, 200, 200])
    expect(reads()).toBe(0)
  })

  it('is read once, before the first https request, and trusted by every one', async () => {
    const { getter, reads } = countingGetter()
    const answers = await Promise.all(
      [1, 2, 3].map(() => getter.get(request(tlsWorld.url('healthy'))))
    )
    // The test CA alone signs the world's certificate: a 200 proves the list was used.
    expect(answers.map(a => a.status)).toEqual([200, 200, 200])
    expect(reads()).toBe(1)
  })
})
