// Cache entries as one JSON file per key, replaced atomically so a reader never sees half a file.
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { messageOf, type Logger } from '../logger.js'
import { ENTRY_SCHEMA, entryProblem, type CacheEntry, type PayloadCheck } from './entry.js'

export interface EntryStore {
  /** The entry for `key`; undefined when missing, unreadable, corrupt or foreign (never throws). */
  read<T>(key: string, isPayload: PayloadCheck<T>): Promise<CacheEntry<T> | undefined>
  /** Replaces the entry for `key` atomically; a failure is logged as a warning, never thrown. */
  write<T>(key: string, payload: T, now: number): Promise<void>
  /** Keys that have an entry file (whether or not it is valid); [] when the directory is missing. */
  keys(): Promise<string[]>
  readonly dir: string
}

const KEY_PATTERN = /^[0-9a-f]{64}$/
const ENTRY_FILE = /^([0-9a-f]{64})\.json$/

/** A store in `dir`, created (recursively) on the first write. Keys are SHA-256 hex. */
export function createLocalStore(dir: string, log: Logger): EntryStore {
  return {
    dir,
    async read<T>(key: string, isPayload: PayloadCheck<T>): Promise<CacheEntry<T> | undefined> {
      const file = entryFile(dir, key)
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') log.debug(`cache: cannot read ${file}: ${messageOf(err)}`)
        return undefined
      }
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (err) {
        log.debug(`cache: ignoring ${file}: not JSON (${messageOf(err)})`)
        return undefined
      }
      const problem = entryProblem(value, key, isPayload)
      if (problem === undefined) return value as CacheEntry<T>
      // A miss: the caller's fresh result then replaces the file.
      log.debug(`cache: ignoring ${file}: not a ${ENTRY_SCHEMA} entry for this key (${problem})`)
      return undefined
    },
    async write<T>(key: string, payload: T, now: number): Promise<void> {
      const file = entryFile(dir, key)
      const entry: CacheEntry<T> = { schema: ENTRY_SCHEMA, key, storedAt: now, payload }
      try {
        await mkdir(dir, { recursive: true })
        await replaceFile(file, `${JSON.stringify(entry)}\n`)
      } catch (err) {
        log.warning(`cache: cannot write ${file}: ${messageOf(err)}`)
      }
    },
    async keys(): Promise<string[]> {
      let names: string[]
      try {
        names = await readdir(dir)
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') log.debug(`cache: cannot list ${dir}: ${messageOf(err)}`)
        return []
      }
      return names.flatMap(name => ENTRY_FILE.exec(name)?.[1] ?? []).sort()
    }
  }
}

function entryFile(dir: string, key: string): string {
  if (!KEY_PATTERN.test(key))
    throw new Error(`cache key must be 64 lower-case hex digits, got ${JSON.stringify(key)}`)
  return join(dir, `${key}.json`)
}

/** Writes a temporary file beside `file`, flushes it to disk and renames it over `file`. */
async function replaceFile(file: string, text: string): Promise<void> {
  // Unique per writer, so concurrent writers (other processes included) never share one.
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw err
  }
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code
}
