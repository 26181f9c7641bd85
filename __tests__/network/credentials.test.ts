// Basic auth for a private proxy, from the proxy URL or from a netrc file, as the go command
// sends it, and the go command's refusal to send credentials over http.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import {
  onlyVerdict,
  probe,
  reportOf,
  startHttpWorld,
  startTlsWorld,
  transcript
} from './support.js'

const USER = { username: 'gopher', password: 'pr1vate-pass' }
const BASIC = `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`
const TRUSTED = { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vgp-cred-'))
}

describe('a private proxy that requires Basic auth', () => {
  let world: ProxyWorld
  let plain: ProxyWorld
  let base: string
  let withUser: string

  beforeAll(async () => {
    world = await startTlsWorld([{ name: 'private', fault: 'healthy', requireAuth: USER }])
    plain = await startHttpWorld([{ name: 'private', fault: 'healthy', requireAuth: USER }])
    base = world.url('private')
    withUser = base.replace('https://', `https://${USER.username}:${USER.password}@`)
  })

  afterAll(async () => {
    await Promise.all([world.close(), plain.close()])
  })

  /** Authorization headers of the requests a run caused. */
  const headersDuring = async <T>(fn: () => Promise<T>): Promise<[T, (string | undefined)[]]> => {
    const before = world.seen().length
    const result = await fn()
    return [
      result,
      world
        .seen()
        .slice(before)
        .map(r => r.authorization)
    ]
  }

  it('passes with the credentials in the proxy URL, sent on every request', async () => {
    const [run, auth] = await headersDuring(() => probe({ proxies: withUser }, TRUSTED))
    expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
    expect(auth.length).toBeGreaterThan(0)
    expect(new Set(auth)).toEqual(new Set([BASIC]))
    expect(run.outputs.selected).toBe(base.replace('https://', `https://${USER.username}:xxxxx@`))
    expect(run.exported.GOPROXY).toBe(withUser)
  })

  it('fails without credentials, naming the 401', async () => {
    const run = await probe({ proxies: base }, TRUSTED)
    expect(run.code).toBe(1)
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${base}/example.com/hello/@v/v1.0.0.info → 401 error: "401 unauthorized: credentials required"`
    })
  })

  it.each(['NETRC', 'HOME/.netrc'])(
    'passes with credentials from %s, as the go command reads them',
    async where => {
      const dir = await tempDir()
      const netrc = join(dir, '.netrc')
      // The go command keys netrc entries by host:port when the URL has a port.
      await writeFile(
        netrc,
        `machine 127.0.0.1:${world.port}\nlogin ${USER.username}\npassword ${USER.password}\n`
      )
      const env = where === 'NETRC' ? { ...TRUSTED, NETRC: netrc } : TRUSTED
      const options = where === 'NETRC' ? {} : { dir }
      const [run, auth] = await headersDuring(() => probe({ proxies: base }, env, options))
      expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
      expect(new Set(auth)).toEqual(new Set([BASIC]))
      expect(run.stdout).toContain(`::add-mask::${USER.password}`)
      expect(run.exported.GOPROXY).toBe(base)
    }
  )

  itWithGo(
    'agrees with the go command on a netrc file it reads (and one it does not match)',
    async () => {
      for (const [machine, works] of [
        [`127.0.0.1:${world.port}`, true],
        ['127.0.0.1', false]
      ] as const) {
        const dir = await tempDir()
        const netrc = join(dir, 'netrc')
        await writeFile(
          netrc,
          `machine ${machine} login ${USER.username} password ${USER.password}\n`
        )
        const run = await probe({ proxies: base }, { ...TRUSTED, NETRC: netrc })
        expect({ machine, verdict: (await onlyVerdict(run)).verdict }).toEqual({
          machine,
          verdict: works ? 'healthy' : 'unhealthy'
        })
        const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
          cwd: dir,
          env: { GOPROXY: base, GOSUMDB: 'off', NETRC: netrc, SSL_CERT_FILE: TEST_CA_FILE },
          timeoutMs: 60_000
        })
        expect({ machine, goOk: go.code === 0 }).toEqual({ machine, goOk: works })
        if (!works) expect(go.stdout + go.stderr).toContain('401 Unauthorized')
      }
    }
  )

  it('refuses credentials in an http:// URL before any request, exporting nothing', async () => {
    const insecure = plain
      .url('private')
      .replace('http://', `http://${USER.username}:${USER.password}@`)
    const before = plain.totalRequests()
    const run = await probe({ proxies: insecure }, {})
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::Invalid input 'proxies': `)
    expect(run.stdout).toContain('the go command refuses to send credentials to an insecure URL')
    expect(plain.totalRequests()).toBe(before)
    expect(run.exported).toEqual({})
    expect(transcript(run)).not.toContain(USER.password)
  })
})

describe('a private proxy that takes a token as the URL user name', () => {
  // Go sends `https://TOKEN@host` as Basic auth with an empty password, and its URL.Redacted
  // would show the token: here it is the credential, masked like a password.
  const TOKEN = { username: 'glpat-t0ken-as-user-name', password: '' }
  let world: ProxyWorld
  let withToken: string

  beforeAll(async () => {
    world = await startTlsWorld([{ name: 'private', fault: 'healthy', requireAuth: TOKEN }])
    withToken = world.url('private').replace('https://', `https://${TOKEN.username}@`)
  })

  afterAll(async () => {
    await world.close()
  })

  it('passes, masks the token and never shows it', async () => {
    const run = await probe({ proxies: withToken }, TRUSTED)
    expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
    expect(run.exported.GOPROXY).toBe(withToken)
    expect(run.stdout).toContain(`::add-mask::${TOKEN.username}`)
    expect(run.outputs.selected).toBe(world.url('private').replace('https://', 'https://xxxxx@'))
    const shown = transcript(run).replaceAll(`::add-mask::${TOKEN.username}`, '')
    expect(shown).not.toContain(TOKEN.username)
    expect(JSON.stringify(await reportOf(run))).not.toContain(TOKEN.username)
    expect(JSON.stringify(run.outputs)).not.toContain(TOKEN.username)
  })

  itWithGo('is a URL the go command downloads through, as exported', async () => {
    const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
      cwd: await tempDir(),
      env: { GOPROXY: withToken, GOSUMDB: 'off', SSL_CERT_FILE: TEST_CA_FILE },
      timeoutMs: 60_000
    })
    expect(go.code).toBe(0)
  })
})
