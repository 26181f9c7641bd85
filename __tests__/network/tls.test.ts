// TLS as the bundled action meets it on a runner: a corporate CA trusted only through
// NODE_EXTRA_CA_CERTS, self-signed and expired certificates, and a host name the certificate
// does not name. Every failure must say what is wrong with the certificate, and end promptly.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startForwardProxy, type ForwardProxy } from '../world/forward-proxy.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE, type ServerCert } from '../world/tls.js'
import { CORP_HOST, onlyVerdict, probe, reportOf, startTlsWorld } from './support.js'

const TRUSTED = { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }

describe('TLS certificates', () => {
  const worlds = new Map<ServerCert, ProxyWorld>()
  let proxy: ForwardProxy

  beforeAll(async () => {
    for (const cert of ['server', 'self-signed', 'expired'] as const) {
      worlds.set(cert, await startTlsWorld([{ name: 'healthy', fault: 'healthy' }], cert))
    }
    proxy = await startForwardProxy({ hosts: { 'other.corp.test': '127.0.0.1' } })
  })

  afterAll(async () => {
    await Promise.all([...worlds.values()].map(w => w.close()).concat(proxy.close()))
  })

  const urlOf = (cert: ServerCert, host?: string): string =>
    worlds.get(cert)?.url('healthy', host) ?? ''

  it('trusts the corporate CA given in NODE_EXTRA_CA_CERTS', async () => {
    const run = await probe({ proxies: urlOf('server') }, TRUSTED)
    expect(run.code).toBe(0)
    expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
    expect(run.exported.GOPROXY).toBe(urlOf('server'))
  })

  // Retries allowed: a certificate failure is still asked once, never retried or waited out.
  it.each([
    [
      'a certificate from a CA it was not told of',
      'server',
      {},
      'unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'
    ],
    [
      'a self-signed certificate',
      'self-signed',
      TRUSTED,
      'self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)'
    ],
    ['an expired certificate', 'expired', TRUSTED, 'certificate has expired (CERT_HAS_EXPIRED)']
  ] as const)('judges %s unhealthy (fixture %s)', async (_what, cert, env, problem) => {
    const run = await probe({ proxies: urlOf(cert), retries: '2' }, env)
    expect(run.code).toBe(1)
    const { verdict, reason } = await onlyVerdict(run)
    expect(verdict).toBe('unhealthy')
    expect(reason).toBe(
      `GET ${urlOf(cert)}/example.com/hello/@v/v1.0.0.info → TLS error: ${problem}`
    )
    expect(run.exported).toEqual({})
    expect(run.stdout).toContain(`::error::No candidate passed`)
    const { candidates } = await reportOf(run)
    const sent = candidates[0].probes.filter(p => p.attempts > 0)
    expect(sent.map(p => [p.attempts, p.problem])).toEqual([[1, `TLS error: ${problem}`]])
  })

  it('keeps the certificate error when the connection goes through a forward proxy tunnel', async () => {
    const url = urlOf('expired', CORP_HOST)
    const run = await probe({ proxies: url }, { ...TRUSTED, HTTPS_PROXY: proxy.url })
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${url}/example.com/hello/@v/v1.0.0.info → TLS error: certificate has expired (CERT_HAS_EXPIRED)`
    })
  })

  it('names a host the certificate does not cover', async () => {
    const url = urlOf('server', 'other.corp.test')
    const run = await probe({ proxies: url }, { ...TRUSTED, HTTPS_PROXY: proxy.url })
    const { verdict, reason } = await onlyVerdict(run)
    expect(verdict).toBe('unhealthy')
    expect(reason).toContain(
      `TLS error: Hostname/IP does not match certificate's altnames: Host: other.corp.test.`
    )
    expect(reason).toMatch(/\(ERR_TLS_CERT_ALTNAME_INVALID\)$/)
  })
})
