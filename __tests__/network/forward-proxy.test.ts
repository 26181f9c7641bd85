// The bundled action behind a corporate forward proxy: HTTPS_PROXY, HTTP_PROXY and NO_PROXY as
// the runner passes them, with candidates on a host name only the proxy can resolve.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startForwardProxy, type ForwardProxy } from '../world/forward-proxy.js'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import {
  CORP_HOST,
  KILL_AFTER_MS,
  onlyVerdict,
  probe,
  reportOf,
  startHttpWorld,
  startTlsWorld,
  transcript
} from './support.js'

describe('behind a corporate forward proxy', () => {
  let tlsWorld: ProxyWorld
  let httpWorld: ProxyWorld
  let proxy: ForwardProxy
  let tlsUrl: string
  let httpUrl: string

  beforeAll(async () => {
    tlsWorld = await startTlsWorld([{ name: 'healthy', fault: 'healthy' }])
    httpWorld = await startHttpWorld([{ name: 'healthy', fault: 'healthy' }])
    proxy = await startForwardProxy()
    tlsUrl = tlsWorld.url('healthy', CORP_HOST)
    httpUrl = httpWorld.url('healthy', CORP_HOST)
  })

  afterAll(async () => {
    await Promise.all([tlsWorld.close(), httpWorld.close(), proxy.close()])
  })

  /** The proxy log lines a run added. */
  const logDuring = async <T>(fn: () => Promise<T>): Promise<[T, string[]]> => {
    const before = proxy.log.length
    const result = await fn()
    return [result, proxy.log.slice(before)]
  }

  it('reaches an https candidate through HTTPS_PROXY, trusting the CA of NODE_EXTRA_CA_CERTS', async () => {
    const [run, log] = await logDuring(() =>
      probe({ proxies: tlsUrl }, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE })
    )
    expect({ code: run.code, healthy: run.outputs.healthy }).toEqual({ code: 0, healthy: 'true' })
    expect(run.exported.GOPROXY).toBe(tlsUrl)
    expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
    expect(log.length).toBeGreaterThan(0)
    expect(new Set(log)).toEqual(new Set([`CONNECT ${CORP_HOST}:${tlsWorld.port} → 200`]))
  })

  it('goes direct for a host in NO_PROXY, where the name does not resolve: a clear reason', async () => {
    const [run, log] = await logDuring(() =>
      probe(
        { proxies: tlsUrl },
        { HTTPS_PROXY: proxy.url, NO_PROXY: CORP_HOST, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
      )
    )
    expect(run.code).toBe(1)
    const { verdict, reason } = await onlyVerdict(run)
    expect(verdict).toBe('unhealthy')
    expect(reason).toMatch(/cannot resolve host \((ENOTFOUND|EAI_AGAIN)\)/)
    expect(log).toEqual([])
    expect(run.exported).toEqual({})
  })

  it('reaches an http candidate through HTTP_PROXY', async () => {
    const [run, log] = await logDuring(() => probe({ proxies: httpUrl }, { HTTP_PROXY: proxy.url }))
    expect(run.code).toBe(0)
    expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
    const target = `${CORP_HOST}:${httpWorld.port}`
    expect(log.length).toBeGreaterThan(0)
    // @actions/http-client tunnels http too; a proxy may also see absolute-URI requests.
    for (const line of log)
      expect(line).toMatch(new RegExp(`^(CONNECT ${target}|GET http://${target}/\\S*) → 200$`))
  })

  itWithGo(
    'sends the go command the same way: https through CONNECT, http as absolute-URI requests',
    async () => {
      for (const [url, variable] of [
        [tlsUrl, 'HTTPS_PROXY'],
        [httpUrl, 'HTTP_PROXY']
      ] as const) {
        const cwd = await mkdtemp(join(tmpdir(), 'vgp-fwd-go-'))
        const [go, log] = await logDuring(() =>
          runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
            cwd,
            env: { GOPROXY: url, [variable]: proxy.url, SSL_CERT_FILE: TEST_CA_FILE },
            timeoutMs: 60_000
          })
        )
        expect({ url, code: go.code, stderr: go.stderr }).toEqual({ url, code: 0, stderr: '' })
        const target = new URL(url).host
        const expected =
          url === tlsUrl
            ? `CONNECT ${target} → 200`
            : `GET http://${target}/healthy/example.com/hello/@v/v1.0.0.zip → 200`
        expect(log).toContain(expected)
      }
    }
  )

  it('mixes https and http candidates through the proxies with a loopback one that bypasses them', async () => {
    const loopback = httpWorld.url('healthy')
    const run = await probe(
      { proxies: [tlsUrl, httpUrl, loopback].join('|') },
      { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    )
    const { candidates } = await reportOf(run)
    expect(candidates.map(c => [c.url, c.verdict, c.reason])).toEqual([
      [tlsUrl, 'healthy', expect.any(String)],
      [httpUrl, 'healthy', expect.any(String)],
      [loopback, 'healthy', expect.any(String)]
    ])
    expect(run.code).toBe(0)
  })
})

describe('a forward proxy that wants credentials', () => {
  let world: ProxyWorld
  let proxy: ForwardProxy

  beforeAll(async () => {
    world = await startTlsWorld([{ name: 'healthy', fault: 'healthy' }])
    proxy = await startForwardProxy({ requireAuth: { username: 'corp', password: 'proxy pass' } })
  })

  afterAll(async () => {
    await Promise.all([world.close(), proxy.close()])
  })

  it('gets them from the user info of HTTPS_PROXY', async () => {
    const proxyUrl = proxy.url.replace('//', '//corp:proxy%20pass@')
    const run = await probe(
      { proxies: world.url('healthy', CORP_HOST) },
      { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    )
    expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
  })

  it('without them, names the proxy’s 407 in the reason', async () => {
    const run = await probe(
      { proxies: world.url('healthy', CORP_HOST) },
      { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    )
    expect(run.code).toBe(1)
    const { verdict, reason } = await onlyVerdict(run)
    expect(verdict).toBe('unhealthy')
    expect(reason).toMatch(/407/)
    expect(proxy.log.at(-1)).toBe(`CONNECT ${CORP_HOST}:${world.port} → 407`)
  })
})

describe('a forward proxy that never answers CONNECT', () => {
  let world: ProxyWorld
  let proxy: ForwardProxy

  beforeAll(async () => {
    world = await startTlsWorld([{ name: 'healthy', fault: 'healthy' }])
    proxy = await startForwardProxy({ hangConnect: true })
  })

  afterAll(async () => {
    await Promise.all([world.close(), proxy.close()])
  })

  it('times the candidate out and the run still ends promptly', async () => {
    const run = await probe(
      { proxies: world.url('healthy', CORP_HOST), timeout: '2' },
      { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    )
    expect(run.code).toBe(1)
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: expect.stringMatching(/timed out: no complete answer within 2000 ms/)
    })
    // 2 s for the timeout; the process must not wait for the proxy to give up (it never does:
    // the run would be killed at KILL_AFTER_MS). Generous, for start-up on a busy machine.
    expect(run.durationMs).toBeLessThan(KILL_AFTER_MS - 10_000)
    expect(transcript(run)).not.toMatch(/SIGKILL/)
  })
})
