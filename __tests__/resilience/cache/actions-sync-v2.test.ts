// The real @actions/cache speaking the v2 cache service (github.com's Twirp calls) to the test
// world's double, with the archives in Azurite: legs share verdicts, the "already exists" race
// ends quietly, and a blob store that fails or hangs costs the run nothing but its head start.
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import * as cache from '@actions/cache'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock, type Clock } from '../../../src/clock.js'
import {
  createActionsCacheSync,
  type ActionsCacheSyncOptions
} from '../../../src/cache/actions-sync.js'
import { createLocalStore, type EntryStore } from '../../../src/cache/local-store.js'
import { startAzurite, type Azurite } from '../../world/azurite.js'
import { startBrokenBlobStore } from '../../world/broken-blob-store.js'
import {
  startCacheServiceV2,
  useCacheServiceV2Env,
  type CacheServiceV2World
} from '../../world/cache-service-v2.js'
import { recorder } from '../support/recorder.js'
import { anything, BUCKET0, BUCKET_MS, KEYS, payload, T0 } from '../support/sync-world.js'

let azurite: Azurite
let service: CacheServiceV2World
let root = ''
let staging = ''
let restoreEnv = (): void => undefined
let testNo = 0
let prefix = ''
let now = T0
let log = recorder()
let output: string[] = []
const said = (): string => output.join('')
const clock: Clock = { now: () => now, sleep: systemClock.sleep }

const newStore = async (): Promise<EntryStore> =>
  createLocalStore(await mkdtemp(join(root, 'store-')), log)
const sync = (store: EntryStore, over?: Partial<ActionsCacheSyncOptions>) =>
  createActionsCacheSync({
    ...{ cache, store, stagingDir: staging, keyPrefix: prefix, bucketMs: BUCKET_MS, clock, log },
    ...over
  })
const storeWith = async (...verdicts: string[]): Promise<EntryStore> => {
  const store = await newStore()
  for (const [i, verdict] of verdicts.entries()) await store.write(KEYS[i], payload(verdict), now)
  return store
}

beforeAll(async () => {
  azurite = await startAzurite()
  service = await startCacheServiceV2(azurite)
  root = await mkdtemp(join(tmpdir(), 'vgp-sync-v2-'))
  staging = join(root, 'staging')
  await mkdir(join(root, 'workspace'))
  restoreEnv = useCacheServiceV2Env(service, {
    runnerTemp: join(root, 'runner-temp'),
    workspace: join(root, 'workspace')
  })
}, 60_000)

afterAll(async () => {
  restoreEnv()
  await service?.close()
  await azurite?.stop()
  await rm(root, { recursive: true, force: true })
})

beforeEach(() => {
  prefix = `validate-goproxy-v1-v2test${++testNo}-`
  now = T0
  log = recorder()
  service.log.length = 0
  service.downloads = 'azurite'
  service.uploads = 'azurite'
  output = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    output.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
})

describe('through the v2 service and Azurite', () => {
  it('lets a later leg restore by prefix what an earlier leg saved', async () => {
    const first = await storeWith('healthy', 'unhealthy')
    expect(await sync(first).save()).toEqual({ saved: true, key: `${prefix}${BUCKET0}` })
    expect(service.log).toEqual(['CreateCacheEntry 200', 'FinalizeCacheEntryUpload 200'])
    expect(service.entries().at(-1)).toMatchObject({
      finalized: true,
      sizeBytes: expect.any(Number)
    })

    now = T0 + 5 * BUCKET_MS
    const second = await newStore()
    expect(await sync(second).restore()).toEqual({ key: `${prefix}${BUCKET0}`, merged: 2 })
    for (const key of KEYS.slice(0, 2))
      expect(await second.read(key, anything)).toEqual(await first.read(key, anything))
    expect(service.log.at(-1)).toBe('GetCacheEntryDownloadURL 200 hit')
    expect(said()).toContain(`Cache hit for restore-key: ${prefix}${BUCKET0}`)
    expect(said()).not.toMatch(/::(warning|error)::/)
    expect(said()).not.toContain(service.token)
  })

  it('restores the exact key first, else the newest under the prefix, never another prefix or path', async () => {
    await sync(await storeWith('bucket 0')).save()
    now = T0 + BUCKET_MS
    await sync(await storeWith('bucket 1', 'bucket 1')).save()
    await sync(await storeWith('other'), {
      keyPrefix: `validate-goproxy-v1-other${testNo}-`
    }).save()

    now = T0
    expect(await sync(await newStore()).restore()).toEqual({
      key: `${prefix}${BUCKET0}`,
      merged: 1
    })
    now = T0 + 9 * BUCKET_MS
    expect(await sync(await newStore()).restore()).toEqual({
      key: `${prefix}${BUCKET0 + 1}`,
      merged: 2
    })
    // Another cache path is another version: the service does not serve it.
    expect(await sync(await newStore(), { cachePath: 'elsewhere' }).restore()).toEqual({
      merged: 0
    })
    expect(service.log.at(-1)).toBe('GetCacheEntryDownloadURL 200 miss')
  })

  it('lets one of two legs saving one key win; the other reports it without a warning', async () => {
    const [a, b] = [await storeWith('leg a'), await storeWith('leg b')]
    const results = await Promise.all([sync(a).save(), sync(b).save()])
    expect(results.map(r => r.saved).sort()).toEqual([false, true])
    expect(results.find(r => !r.saved)).toMatchObject({
      key: `${prefix}${BUCKET0}`,
      reason: expect.stringContaining('the key exists, another job is saving it')
    })
    expect(service.log).toContain('CreateCacheEntry 409')
    expect(service.entries().filter(e => e.key === `${prefix}${BUCKET0}`)).toHaveLength(1)
    expect(said()).toContain(
      `Failed to save: Unable to reserve cache with key ${prefix}${BUCKET0}, another job may be creating this cache.`
    )
    expect(said()).not.toMatch(/::(warning|error)::/)
    expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([])
  })
})

describe('a blob store that fails', () => {
  it('answering downloads with 500: restore goes on without the archive', async () => {
    await sync(await storeWith('healthy')).save()
    const broken = await startBrokenBlobStore('status-500')
    try {
      service.downloads = { origin: broken.origin }
      const target = await storeWith()
      expect(await sync(target).restore()).toEqual({ merged: 0 })
      expect(await target.keys()).toEqual([])
      // 500 is not among the statuses the library retries on a download.
      expect(broken.log).toEqual(['GET 500'])
      expect(said()).toContain(
        '::warning::Failed to restore: downloadCache failed: Cache service responded with 500'
      )
    } finally {
      await broken.close()
    }
  })

  it('refusing an upload (a signature it does not accept): save reports it, nothing is finalized', async () => {
    service.uploads = 'forged'
    expect(await sync(await storeWith('healthy')).save()).toMatchObject({ saved: false })
    expect(service.log).toEqual(['CreateCacheEntry 200'])
    expect(said()).toContain('uploadCacheArchiveSDK: internal error uploading cache archive')
    expect(said()).toMatch(/::warning::Failed to save: .*(signature|authenticat)/i)
    // An entry never finalized is never served.
    expect(await sync(await newStore()).restore()).toEqual({ merged: 0 })
  })
})

/** The promise's value, or 'still running' once `ms` have passed. */
async function within<T>(ms: number, work: Promise<T>): Promise<T | 'still running'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'still running'>(r => (timer = setTimeout(r, ms, 'still running')))
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

describe('a blob store that never answers', () => {
  it('costs restore and save their deadline; the library ends once the store lets go', async () => {
    await sync(await storeWith('healthy')).save()
    const hung = await startBrokenBlobStore('hang')
    // The library's own promises, to wait for its abandoned work before the next test.
    const pending: Promise<unknown>[] = []
    const track =
      <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const p = f(...args)
        pending.push(p)
        return p
      }
    const watched = {
      ...cache,
      restoreCache: track(cache.restoreCache),
      saveCache: track(cache.saveCache)
    }
    try {
      service.downloads = service.uploads = { origin: hung.origin }
      const options = { cache: watched, deadlineMs: 2000 }
      now = T0 + BUCKET_MS
      const [restored, saved] = await Promise.all([
        sync(await newStore(), options).restore(),
        sync(await storeWith('fresh'), options).save()
      ])
      expect(restored).toEqual({ merged: 0 })
      expect(saved).toMatchObject({ saved: false })
      expect(log.lines.join('\n')).toMatch(/restore failed.*restoreCache took longer than 2000 ms/)
      expect(log.lines.join('\n')).toMatch(/save failed.*saveCache took longer than 2000 ms/)

      for (let i = 0; i < 100 && hung.held() < 2; i++) await new Promise(r => setTimeout(r, 50))
      expect(hung.log.sort()).toEqual(['GET held', 'PUT held'])
      hung.release()
      expect(await within(10_000, Promise.all(pending))).toEqual([undefined, -1])
    } finally {
      hung.release()
      await hung.close()
    }
  })
})
