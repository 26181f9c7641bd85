// The on-disk form of a cached value, the same in the local store and in the Actions cache.

export const ENTRY_SCHEMA = 'validate-goproxy/cache@1'

export interface CacheEntry<T> {
  schema: typeof ENTRY_SCHEMA
  key: string
  /** ms since epoch when the payload was produced. */
  storedAt: number
  payload: T
}

/** True when `v` is an entry of this schema, for `key`, with a payload `isPayload` accepts. */
export function isCacheEntry<T>(
  v: unknown,
  key: string,
  isPayload: (p: unknown) => p is T
): v is CacheEntry<T> {
  if (typeof v !== 'object' || v === null) return false
  const entry = v as Partial<CacheEntry<unknown>>
  return (
    entry.schema === ENTRY_SCHEMA &&
    entry.key === key &&
    typeof entry.storedAt === 'number' &&
    Number.isFinite(entry.storedAt) &&
    entry.storedAt >= 0 &&
    'payload' in entry &&
    isPayload(entry.payload)
  )
}
