// The HTTP layer in-process under HTTPS_PROXY: the exact failure for each way a forward proxy
// fails, the protocol of each agent, and no tunnel left open once the getter is closed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { HttpError } from '../../src/http/types.js'
import { startForwardProxy, type ForwardProxy } from '../world/forward-proxy.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { CORP_HOST, startHttpWorld, startTlsWorld } from './support.js'

const PROXY_VARS = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy'
]

/** @actions/http-client reads the proxy variables from process.env when it makes an agent. */
function useProxyEnv(values: Record<string, string>): () => void {
  const saved = PROXY_VARS.map(name => [name, process.env[name]] as const)
  for (const name of PROXY_VARS) delete process.env[name]
  Object.assign(process.env, values)
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

async function failureOf(promise: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await promise
  } catch (err) {
    if (err instanceof HttpError) return { kind: err.kind, message: err.message }
    throw err
  }
  throw new Error('expected the request to fail')
}

describe('the HTTP layer behind a forward proxy', () => {
  let tls: ProxyWorld
  let plain: ProxyWorld
  let getter: HttpGetter | undefined
  let restoreEnv: (() => void) | undefined

  beforeAll(async () => {
    tls = await startTlsWorld([{ name: 'healthy', fault: 'healthy' }])
    plain = await startHttpWorld([{ name: 'healthy', fault: 'healthy' }])
  })

  afterEach(() => {
    getter?.close()
    getter = undefined
    restoreEnv?.()
  })

  afterAll(async () => {
    await Promise.all([tls.close(), plain.close()])
  })

  const listOf = (base: string): string => `${base}/example.com/hello/@v/list`
  const get = (url: string, timeoutMs = 3000) => {
    getter ??= createHttpGetter()
    return getter.get({ url, timeoutMs, maxBytes: 1 << 20 })
  }

  it('uses an https agent for https after an http request (and the other way round)', async () => {
    restoreEnv = useProxyEnv({})
    expect((await get(listOf(plain.url('healthy')))).status).toBe(200)
    // The test CA is not trusted in this process: a certificate error proves TLS was spoken.
    expect(await failureOf(get(listOf(tls.url('healthy'))))).toEqual({
      kind: 'tls',
      message: 'TLS error: unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'
    })
    expect((await get(listOf(plain.url('healthy')))).status).toBe(200)
  })

  describe('with proxies that fail', () => {
    const proxies: ForwardProxy[] = []
    const start = async (
      options: Parameters<typeof startForwardProxy>[0]
    ): Promise<ForwardProxy> => {
      const proxy = await startForwardProxy(options)
      proxies.push(proxy)
      return proxy
    }

    afterAll(async () => {
      await Promise.all(proxies.map(p => p.close()))
    })

    it('names the 407 of a proxy that wants credentials', async () => {
      const proxy = await start({ requireAuth: { username: 'u', password: 'p' } })
      restoreEnv = useProxyEnv({ HTTPS_PROXY: proxy.url })
      expect(await failureOf(get(listOf(tls.url('healthy', CORP_HOST))))).toEqual({
        kind: 'proxy',
        message:
          'the proxy (HTTPS_PROXY/HTTP_PROXY) answered CONNECT with 407 Proxy Authentication Required'
      })
    })

    it('names the 502 of a proxy that cannot reach the host', async () => {
      const proxy = await start({})
      restoreEnv = useProxyEnv({ HTTP_PROXY: proxy.url })
      expect(await failureOf(get(listOf(plain.url('healthy', 'unknown.corp.test'))))).toEqual({
        kind: 'proxy',
        message: 'the proxy (HTTPS_PROXY/HTTP_PROXY) answered CONNECT with 502 Bad Gateway'
      })
    })

    it('names a proxy that is not listening', async () => {
      const refused = new URL(plain.refusedUrl)
      restoreEnv = useProxyEnv({ HTTPS_PROXY: refused.href })
      expect(await failureOf(get(listOf(tls.url('healthy', CORP_HOST))))).toEqual({
        kind: 'proxy',
        message: `cannot reach the proxy (HTTPS_PROXY/HTTP_PROXY): connect ECONNREFUSED 127.0.0.1:${refused.port}`
      })
    })

    it('times out on a proxy that never answers CONNECT, and closing ends the tunnel request', async () => {
      const proxy = await start({ hangConnect: true })
      restoreEnv = useProxyEnv({ HTTPS_PROXY: proxy.url })
      expect(await failureOf(get(listOf(tls.url('healthy', CORP_HOST)), 500))).toEqual({
        kind: 'timeout',
        message: 'no complete answer within 500 ms'
      })
      expect(proxy.openSockets()).toBe(1)
      getter?.close()
      getter = undefined
      // Bounded wait for the proxy to see the client go away.
      for (let i = 0; i < 100 && proxy.openSockets() > 0; i++)
        await new Promise(r => setTimeout(r, 20))
      expect(proxy.openSockets()).toBe(0)
    })
  })
})
