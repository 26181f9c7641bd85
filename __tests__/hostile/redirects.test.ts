/**
 * Redirects as the go command follows them: a chain the go command follows is followed, one it
 * stops is stopped with its words, and a redirect from https to http or to a file: URL is
 * refused without a request to where it points.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { serverIdentity, TEST_CA_FILE } from '../world/tls.js'
import { verdictBesidesSlowness } from '../world/load.js'
import {
  expectBounded,
  FIRST_REQUEST,
  onlyCandidate,
  onlyVerdict,
  PROBE_MODULE,
  runMeasured
} from './measure.js'

const TIMEOUT_MS = 2000
const INPUTS = { timeout: String(TIMEOUT_MS / 1000) }
const TRUST_TEST_CA = { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }

describe('redirects', () => {
  let plain: ProxyWorld
  let secure: ProxyWorld

  beforeAll(async () => {
    const modules = await standardModules()
    plain = await startProxyWorld(modules, [
      { name: 'good', fault: 'healthy' },
      ...[9, 10, 11].map(n => ({
        name: `hops-${n}`,
        fault: 'redirect-chain' as const,
        redirects: n
      })),
      { name: 'to-file', fault: 'redirect-away', redirectTo: 'file:///etc/hostile' }
    ])
    secure = await startProxyWorld(
      modules,
      [{ name: 'to-http', fault: 'redirect-away', redirectTo: plain.url('good') }],
      { tls: serverIdentity() }
    )
  })
  afterAll(() => Promise.all([plain.close(), secure.close()]))

  it('follows a chain of 9 redirects to the answer, as the go command does', async () => {
    const run = await runMeasured({ ...INPUTS, proxies: plain.url('hops-9') })
    expect(verdictBesidesSlowness(await onlyCandidate(run))).toBe('healthy')
    expect(run.code).toBe(0)
    expect(run.exported.GOPROXY).toBe(plain.url('hops-9'))
    expect(plain.seen().map(s => s.path)).toContain(`/hop/9${FIRST_REQUEST}`)
    expectBounded(run, TIMEOUT_MS)
  })

  it.each([10, 11])('stops a chain of %i redirects: "stopped after 10 redirects"', async n => {
    const run = await runMeasured({ ...INPUTS, proxies: plain.url(`hops-${n}`) })
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${plain.url(`hops-${n}`)}${FIRST_REQUEST} → stopped after 10 redirects`
    })
    expect(run.code).toBe(1)
    expect(plain.seen().map(s => s.path)).not.toContain(`/hop/10${FIRST_REQUEST}`)
    expectBounded(run, TIMEOUT_MS)
  })

  itWithGo('agrees with the go command: 9 redirects are followed, 10 are not', async () => {
    for (const [n, works] of [
      [9, true],
      [10, false]
    ] as const) {
      const go = await runGo(['mod', 'download', '-json', PROBE_MODULE], {
        cwd: await mkdtemp(join(tmpdir(), 'vgp-go-')),
        env: { GOPROXY: plain.url(`hops-${n}`), GOSUMDB: 'off' },
        timeoutMs: 30_000
      })
      expect({ n, ok: go.code === 0 }).toEqual({ n, ok: works })
      if (!works) expect(go.stdout).toContain('stopped after 10 redirects')
    }
  })

  it('refuses a redirect from https to http, sending nothing (credentials least of all) there', async () => {
    const before = plain.requests('good')
    const withUser = secure.url('to-http').replace('https://', 'https://builder:s3cret@')
    const run = await runMeasured({ ...INPUTS, proxies: withUser }, { env: TRUST_TEST_CA })
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${secure.url('to-http').replace('https://', 'https://builder:xxxxx@')}${FIRST_REQUEST} → refusing redirect from https to insecure URL ${plain.url('good')}${FIRST_REQUEST}`
    })
    expect(run.code).toBe(1)
    expect(plain.requests('good')).toBe(before)
    expect(secure.seen().every(s => s.authorization === `Basic ${btoa('builder:s3cret')}`)).toBe(
      true
    )
    expectBounded(run, TIMEOUT_MS)
  })

  it('refuses a redirect to a file: URL', async () => {
    const run = await runMeasured({ ...INPUTS, proxies: plain.url('to-file') })
    expect(await onlyVerdict(run)).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${plain.url('to-file')}${FIRST_REQUEST} → refusing redirect to file: URL`
    })
    expect(run.code).toBe(1)
    expectBounded(run, TIMEOUT_MS)
  })
})
