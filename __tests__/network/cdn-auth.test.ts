// A private proxy that sends module zips to a CDN on another host name: the Basic credentials
// (from the URL or from netrc) go to the proxy's own host only, never along the redirect.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ProxyWorld, SeenRequest } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { onlyVerdict, probe, startTlsWorld } from './support.js'

const USER = { username: 'gopher', password: 'cdn-test-pass' }
const BASIC = `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`

describe('credentials and a CDN redirect to another host', () => {
  let world: ProxyWorld
  let origin: string
  let cdn: string

  beforeAll(async () => {
    world = await startTlsWorld([
      { name: 'private', fault: 'cdn-redirect', requireAuth: USER, cdnHost: 'localhost' }
    ])
    origin = `127.0.0.1:${world.port}`
    cdn = `localhost:${world.port}`
  })

  afterAll(async () => {
    await world.close()
  })

  const credentialSources: [
    string,
    () => Promise<{ proxies: string; env: Record<string, string> }>
  ][] = [
    [
      'the proxy URL',
      async () => ({
        proxies: world
          .url('private')
          .replace('https://', `https://${USER.username}:${USER.password}@`),
        env: {}
      })
    ],
    [
      'netrc',
      async () => {
        const netrc = join(await mkdtemp(join(tmpdir(), 'vgp-cdn-')), 'netrc')
        await writeFile(
          netrc,
          `machine ${origin} login ${USER.username} password ${USER.password}\n`
        )
        return { proxies: world.url('private'), env: { NETRC: netrc } }
      }
    ]
  ]

  it.each(credentialSources)(
    'sends credentials from %s to the proxy only',
    async (_source, setUp) => {
      const { proxies, env } = await setUp()
      const before = world.seen().length
      const run = await probe(
        { proxies, checks: 'full' },
        { ...env, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
      )
      expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
      const seen = world.seen().slice(before)
      const zipPath = '/example.com/hello/@v/v1.0.0.zip'
      const summary = (r: SeenRequest): string =>
        `${r.host} ${r.path} ${r.authorization ?? '(none)'}`
      expect(seen.filter(r => r.path.endsWith('.zip')).map(summary)).toEqual([
        `${origin} ${zipPath} ${BASIC}`,
        `${cdn} /cdn${zipPath} (none)`
      ])
      expect(seen.filter(r => r.host === cdn).every(r => r.authorization === undefined)).toBe(true)
      expect(seen.filter(r => r.host === origin).every(r => r.authorization === BASIC)).toBe(true)
    }
  )
})
