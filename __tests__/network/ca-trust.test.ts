// The CAs Go trusts: SSL_CERT_FILE and SSL_CERT_DIR make a corporate CA trusted with no other
// setting, as they do for the go command on Linux, while certificate failures keep their reasons.
// The CLI runs in-process with the job's environment given as a value (Node itself never sees it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import * as fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tls from 'node:tls'
import { goRootCertificates, pemCertificates, trustedCertificates } from '../../src/http/trust.js'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE, type ServerCert } from '../world/tls.js'
import { runCli } from './in-process.js'
import { startTlsWorld } from './support.js'

let dir: string
let testCa: string
const worlds = new Map<ServerCert, ProxyWorld>()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-ca-'))
  testCa = await readFile(TEST_CA_FILE, 'utf8')
  for (const cert of ['server', 'expired', 'self-signed'] as const) {
    worlds.set(cert, await startTlsWorld([{ name: 'healthy', fault: 'healthy' }], cert))
  }
})

afterAll(async () => {
  await Promise.all([...worlds.values()].map(w => w.close()))
  await rm(dir, { recursive: true, force: true })
})

const urlOf = (cert: ServerCert): string => worlds.get(cert)?.url('healthy') ?? ''

/** The CLI's one verdict for `proxies` under a job environment of exactly `env` (plus PATH). */
async function verdictWith(proxies: string, env: Record<string, string>) {
  return (await runCli(dir, proxies, env)).verdicts[0]
}

const tlsReason = (cert: ServerCert, problem: string): string =>
  `GET ${urlOf(cert)}/example.com/hello/@v/v1.0.0.info → TLS error: ${problem}`

describe('a proxy whose certificate a corporate CA signed', () => {
  it('is unhealthy when nothing names the CA, saying why', async () => {
    expect(await verdictWith(urlOf('server'), {})).toEqual({
      verdict: 'unhealthy',
      reason: tlsReason(
        'server',
        'unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'
      )
    })
  })

  it('is healthy with SSL_CERT_FILE naming the CA and no other setting', async () => {
    expect(await verdictWith(urlOf('server'), { SSL_CERT_FILE: TEST_CA_FILE })).toMatchObject({
      verdict: 'healthy'
    })
  })

  it('is healthy with the CA in a directory of SSL_CERT_DIR, a ":"-separated list', async () => {
    const certs = join(dir, 'certs')
    await mkdir(certs)
    await copyFile(TEST_CA_FILE, join(certs, 'corp-root.pem'))
    const dirs = `${join(dir, 'missing')}:${certs}`
    expect(await verdictWith(urlOf('server'), { SSL_CERT_DIR: dirs })).toMatchObject({
      verdict: 'healthy'
    })
  })

  it.each([
    ['expired', 'certificate has expired (CERT_HAS_EXPIRED)'],
    ['self-signed', 'self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)']
  ] as const)('keeps the reason for a certificate that is %s', async (cert, problem) => {
    expect(await verdictWith(urlOf(cert), { SSL_CERT_FILE: TEST_CA_FILE })).toEqual({
      verdict: 'unhealthy',
      reason: tlsReason(cert, problem)
    })
  })

  itWithGo('is trusted by the go command with the same SSL_CERT_FILE', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'vgp-ca-go-'))
    const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
      cwd,
      env: { GOPROXY: urlOf('server'), SSL_CERT_FILE: TEST_CA_FILE },
      timeoutMs: 60_000
    })
    expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
  })
})

describe("Go's root files", () => {
  it('reads SSL_CERT_FILE and every file of each SSL_CERT_DIR directory on Linux', async () => {
    const certs = join(dir, 'roots')
    await mkdir(certs, { recursive: true })
    await writeFile(join(certs, 'notes.txt'), 'no certificate here\n')
    await writeFile(join(certs, 'two.pem'), `junk\n${testCa}\n${testCa}`)
    const env = { SSL_CERT_FILE: TEST_CA_FILE, SSL_CERT_DIR: certs }
    const roots = await goRootCertificates(env, 'linux', fs)
    expect(roots).toHaveLength(3)
    expect(roots.every(pem => testCa.includes(pem))).toBe(true)
  })

  it('reads nothing on macOS and Windows, where Go asks the operating system', async () => {
    const env = { SSL_CERT_FILE: TEST_CA_FILE }
    expect(await goRootCertificates(env, 'darwin', fs)).toEqual([])
    expect(await goRootCertificates(env, 'win32', fs)).toEqual([])
    expect(await goRootCertificates(env, 'freebsd', fs)).toHaveLength(1)
  })

  it("keeps Node's own roots and NODE_EXTRA_CA_CERTS when it adds Go's", async () => {
    const extra = join(dir, 'extra.pem')
    await copyFile(TEST_CA_FILE, extra)
    const list = await trustedCertificates(
      { SSL_CERT_FILE: TEST_CA_FILE, SSL_CERT_DIR: join(dir, 'missing') },
      'linux',
      fs
    )
    expect(list).toEqual(expect.arrayContaining([...tls.rootCertificates]))
    expect(list?.filter(pem => pemCertificates(testCa).includes(pem))).toHaveLength(1)
    const withExtra = await trustedCertificates(
      { NODE_EXTRA_CA_CERTS: extra, SSL_CERT_FILE: TEST_CA_FILE, SSL_CERT_DIR: 'x' },
      'linux',
      fs
    )
    expect(withExtra?.length).toBe(list?.length)
  })

  it("leaves Node's defaults alone when nothing is added", async () => {
    // Node 20 cannot read the system store; newer Node can, and then it is added.
    const store = tls as { getCACertificates?: (which: 'system') => string[] }
    const system = store.getCACertificates?.('system') ?? []
    const list = await trustedCertificates({}, 'freebsd', fs)
    expect(list === undefined).toBe(system.length === 0)
  })
})
