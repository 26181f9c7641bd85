// The GitHub Actions cache as a transport for store entries between matrix legs and runs. The
// cache is best effort: nothing here throws, a failure only costs the run its head start.
import { isAbsolute, relative, sep } from 'node:path'
import { mkdir, rm } from 'node:fs/promises'
import type { DownloadOptions } from '@actions/cache'
import type { Clock } from '../clock.js'
import { messageOf, type Logger } from '../logger.js'
import { callBudget, type CallBudget } from './deadline.js'
import { ageOf, type PayloadCheck } from './entry.js'
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
   * Longest wait for one restoreCache/saveCache call (default: no limit). The library cannot be
   * cancelled: past the deadline the run goes on without it, leaves it behind, and makes no
   * further call (the process's exit ends it).
   */
  deadlineMs?: number
  /** Longest wait for restore and save together (default: no limit). */
  budgetMs?: number
  /**
   * The payloads worth sharing (default: any). A damaged one is then neither merged over a good
   * entry nor uploaded; one it would replace is replaced.
   */
  isPayload?: PayloadCheck<unknown>
}

// @actions/cache refuses keys with commas or over 512 characters; a bucket number has ≤ 16 digits.
const MAX_KEY_LENGTH = 512
const MAX_BUCKET_DIGITS = 16

export function createActionsCacheSync(o: ActionsCacheSyncOptions): ActionsCacheSync {
  checkOptions(o)
  const sync: Sync = {
    o,
    staging: createLocalStore(o.stagingDir, o.log),
    paths: [o.cachePath ?? o.stagingDir],
    calls: callBudget(o),
    currentKey: () => `${o.keyPrefix}${Math.floor(o.clock.now() / o.bucketMs)}`
  }
  return { restore: () => restore(sync), save: () => save(sync) }
}

interface Sync {
  o: ActionsCacheSyncOptions
  staging: EntryStore
  /** As @actions/cache is given them. */
  paths: string[]
  /** Shared by restore and save: one deadline each, one budget for both. */
  calls: CallBudget
  currentKey(): string
}

async function restore({ o, staging, paths, calls, currentKey }: Sync) {
  try {
    if (!o.cache.isFeatureAvailable()) {
      o.log.debug('actions cache: not available here (no cache service in the environment)')
      return { merged: 0 }
    }
    await emptyDir(o.stagingDir)
    const key = await calls.run('restoreCache', limitMs =>
      o.cache.restoreCache(paths, currentKey(), [o.keyPrefix], downloadLimits(limitMs))
    )
    if (key === undefined) {
      o.log.debug(
        `actions cache: nothing restored under ${o.keyPrefix} (a miss, or a failure @actions/cache logged)`
      )
      return { merged: 0 }
    }
    const merged = await copyNewer(staging, o.store, o)
    o.log.info(
      `actions cache: restored ${key}; ${merged} newer entr${merged === 1 ? 'y' : 'ies'} merged`
    )
    return { key, merged }
  } catch (err) {
    o.log.warning(`actions cache: restore failed, going on without it: ${messageOf(err)}`)
    return { merged: 0 }
  } finally {
    await removeDir(o.stagingDir)
  }
}

async function save({ o, staging, paths, calls, currentKey }: Sync) {
  const key = currentKey()
  try {
    if (!o.cache.isFeatureAvailable())
      return notSaved(o.log, key, 'the Actions cache is not available here')
    const refusal = calls.refusal()
    if (refusal !== undefined) return notSaved(o.log, key, refusal)
    await emptyDir(o.stagingDir)
    const copied = await copyNewer(o.store, staging, o)
    if (copied === 0) return notSaved(o.log, key, 'no valid entries to save')
    if ((await calls.run('saveCache', () => o.cache.saveCache(paths, key))) === -1) {
      return notSaved(
        o.log,
        key,
        'the cache service did not take it (the key exists, another job is saving it, or the service failed: see the cache log)'
      )
    }
    o.log.info(`actions cache: saved ${copied} entr${copied === 1 ? 'y' : 'ies'} as ${key}`)
    return { saved: true, key }
  } catch (err) {
    // Older @actions/cache versions threw this where 6.x logs it and returns -1.
    if ((err as Error | null)?.name === 'ReserveCacheError')
      return notSaved(o.log, key, messageOf(err))
    o.log.warning(`actions cache: save failed, going on without it: ${messageOf(err)}`)
    return { saved: false, key }
  } finally {
    await removeDir(o.stagingDir)
  }
}

/**
 * The download's own timeouts, which abort it for real; they apply only where the library uses
 * the Azure SDK (archives on Azure Blob Storage). The JSON calls to the service take no timeout.
 */
function downloadLimits(limitMs: number | undefined): DownloadOptions | undefined {
  if (limitMs === undefined) return undefined
  const ms = Math.max(1, Math.ceil(limitMs))
  return { timeoutInMs: ms, segmentTimeoutInMs: ms }
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
  for (const [name, ms] of Object.entries({ deadlineMs: o.deadlineMs, budgetMs: o.budgetMs })) {
    if (ms !== undefined && !(ms > 0))
      throw new RangeError(`actions cache ${name} must be positive, got ${ms}`)
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

/**
 * Copies each valid entry of `from` that `to` lacks or holds in an older or damaged version. An
 * entry from the future (a damaged or foreign clock) is left out: it would win every later merge.
 */
async function copyNewer(
  from: EntryStore,
  to: EntryStore,
  o: Pick<ActionsCacheSyncOptions, 'clock' | 'isPayload'>
): Promise<number> {
  const isPayload = o.isPayload ?? anyPayload
  const now = o.clock.now()
  let copied = 0
  for (const key of await from.keys()) {
    const entry = await from.read(key, isPayload)
    if (!entry || ageOf(entry, now) === undefined) continue
    const current = await to.read(key, isPayload)
    if (current && current.storedAt >= entry.storedAt) continue
    await to.write(key, entry.payload, entry.storedAt)
    copied++
  }
  return copied
}

async function emptyDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
}

/** The staging dir may sit in the user's workspace: leave nothing behind there. */
async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
