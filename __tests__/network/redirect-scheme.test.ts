/**
 * Which redirects to http are followed, as the go command decides (web/http.go): only a fetch
 * that began at an https URL refuses a hop to http. A chain http → https → http is followed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHttpGetter } from '../../src/http/get.js'
import { HttpError } from '../../src/http/types.js'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { runCli } from './in-process.js'
import { startHttpWorld, startTlsWorld } from './support.js'

const LIST = '/example.com/hello/@v/list'

/** Where the chains end: a healthy proxy over plain http. */
let end: ProxyWorld
/** `to-http` redirects every request to `end`. */
let secure: ProxyWorld
/** `to-https` redirects every request to `secure`'s `to-http`. */
let start: ProxyWorld

beforeAll(async () => {
  end = await startHttpWorld([{ name: 'good', fault: 'healthy' }])
  secure = await startTlsWorld([
    { name: 'to-http', fault: 'redirect-away', redirectTo: end.url('good') }
  ])
  start = await startHttpWorld([
    { name: 'to-https', fault: 'redirect-away', redirectTo: secure.url('to-http') }
  ])
})
afterAll(() => Promise.all([start.close(), secure.close(), end.close()]))

/** A GET with the test CA trusted: the answer's status, or the failure's kind and message. */
async function get(url: string): Promise<number | { kind: string; message: string }> {
  const getter = createHttpGetter({ trust: async () => [TEST_CA_FILE].map(readCa) })
  try {
    const res = await getter.get({ url, timeoutMs: 10_000, maxBytes: 1 << 20 })
    return res.status
  } catch (err) {
    if (!(err instanceof HttpError)) throw err
    return { kind: err.kind, message: err.message }
  } finally {
    getter.close()
  }
}

function readCa(file: string): string {
  return process.getBuiltinModule('node:fs').readFileSync(file, 'utf8')
}

describe('a redirect to http', () => {
  it('is followed in a chain that began at http, through https', async () => {
    const before = end.requests('good')
    expect(await get(`${start.url('to-https')}${LIST}`)).toBe(200)
    expect(end.requests('good')).toBe(before + 1)
  })

  it('is refused in a chain that began at https, with nothing sent there', async () => {
    const before = end.requests('good')
    expect(await get(`${secure.url('to-http')}${LIST}`)).toEqual({
      kind: 'insecure-redirect',
      message: `refusing redirect from https to insecure URL ${end.url('good')}${LIST}`
    })
    expect(end.requests('good')).toBe(before)
  })

  it('leaves a proxy at http whose chain passes https healthy', async () => {
    const home = await mkdtemp(join(tmpdir(), 'vgp-redirect-scheme-'))
    const run = await runCli(home, start.url('to-https'), { SSL_CERT_FILE: TEST_CA_FILE })
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
  })

  itWithGo('agrees with the go command', async () => {
    const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
      cwd: await mkdtemp(join(tmpdir(), 'vgp-go-')),
      env: { GOPROXY: start.url('to-https'), GOSUMDB: 'off', SSL_CERT_FILE: TEST_CA_FILE },
      timeoutMs: 30_000
    })
    expect({ code: go.code, error: (JSON.parse(go.stdout) as { Error?: string }).Error }).toEqual({
      code: 0,
      error: undefined
    })
  })
})
