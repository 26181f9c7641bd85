// The GitHub Actions cache as a transport for store entries between matrix legs and runs. The
// cache is best effort: nothing here throws, a failure only costs the run its head start.
import { isAbsolute, relative, sep } from 'node:path'
import { mkdir, rm } from 'node:fs/promises'
import type { Clock } from '../../clock.js'
import { messageOf, type Logger } from '../logger.js'
import { createLocalStore, type EntryStore } from './local-store.js'

export interface ActionsCacheSync {
  /** Merges the newest archive under the key prefix into the store (newer entries only). */
  restore(): Promise<{ key?: string; merged: number }>
  /** Uploads the store's valid entries as this time bucket's archive. */
  save(): Promise<{ saved: boolean; key: string; reason?: string }>
}

export interface ActionsCacheSyncOptions {
  cache: Pick<typeof import('@actions/cache'), 'isFeatureAvailable' | 'restoreCache' | 'saveCache'>
  store: EntryStore
  /**
   * A directory for this sync alone (it is wiped). @actions/cache hashes the path string into the
   * archive's version, so every leg must pass the same string or it will not see the others.
   */
  stagingDir: string
  /**
   * The path as @actions/cache is given it (default: stagingDir). A path relative to the
   * workspace (where tar runs) is the same string on every machine, so legs whose temp folders
   * differ still share archives; stagingDir must then be that path resolved in the workspace.
   */
  cachePath?: string
  /**
   * e.g. `validate-goproxy-v1-<planhash>-`: no commas, no credentials. The service matches it as
   * a prefix, so no other prefix in use may start with it (a fixed-length hash ensures that).
   */
  keyPrefix: string
  /** Width of a time bucket: one archive per bucket, the newest one restored. */
  bucketMs: number
  clock: Clock
  log: Logger
  /**
   * Longest wait for one restoreCache/saveCache call (default: no limit). The library has no
   * timeout of its own on the service's JSON calls and cannot be cancelled: past the deadline the
   * run goes on without it while its work finishes in the background.
   */
  deadlineMs?: number
}

// @actions/cache refuses keys with commas or over 512 characters; a bucket number has ≤ 16 digits.
const MAX_KEY_LENGTH = 512
const MAX_BUCKET_DIGITS = 16

export function createActionsCacheSync(o: ActionsCacheSyncOptions): ActionsCacheSync {
  checkOptions(o)
  const staging = createLocalStore(o.stagingDir, o.log)
  const paths = [o.cachePath ?? o.stagingDir]
  const currentKey = (): string => `${o.keyPrefix}${Math.floor(o.clock.now() / o.bucketMs)}`
  return {
    async restore() {
      try {
        if (!o.cache.isFeatureAvailable()) {
          o.log.debug('actions cache: not available here (no cache service in the environment)')
          return { merged: 0 }
        }
        await emptyDir(o.stagingDir)
        const restoring = o.cache.restoreCache(paths, currentKey(), [o.keyPrefix])
        const key = await withinDeadline(restoring, 'restoreCache', o)
        if (key === undefined) {
          o.log.debug(
            `actions cache: nothing restored under ${o.keyPrefix} (a miss, or a failure @actions/cache logged)`
          )
          return { merged: 0 }
        }
        const merged = await copyNewer(staging, o.store)
        await removeDir(o.stagingDir)
        o.log.info(
          `actions cache: restored ${key}; ${merged} newer entr${merged === 1 ? 'y' : 'ies'} merged`
        )
        return { key, merged }
      } catch (err) {
        o.log.warning(`actions cache: restore failed, going on without it: ${messageOf(err)}`)
        return { merged: 0 }
      }
    },
    async save() {
      const key = currentKey()
      try {
        if (!o.cache.isFeatureAvailable())
          return notSaved(o.log, key, 'the Actions cache is not available here')
        await emptyDir(o.stagingDir)
        const copied = await copyNewer(o.store, staging)
        if (copied === 0) return notSaved(o.log, key, 'no valid entries to save')
        if ((await withinDeadline(o.cache.saveCache(paths, key), 'saveCache', o)) === -1) {
          return notSaved(
            o.log,
            key,
            'the cache service did not take it (the key exists, another job is saving it, or the service failed: see the cache log)'
          )
        }
        await removeDir(o.stagingDir)
        o.log.info(`actions cache: saved ${copied} entr${copied === 1 ? 'y' : 'ies'} as ${key}`)
        return { saved: true, key }
      } catch (err) {
        // Older @actions/cache versions threw this where 6.x logs it and returns -1.
        if ((err as Error | null)?.name === 'ReserveCacheError')
          return notSaved(o.log, key, messageOf(err))
        o.log.warning(`actions cache: save failed, going on without it: ${messageOf(err)}`)
        return { saved: false, key }
      }
    }
  }
}

function checkOptions(o: ActionsCacheSyncOptions): void {
  if (
    o.keyPrefix === '' ||
    o.keyPrefix.includes(',') ||
    o.keyPrefix.length > MAX_KEY_LENGTH - MAX_BUCKET_DIGITS
  ) {
    throw new Error(
      `actions cache key prefix must be 1-${MAX_KEY_LENGTH - MAX_BUCKET_DIGITS} characters without commas, got ${JSON.stringify(o.keyPrefix)}`
    )
  }
  if (o.deadlineMs !== undefined && !(o.deadlineMs > 0)) {
    throw new RangeError(`actions cache deadlineMs must be positive, got ${o.deadlineMs}`)
  }
  if (!Number.isSafeInteger(o.bucketMs) || o.bucketMs < 1) {
    throw new RangeError(`actions cache bucketMs must be a positive integer, got ${o.bucketMs}`)
  }
  const storeInStaging = relative(o.stagingDir, o.store.dir)
  const outside =
    storeInStaging === '..' || storeInStaging.startsWith(`..${sep}`) || isAbsolute(storeInStaging)
  if (!outside) {
    throw new Error(
      `actions cache staging dir ${o.stagingDir} must not hold the store ${o.store.dir}: it is wiped`
    )
  }
}

function notSaved(
  log: Logger,
  key: string,
  reason: string
): { saved: false; key: string; reason: string } {
  log.info(`actions cache: ${key} not saved: ${reason}`)
  return { saved: false, key, reason }
}

const anyPayload = (p: unknown): p is unknown => p !== undefined

/** Copies each valid entry of `from` that `to` lacks or holds in an older version. */
async function copyNewer(from: EntryStore, to: EntryStore): Promise<number> {
  let copied = 0
  for (const key of await from.keys()) {
    const entry = await from.read(key, anyPayload)
    if (!entry) continue
    const current = await to.read(key, anyPayload)
    if (current && current.storedAt >= entry.storedAt) continue
    await to.write(key, entry.payload, entry.storedAt)
    copied++
  }
  return copied
}

async function withinDeadline<T>(
  work: Promise<T>,
  what: string,
  o: ActionsCacheSyncOptions
): Promise<T> {
  if (o.deadlineMs === undefined) return work
  const late = Symbol('late')
  const settled = new AbortController()
  const timer = o.clock.sleep(o.deadlineMs, settled.signal).then(
    () => late,
    () => late
  )
  try {
    const result = await Promise.race([work, timer])
    if (result === late) throw new Error(`${what} took longer than ${o.deadlineMs} ms`)
    return result as T
  } finally {
    settled.abort()
  }
}

async function emptyDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
}

/** The staging dir may sit in the user's workspace: leave nothing behind there. */
async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
