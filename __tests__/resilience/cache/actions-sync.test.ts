// The real @actions/cache against a local double of the cache service (v1 protocol).
import { describe, expect, it } from '@jest/globals'
import * as cache from '@actions/cache'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ENTRY_SCHEMA } from '../../../src/cache/entry.js'
import { createLocalStore } from '../../../src/cache/local-store.js'
import {
  anything,
  BUCKET0,
  BUCKET_MS,
  hash,
  KEYS,
  payload,
  T0,
  useSyncWorld
} from '../support/sync-world.js'

const w = useSyncWorld()

describe('save then restore', () => {
  it('carries every entry to a fresh store, through a chunked upload', async () => {
    const source = await w.newStore()
    await source.write(KEYS[0], payload('healthy'), T0 - 5000)
    await source.write(KEYS[1], payload('unhealthy'), T0 - 4000)
    expect(await w.sync(source).save()).toEqual({ saved: true, key: `${w.prefix}${BUCKET0}` })
    expect(w.service.log.filter(l => l.startsWith('PATCH')).length).toBeGreaterThan(1)
    const id = w.service.caches().at(-1)?.id
    expect(w.service.log.filter(l => !l.startsWith('PATCH'))).toEqual([
      'POST _apis/artifactcache/caches 201',
      `POST _apis/artifactcache/caches/${id} 204`
    ])

    const target = await w.newStore()
    w.now = T0 + 5 * BUCKET_MS
    expect(await w.sync(target).restore()).toEqual({ key: `${w.prefix}${BUCKET0}`, merged: 2 })
    for (const key of KEYS.slice(0, 2))
      expect(await target.read(key, anything)).toEqual(await source.read(key, anything))
    expect(await target.keys()).toEqual([...KEYS.slice(0, 2)].sort())
    expect(w.log.lines).toContain(
      `info: actions cache: restored ${w.prefix}${BUCKET0}; 2 newer entries merged`
    )
  })

  it('uses the staging path string and compression in the cache version', async () => {
    const source = await w.newStore()
    await source.write(KEYS[0], payload('healthy'), T0)
    await w.sync(source).save()
    const { version } = w.service.caches().at(-1) ?? {}
    const zstd = hash([w.staging, 'zstd-without-long', '1.0'].join('|'))
    const gzip = hash([w.staging, 'gzip', '1.0'].join('|'))
    expect([zstd, gzip]).toContain(version)
  })

  it('merges only entries newer than the store’s own', async () => {
    const source = await w.newStore()
    await source.write(KEYS[0], payload('from the archive'), T0 - 1000)
    await source.write(KEYS[1], payload('from the archive'), T0 - 1000)
    await w.sync(source).save()

    const target = await w.newStore()
    await target.write(KEYS[0], payload('newer here'), T0 - 500)
    await target.write(KEYS[1], payload('older here'), T0 - 2000)
    expect(await w.sync(target).restore()).toMatchObject({ merged: 1 })
    expect((await target.read(KEYS[0], anything))?.storedAt).toBe(T0 - 500)
    expect((await target.read(KEYS[1], anything))?.payload).toEqual(
      (await source.read(KEYS[1], anything))?.payload
    )
  })

  it('restores the newest archive under the prefix, and ignores other prefixes', async () => {
    const first = await w.newStore()
    await first.write(KEYS[0], payload('first'), T0)
    await w.sync(first).save()
    w.now = T0 + BUCKET_MS
    const second = await w.newStore()
    await second.write(KEYS[1], payload('second'), w.now)
    await w.sync(second).save()
    w.now = T0 + 2 * BUCKET_MS
    const other = await w.newStore()
    await other.write(KEYS[2], payload('other plan'), w.now)
    // Not `${w.prefix}other-`: the service would match that with the prefix too.
    expect(
      (await w.sync(other, { keyPrefix: `validate-goproxy-v1-other${w.testNo}-` }).save()).saved
    ).toBe(true)

    w.now = T0 + 9 * BUCKET_MS
    const target = await w.newStore()
    expect(await w.sync(target).restore()).toEqual({ key: `${w.prefix}${BUCKET0 + 1}`, merged: 1 })
    expect(await target.keys()).toEqual([KEYS[1]])
  })

  it('finds nothing under an unused prefix', async () => {
    const target = await w.newStore()
    expect(await w.sync(target).restore()).toEqual({ merged: 0 })
    expect(w.log.lines).toEqual([
      `debug: actions cache: nothing restored under ${w.prefix} (a miss, or a failure @actions/cache logged)`
    ])
  })

  it('does not save an empty store (it would hide older archives)', async () => {
    expect(await w.sync(await w.newStore()).save()).toEqual({
      saved: false,
      key: `${w.prefix}${BUCKET0}`,
      reason: 'no valid entries to save'
    })
    expect(w.service.log).toEqual([])
  })
})

describe('the "already exists" race', () => {
  it('lets one of two concurrent saves of a key win; the other reports it without throwing', async () => {
    const [a, b] = [await w.newStore(), await w.newStore()]
    await a.write(KEYS[0], payload('leg a'), T0)
    await b.write(KEYS[1], payload('leg b'), T0)
    const results = await Promise.all([w.sync(a).save(), w.sync(b).save()])
    expect(results.map(r => r.saved).sort()).toEqual([false, true])
    const lost = results.find(r => !r.saved)
    expect(lost).toEqual({
      saved: false,
      key: `${w.prefix}${BUCKET0}`,
      reason:
        'the cache service did not take it (the key exists, another job is saving it, or the service failed: see the cache log)'
    })
    expect(w.service.log).toContain('POST _apis/artifactcache/caches 409')
    const said = w.said()
    expect(said).toContain(
      `Failed to save: Unable to reserve cache with key ${w.prefix}${BUCKET0}, another job may be creating this cache.`
    )
    expect(said).toContain('More details: Cache already exists.')
    expect(said).not.toMatch(/::(error|warning)/)
    expect(w.log.lines.filter(l => l.startsWith('warning'))).toEqual([])
  })
})

describe('a corrupt archive', () => {
  it('merges only the valid entries it holds', async () => {
    await rm(w.staging, { recursive: true, force: true })
    await mkdir(w.staging, { recursive: true })
    const entry = (key: string, verdict: string): string =>
      JSON.stringify({
        schema: ENTRY_SCHEMA,
        key,
        storedAt: T0,
        payload: { verdict }
      })
    await writeFile(join(w.staging, `${KEYS[0]}.json`), entry(KEYS[0], 'valid'))
    await writeFile(join(w.staging, `${KEYS[1]}.json`), entry(KEYS[1], 'truncated').slice(0, 40))
    await writeFile(
      join(w.staging, `${KEYS[2]}.json`),
      entry(KEYS[0], 'foreign: another key inside')
    )
    await writeFile(join(w.staging, 'README'), 'not an entry')
    expect(await cache.saveCache([w.staging], `${w.prefix}${BUCKET0}`)).toBeGreaterThan(0)

    const target = await w.newStore()
    expect(await w.sync(target).restore()).toEqual({ key: `${w.prefix}${BUCKET0}`, merged: 1 })
    expect(await target.keys()).toEqual([KEYS[0]])
    expect(
      w.log.lines
        .filter(l => l.startsWith('debug'))
        .map(l => l.replace(/ignoring .*: /, 'ignoring FILE: '))
    ).toEqual([
      expect.stringMatching(/^debug: cache: ignoring FILE: not JSON/),
      `debug: cache: ignoring FILE: not a ${ENTRY_SCHEMA} entry for this key (entry.key is "${KEYS[0]}", not "${KEYS[2]}")`
    ])
  })

  it('with isPayload: a damaged entry neither displaces a good one nor survives a good one', async () => {
    const isVerdict = (p: unknown): p is { verdict: string } =>
      typeof (p as { verdict?: unknown } | null)?.verdict === 'string'
    const source = await w.newStore()
    await source.write(KEYS[0], { verdict: null }, T0)
    await source.write(KEYS[1], payload('healthy'), T0)
    // Saved as they are (no isPayload), to stand for an archive written by a broken version.
    await w.sync(source).save()

    const target = await w.newStore()
    await target.write(KEYS[0], payload('older but good'), T0 - 1000)
    await target.write(KEYS[1], { verdict: 42 }, T0 - 1000)
    w.now = T0 + BUCKET_MS
    expect(await w.sync(target, { isPayload: isVerdict }).restore()).toEqual({
      key: `${w.prefix}${BUCKET0}`,
      merged: 1
    })
    expect((await target.read(KEYS[0], isVerdict))?.payload.verdict).toBe('older but good')
    expect((await target.read(KEYS[1], isVerdict))?.payload.verdict).toBe('healthy')
  })

  it('that is not even a tarball merges nothing and throws nothing', async () => {
    const source = await w.newStore()
    await source.write(KEYS[0], payload('healthy'), T0)
    await w.sync(source).save()
    w.service.replaceArchive(`${w.prefix}${BUCKET0}`, Buffer.from('this is not zstd or gzip'))
    const target = await w.newStore()
    expect(await w.sync(target).restore()).toEqual({ merged: 0 })
    expect(await target.keys()).toEqual([])
    expect(w.said()).toContain('::warning::Failed to restore: ')
  })
})

describe('createActionsCacheSync options', () => {
  it('refuses a key prefix the cache would refuse', async () => {
    const store = await w.newStore()
    expect(() => w.sync(store, { keyPrefix: 'a,b-' })).toThrow(
      'actions cache key prefix must be 1-496 characters without commas, got "a,b-"'
    )
    expect(() => w.sync(store, { keyPrefix: 'x'.repeat(497) })).toThrow(
      'actions cache key prefix must be 1-496 characters'
    )
  })

  it('refuses a staging dir that holds the store', async () => {
    const store = createLocalStore(join(w.staging, 'store'), w.log)
    expect(() => w.sync(store)).toThrow(
      `actions cache staging dir ${w.staging} must not hold the store ${join(w.staging, 'store')}: it is wiped`
    )
  })

  it('stages nothing but entry files, and leaves no staging dir behind', async () => {
    const store = await w.newStore()
    await store.write(KEYS[0], payload('healthy'), T0)
    let staged: string[] = []
    const saveCache: typeof cache.saveCache = async (paths, key) => {
      staged = await readdir(paths[0])
      return cache.saveCache(paths, key)
    }
    await w.sync(store, { cache: { ...cache, saveCache } }).save()
    expect(staged).toEqual([`${KEYS[0]}.json`])
    await expect(readdir(w.staging)).rejects.toThrow(/ENOENT/)
  })

  it('hands @actions/cache the cachePath string and stages at stagingDir', async () => {
    const store = await w.newStore()
    await store.write(KEYS[0], payload('healthy'), T0)
    const seen: string[][] = []
    const saveCache: typeof cache.saveCache = async paths => {
      seen.push(paths)
      return 1
    }
    await w.sync(store, { cache: { ...cache, saveCache }, cachePath: 'relative/staging' }).save()
    expect(seen).toEqual([['relative/staging']])
  })
})
