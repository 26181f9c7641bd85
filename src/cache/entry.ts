// The on-disk form of a cached value, the same in the local store and in the Actions cache.
import { count, fromGuard, object, oneOf, type Schema } from './schema.js'

/** Bumped whenever an entry or a payload changes shape: older entries are then misses. */
export const ENTRY_SCHEMA = 'validate-goproxy/cache@3'

export interface CacheEntry<T> {
  schema: typeof ENTRY_SCHEMA
  key: string
  /** ms since epoch when the payload was produced. */
  storedAt: number
  payload: T
}

/** Accepts the payloads a reader can use; a Schema also says why it refused one, for the log. */
export type PayloadCheck<T> = ((p: unknown) => p is T) | Schema<T>

/** Runners' clocks differ a little; an entry from further in the future than this is damaged. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000

/**
 * Why `v` is not an entry of this schema, for `key`, with a payload `isPayload` accepts (the
 * first problem found); undefined when it is one. Fields nobody reads are problems too.
 */
export function entryProblem<T>(
  v: unknown,
  key: string,
  isPayload: PayloadCheck<T>
): string | undefined {
  const entry = object<CacheEntry<T>>({
    schema: oneOf([ENTRY_SCHEMA]),
    key: oneOf([key]),
    storedAt: count,
    payload: fromGuard(isPayload)
  })
  return entry.problem(v, 'entry')
}

/** True when `v` is an entry of this schema, for `key`, with a payload `isPayload` accepts. */
export function isCacheEntry<T>(
  v: unknown,
  key: string,
  isPayload: PayloadCheck<T>
): v is CacheEntry<T> {
  return entryProblem(v, key, isPayload) === undefined
}

/** The entry's age at `now` (0 if stored a little later); undefined when it cannot be that new. */
export function ageOf(entry: CacheEntry<unknown>, now: number): number | undefined {
  if (entry.storedAt > now + MAX_CLOCK_SKEW_MS) return undefined
  return Math.max(0, now - entry.storedAt)
}
