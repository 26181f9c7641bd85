/**
 * TLS as the go command's client speaks it. Node accepts servers Go's client refuses: a
 * certificate naming its host only in the Common Name, one with a negative serial number, a TLS
 * 1.2 server with RSA key exchange only (as older corporate appliances are), a cipher suite or key
 * exchange Go never offers. Green there would hand the build a proxy go cannot reach, so each is
 * judged by the real go command against the same server, with and without the GODEBUG settings
 * that make Go accept some of them again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { standardModules } from '../world/modules.js'
import { serverIdentity, TEST_CA_FILE, type ServerCert, type TlsIdentity } from '../world/tls.js'
import { runCli } from './in-process.js'

const MODULE = 'example.com/hello@v1.0.0'
const TLS12 = { maxVersion: 'TLSv1.2' } as const

interface Case {
  name: string
  cert: ServerCert
  server?: Omit<TlsIdentity, 'key' | 'cert'>
  godebug?: string
  /** What Go (and so the action) says; undefined when it can use the proxy. */
  problem?: string
  /** Go's words for it, where they differ from ours. */
  goSays?: string
}

const HANDSHAKE = 'the server sent the alert "handshake failure": it accepts none of the cipher'
const cases: Case[] = [
  { name: 'the certificate names its host in a SAN', cert: 'server' },
  {
    name: 'the host is only in the Common Name',
    cert: 'legacy-cn',
    problem: 'x509: certificate relies on legacy Common Name field, use SANs instead'
  },
  {
    name: 'a negative serial number',
    cert: 'negative-serial',
    problem: 'x509: negative serial number'
  },
  {
    name: 'a negative serial number, GODEBUG=x509negativeserial=1',
    cert: 'negative-serial',
    godebug: 'x509negativeserial=1'
  },
  {
    name: 'RSA key exchange only',
    cert: 'rsa',
    server: { ...TLS12, ciphers: 'AES128-GCM-SHA256' },
    problem: HANDSHAKE,
    goSays: 'tls: handshake failure'
  },
  {
    name: 'RSA key exchange only, GODEBUG=tlsrsakex=1',
    cert: 'rsa',
    server: { ...TLS12, ciphers: 'AES128-GCM-SHA256' },
    godebug: 'http2client=0,tlsrsakex=1'
  },
  {
    name: 'a CBC-SHA256 suite only (off in Go)',
    cert: 'server',
    server: { ...TLS12, ciphers: 'ECDHE-ECDSA-AES128-SHA256' },
    problem: HANDSHAKE,
    goSays: 'tls: handshake failure'
  },
  {
    name: 'a CBC-SHA suite only (on in Go)',
    cert: 'rsa',
    server: { ...TLS12, ciphers: 'ECDHE-RSA-AES128-SHA' }
  },
  {
    name: 'the X448 key exchange only',
    cert: 'server',
    server: { ecdhCurve: 'X448' },
    problem: HANDSHAKE,
    goSays: 'tls: handshake failure'
  }
]

const worlds = new Map<string, ProxyWorld>()
let home: string

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'vgp-go-tls-'))
  const modules = await standardModules()
  for (const c of cases) {
    const tls = { ...serverIdentity(c.cert), ...c.server }
    worlds.set(c.name, await startProxyWorld(modules, [{ name: 'p', fault: 'healthy' }], { tls }))
  }
})
afterAll(async () => {
  await Promise.all([...worlds.values()].map(w => w.close()))
  await rm(home, { recursive: true, force: true })
})

/** The proxy of a case, by the name its certificate gives (legacy-cn names only localhost). */
const urlOf = (c: Case): string => (worlds.get(c.name) as ProxyWorld).url('p', 'localhost')
const envOf = (c: Case): Record<string, string> => ({
  SSL_CERT_FILE: TEST_CA_FILE,
  ...(c.godebug && { GODEBUG: c.godebug })
})

describe('TLS as the go command speaks it', () => {
  it.each(cases.map(c => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runCli(home, urlOf(c), envOf(c))
    expect(run.status).toBe(c.problem ? 1 : 0)
    if (c.problem) expect(run.verdicts[0].reason).toContain(`TLS error: ${c.problem}`)
  })

  for (const c of cases) {
    itWithGo(`${c.name}: the go command agrees`, async () => {
      const cwd = await mkdtemp(join(home, 'go-'))
      const go = await runGo(['mod', 'download', '-json', MODULE], {
        cwd,
        env: { GOPROXY: urlOf(c), GOSUMDB: 'off', ...envOf(c) }
      })
      expect({ code: go.code, said: go.stdout.includes(c.goSays ?? c.problem ?? '') }).toEqual({
        code: c.problem ? 1 : 0,
        said: true
      })
    })
  }
})
