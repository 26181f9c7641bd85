// The cached GOSUMDB decision is keyed, as verdicts are, by which credentials each route's requests
// carry: a decision made with credentials is never handed to a run without them, and one made
// while they were unknown before the first request is not kept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recallSumdb, rememberSumdb } from '../../../src/cache/sumdb.js'
import { createLocalStore } from '../../../src/cache/local-store.js'
import { recordingLog } from '../../world/log.js'
import { planOf } from '../../world/plan.js'

const NOW = 1_700_000_000_000
const DB_HOST = 'https://sum.golang.org'
const OUTCOME = {
  ok: true,
  gosumdb: 'sum.golang.org',
  reason: 'verified',
  mirrorUsed: false,
  routes: []
}

/** GOAUTH's description of each URL: credentials at start for `withCredentials`, else none. */
const describing =
  (withCredentials: string | undefined, unknown?: string) =>
  (url: string): string | undefined => {
    if (url === unknown) return undefined
    return url === withCredentials ? 'netrc: credentials' : 'netrc: none'
  }

let root = ''
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vgp-sumdb-decision-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

async function storeAndPlan() {
  const dir = await mkdtemp(join(root, 'run-'))
  const store = createLocalStore(dir, recordingLog())
  const plan = planOf({
    proxies: 'https://proxy.example',
    gosumdb: 'sum.golang.org',
    'sumdb-mirrors': 'https://sumdb-mirror.example',
    'cache-dir': dir
  })
  return { store, plan }
}

describe('the cached GOSUMDB decision', () => {
  it('is recalled only with the credentials it was made with', async () => {
    const { store, plan } = await storeAndPlan()
    await rememberSumdb(store, plan, OUTCOME, NOW, describing(DB_HOST))
    expect(await recallSumdb(store, plan, NOW, describing(DB_HOST))).toMatchObject({
      ok: true,
      reason: 'verified (from cache)'
    })
    // The database's own host, a sumdb mirror, a candidate: each one's credentials count.
    for (const url of [undefined, 'https://sumdb-mirror.example', 'https://proxy.example']) {
      expect({ url, recalled: await recallSumdb(store, plan, NOW, describing(url)) }).toEqual({
        url,
        recalled: undefined
      })
    }
  })

  it("is neither kept nor recalled while a route's credentials are unknown", async () => {
    const { store, plan } = await storeAndPlan()
    await rememberSumdb(store, plan, OUTCOME, NOW, describing(undefined, DB_HOST))
    expect(await store.keys()).toEqual([])
    await rememberSumdb(store, plan, OUTCOME, NOW, describing(undefined))
    expect(await store.keys()).toHaveLength(1)
    expect(await recallSumdb(store, plan, NOW, describing(undefined, DB_HOST))).toBeUndefined()
    expect(await recallSumdb(store, plan, NOW, describing(undefined))).toMatchObject({ ok: true })
  })

  it('tells a database URL with user info from one without, and keeps no password in its key', async () => {
    const dir = await mkdtemp(join(root, 'userinfo-'))
    const store = createLocalStore(dir, recordingLog())
    const key = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8'
    const planWith = (db: string, mirror: string) =>
      planOf({
        proxies: 'https://proxy.example',
        gosumdb: `${key} ${db}`,
        'sumdb-mirrors': mirror,
        'cache-dir': dir
      })
    const withSecret = planWith('https://u:pw@db.example', 'https://m:one@mirror.example')
    await rememberSumdb(store, withSecret, { ...OUTCOME, gosumdb: withSecret.gosumdb.raw }, NOW)
    const without = planWith('https://db.example', 'https://m:one@mirror.example')
    expect(await recallSumdb(store, without, NOW)).toBeUndefined()
    // Another password for the mirror: the same key (a key never confirms a guessed password).
    const otherPassword = planWith('https://u:pw2@db.example', 'https://m:two@mirror.example')
    const recalled = await recallSumdb(store, otherPassword, NOW)
    expect(recalled).toMatchObject({ ok: true })
  })
})
