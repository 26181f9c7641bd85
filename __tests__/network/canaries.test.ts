// Secret canaries: a unique password per case, given as the proxy URL's password, in a netrc file
// and in a profile. It must reach the runner only as a mask request and the exported GOPROXY, and
// the exported environment must then work for the real go command.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startForwardProxy, type ForwardProxy } from '../world/forward-proxy.js'
import { itThenGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import type { ActionRun } from '../world/runner.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { CORP_HOST, onlyVerdict, probe, startTlsWorld, transcript } from './support.js'

const USER = 'ci-bot'

/** What a run exported, and what else the go command needs in its environment to use it. */
interface Exported {
  exported: Record<string, string>
  extraEnv?: Record<string, string>
}

/** A password that only this case knows; `/` and `@` make its URL-encoded form differ. */
function canary(): string {
  return `cnry/${randomBytes(9).toString('hex')}@x`
}

/** Every way the password could leak: as is, URL-encoded, and inside a Basic auth header. */
function leakForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(`${USER}:${secret}`).toString('base64')]
}

/** The workflow command that asks the runner to mask `secret` (@actions/core escapes %, CR, LF). */
function maskCommand(secret: string): string {
  return `::add-mask::${secret.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`
}

/** Every file below `dir`, as its path and its content (file names count as places too). */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter(e => e.isFile()).map(e => join(e.parentPath, e.name))
  return Promise.all(files.map(async path => ({ path, text: await readFile(path, 'latin1') })))
}

/** The places the run left text in, except the GOPROXY value it exported, each with a name. */
async function placesOf(run: ActionRun, cacheDir: string): Promise<Map<string, string>> {
  const places = new Map<string, string>()
  // The mask requests themselves carry the secret, on purpose: that is how the runner learns it.
  places.set('stdout', run.stdout.replace(/^::add-mask::.*$/gm, ''))
  places.set('stderr', run.stderr)
  for (const dir of [run.dir, cacheDir]) {
    for (const { path, text } of await filesUnder(dir)) {
      const kept =
        path === join(run.dir, 'env') ? text.replace(run.exported.GOPROXY ?? '', '') : text
      places.set(path, `${path}\n${kept}`)
    }
  }
  return places
}

async function expectNoLeak(run: ActionRun, cacheDir: string, secret: string): Promise<void> {
  const places = await placesOf(run, cacheDir)
  expect(places.has(join(run.dir, 'env'))).toBe(true)
  expect(places.has(run.outputs.report)).toBe(true)
  for (const [place, text] of places) {
    for (const form of leakForms(secret))
      expect({ place, leaked: text.includes(form) }).toEqual({ place, leaked: false })
  }
}

describe('secret canaries', () => {
  const secrets = { url: canary(), netrc: canary(), profile: canary() }
  let world: ProxyWorld
  let proxy: ForwardProxy

  beforeAll(async () => {
    world = await startTlsWorld(
      Object.entries(secrets).map(([name, password]) => ({
        name,
        fault: 'healthy' as const,
        requireAuth: { username: USER, password }
      }))
    )
    proxy = await startForwardProxy()
  })

  afterAll(async () => {
    await Promise.all([world.close(), proxy.close()])
  })

  const env = (): Record<string, string> => ({
    HTTPS_PROXY: proxy.url,
    NODE_EXTRA_CA_CERTS: TEST_CA_FILE
  })
  const withPassword = (name: string, secret: string): string =>
    world.url(name, CORP_HOST).replace('https://', `https://${USER}:${encodeURIComponent(secret)}@`)

  /** Runs the action with a fresh cache directory, which the leak check reads afterwards. */
  const run = async (
    inputs: Record<string, string>,
    extraEnv: Record<string, string> = {}
  ): Promise<{ run: ActionRun; cacheDir: string }> => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-canary-cache-'))
    const result = await probe(
      { cache: 'true', 'cache-dir': cacheDir, ...inputs },
      { ...env(), ...extraEnv }
    )
    return { run: result, cacheDir }
  }

  /** The go half: the go command downloads a module with exactly what the action exported. */
  const goDownloads = {
    name: 'the go command downloads with what it exported',
    test: async ({ exported, extraEnv = {} }: Exported): Promise<void> => {
      const cwd = await mkdtemp(join(tmpdir(), 'vgp-canary-go-'))
      const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
        cwd,
        env: { ...exported, HTTPS_PROXY: proxy.url, SSL_CERT_FILE: TEST_CA_FILE, ...extraEnv },
        timeoutMs: 60_000
      })
      expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
      expect(JSON.parse(go.stdout)).toMatchObject({ Path: 'example.com/hello', Version: 'v1.0.0' })
    }
  }

  itThenGo(
    'in the proxy URL: masked, exported only in GOPROXY',
    async (): Promise<Exported> => {
      const secret = secrets.url
      const { run: result, cacheDir } = await run({ proxies: withPassword('url', secret) })
      expect(await onlyVerdict(result)).toMatchObject({ verdict: 'healthy' })
      expect(result.stdout).toContain(maskCommand(secret))
      expect(result.stdout).toContain(maskCommand(encodeURIComponent(secret)))
      expect(result.exported.GOPROXY).toBe(withPassword('url', secret))
      await expectNoLeak(result, cacheDir, secret)
      return { exported: result.exported }
    },
    goDownloads
  )

  itThenGo(
    'in a netrc file: masked, and nowhere at all in what the run leaves',
    async (): Promise<Exported> => {
      const secret = secrets.netrc
      const netrc = join(await mkdtemp(join(tmpdir(), 'vgp-canary-netrc-')), 'netrc')
      await writeFile(
        netrc,
        `machine ${CORP_HOST}:${world.port}\nlogin ${USER}\npassword ${secret}\n`
      )
      const { run: result, cacheDir } = await run(
        { proxies: world.url('netrc', CORP_HOST) },
        { NETRC: netrc }
      )
      expect(await onlyVerdict(result)).toMatchObject({ verdict: 'healthy' })
      expect(result.stdout).toContain(maskCommand(secret))
      expect(result.exported.GOPROXY).toBe(world.url('netrc', CORP_HOST))
      await expectNoLeak(result, cacheDir, secret)
      return { exported: result.exported, extraEnv: { NETRC: netrc } }
    },
    goDownloads
  )

  itThenGo(
    'in a profile: masked, exported only in GOPROXY',
    async (): Promise<Exported> => {
      const secret = secrets.profile
      const url = withPassword('profile', secret)
      const { run: result, cacheDir } = await run({
        profiles: `{ corp: { proxies: "${url}" } }`,
        profile: 'corp'
      })
      expect(await onlyVerdict(result)).toMatchObject({ verdict: 'healthy' })
      expect(result.stdout).toContain(maskCommand(secret))
      expect(result.exported.GOPROXY).toBe(url)
      await expectNoLeak(result, cacheDir, secret)
      return { exported: result.exported }
    },
    goDownloads
  )

  it('in the proxy URL spelled with lower-case escapes: that spelling, exported, is masked too', async () => {
    const secret = secrets.url
    const url = withPassword('url', secret).replace(/%2F/g, '%2f')
    const spelled = encodeURIComponent(secret).replace(/%2F/g, '%2f')
    const { run: result, cacheDir } = await run({ proxies: url })
    expect(await onlyVerdict(result)).toMatchObject({ verdict: 'healthy' })
    expect(result.exported.GOPROXY).toBe(url)
    expect(result.stdout).toContain(maskCommand(secret))
    expect(result.stdout).toContain(maskCommand(spelled))
    await expectNoLeak(result, cacheDir, secret)
  })

  it('in a proxy URL the proxy rejects: the failing run leaks it nowhere either', async () => {
    const secret = canary()
    const { run: result, cacheDir } = await run({ proxies: withPassword('url', secret) })
    expect(result.code).toBe(1)
    const { verdict, reason } = await onlyVerdict(result)
    expect({ verdict, reason }).toEqual({
      verdict: 'unhealthy',
      reason: expect.stringContaining('→ 401 error: "401 unauthorized: credentials required"')
    })
    expect(result.exported).toEqual({})
    expect(result.stdout).toContain(maskCommand(secret))
    await expectNoLeak(result, cacheDir, secret)
    expect(transcript(result).replace(/^::add-mask::.*$/gm, '')).not.toContain(secret)
  })
})
