// The world of the Actions cache sync tests: the cache service double, the runner environment the
// real @actions/cache reads, and fresh stores, key prefixes and logs for each test.
import { afterAll, afterEach, beforeAll, beforeEach, jest } from '@jest/globals'
import * as cache from '@actions/cache'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock, type Clock } from '../../../src/clock.js'
import {
  createActionsCacheSync,
  type ActionsCacheSync,
  type ActionsCacheSyncOptions
} from '../../../src/cache/actions-sync.js'
import { createLocalStore, type EntryStore } from '../../../src/cache/local-store.js'
import {
  startCacheService,
  useCacheServiceEnv,
  type CacheServiceWorld
} from '../../world/cache-service.js'
import { recorder } from './recorder.js'

export const BUCKET_MS = 60_000
export const T0 = Date.parse('2030-01-01T00:00:00Z')
export const BUCKET0 = T0 / BUCKET_MS

export const hash = (text: string): string => createHash('sha256').update(text).digest('hex')
export const anything = (p: unknown): p is unknown => p !== undefined
export const KEYS = [hash('proxy a'), hash('proxy b'), hash('proxy c')]

/** A verdict-like payload; random hex compresses about 2:1, so a few make an archive of KiBs. */
export const payload = (name: string): { verdict: string; noise: string } => ({
  verdict: name,
  noise: randomBytes(2048).toString('hex')
})

export interface SyncWorld {
  service: CacheServiceWorld
  root: string
  workspace: string
  runnerTemp: string
  staging: string
  /** Fresh for each test, so archives of other tests never match. */
  prefix: string
  testNo: number
  /** The sync's clock reads this. */
  now: number
  log: ReturnType<typeof recorder>
  /** What @actions/core printed on stdout (::debug::, ::warning::, plain info lines). */
  said(): string
  newStore(): Promise<EntryStore>
  sync(store: EntryStore, over?: Partial<ActionsCacheSyncOptions>): ActionsCacheSync
}

/** Registers the hooks that build and tear down the world; read it inside tests only. */
export function useSyncWorld(): SyncWorld {
  let output: string[] = []
  let restoreEnv = (): void => undefined
  const clock: Clock = { now: () => w.now, sleep: systemClock.sleep }
  const w: SyncWorld = {
    ...{ root: '', workspace: '', runnerTemp: '', staging: '', prefix: '', testNo: 0, now: T0 },
    service: undefined as unknown as CacheServiceWorld,
    log: recorder(),
    said: () => output.join(''),
    newStore: async () => createLocalStore(await mkdtemp(join(w.root, 'store-')), w.log),
    sync: (store, over) =>
      createActionsCacheSync({
        ...{
          cache,
          store,
          stagingDir: w.staging,
          keyPrefix: w.prefix,
          bucketMs: BUCKET_MS,
          clock,
          log: w.log
        },
        ...over
      })
  }
  beforeAll(async () => {
    w.service = await startCacheService()
    w.root = await mkdtemp(join(tmpdir(), 'vgp-sync-'))
    w.workspace = join(w.root, 'workspace')
    w.runnerTemp = join(w.root, 'runner-temp')
    w.staging = join(w.root, 'staging')
    await mkdir(w.workspace)
    // Chunks of 1 KiB, so an archive of a few KiB is uploaded in several PATCH requests.
    const { url, token } = w.service
    restoreEnv = useCacheServiceEnv({
      url,
      token,
      runnerTemp: w.runnerTemp,
      workspace: w.workspace,
      chunkSizeMiB: 1 / 1024
    })
  })
  afterAll(async () => {
    restoreEnv()
    await w.service.close()
    await rm(w.root, { recursive: true, force: true })
  })
  beforeEach(() => {
    w.prefix = `validate-goproxy-v1-test${++w.testNo}-`
    w.now = T0
    w.log = recorder()
    w.service.mode = 'up'
    w.service.log.length = 0
    output = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      output.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })
  return w
}
