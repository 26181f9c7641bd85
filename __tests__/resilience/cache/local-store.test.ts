import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENTRY_SCHEMA, isCacheEntry } from '../../../src/cache/entry.js'
import { createLocalStore, type EntryStore } from '../../../src/cache/local-store.js'
import { runChild, transpileForChildren, type ChildModules } from '../support/child-modules.js'
import { recorder } from '../support/recorder.js'

interface Verdict {
  verdict: string
}
const isVerdict = (p: unknown): p is Verdict => typeof (p as Verdict | null)?.verdict === 'string'

const KEY = '0123456789abcdef'.repeat(4)
const OTHER = 'f'.repeat(64)

let root = ''
let dir = ''
let log: ReturnType<typeof recorder>
let store: EntryStore
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vgp-store-'))
  dir = join(root, 'nested', 'cache')
  log = recorder()
  store = createLocalStore(dir, log)
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('local store', () => {
  it('round-trips an entry, creating the directory on the first write', async () => {
    expect(await store.read(KEY, isVerdict)).toBeUndefined()
    expect(await store.keys()).toEqual([])
    await store.write(KEY, { verdict: 'healthy' }, 1_700_000_000_000)
    expect(await store.read(KEY, isVerdict)).toEqual({
      schema: ENTRY_SCHEMA,
      key: KEY,
      storedAt: 1_700_000_000_000,
      payload: { verdict: 'healthy' }
    })
    expect(await readdir(dir)).toEqual([`${KEY}.json`])
    expect(await store.keys()).toEqual([KEY])
    expect(log.lines).toEqual([])
  })

  it('replaces an entry on the next write', async () => {
    await store.write(KEY, { verdict: 'healthy' }, 1)
    await store.write(KEY, { verdict: 'unhealthy' }, 2)
    expect((await store.read(KEY, isVerdict))?.payload).toEqual({ verdict: 'unhealthy' })
  })

  it('throws on a key that is not SHA-256 hex (a programming error)', async () => {
    const bad = '../' + KEY.slice(3)
    await expect(store.read(bad, isVerdict)).rejects.toThrow(
      `cache key must be 64 lower-case hex digits, got ${JSON.stringify(bad)}`
    )
    await expect(store.write(KEY.toUpperCase(), { verdict: 'x' }, 1)).rejects.toThrow(
      'cache key must be 64'
    )
  })

  it.each([
    ['a truncated file', (text: string) => text.slice(0, text.length / 2), 'not JSON'],
    [
      'another schema',
      (text: string) => text.replace(ENTRY_SCHEMA, 'validate-goproxy/cache@9'),
      `not a ${ENTRY_SCHEMA} entry for this key (entry.schema is "validate-goproxy/cache@9", not "${ENTRY_SCHEMA}")`
    ],
    [
      'another key inside',
      (text: string) => text.replace(`"key":"${KEY}"`, `"key":"${OTHER}"`),
      'not a validate-goproxy'
    ],
    [
      'a payload the reader rejects',
      (text: string) => text.replace('"verdict"', '"verdic"'),
      'not a validate-goproxy'
    ]
  ])('ignores %s, and the next write replaces it', async (_what, damage, why) => {
    await store.write(KEY, { verdict: 'healthy' }, 1)
    const file = join(dir, `${KEY}.json`)
    await writeFile(file, damage(await readFile(file, 'utf8')))
    expect(await store.read(KEY, isVerdict)).toBeUndefined()
    expect(log.lines).toEqual([expect.stringContaining(`debug: cache: ignoring ${file}: ${why}`)])
    await store.write(KEY, { verdict: 'degraded' }, 2)
    expect((await store.read(KEY, isVerdict))?.payload).toEqual({ verdict: 'degraded' })
  })

  it('lists only entry files', async () => {
    await store.write(KEY, { verdict: 'healthy' }, 1)
    await writeFile(join(dir, 'notes.txt'), 'hello')
    await writeFile(join(dir, `${OTHER}.json.123.abc.tmp`), '{')
    expect(await store.keys()).toEqual([KEY])
  })

  it('logs a failed write as a warning and does not throw', async () => {
    await writeFile(join(root, 'file'), 'not a directory')
    const blocked = createLocalStore(join(root, 'file', 'cache'), log)
    await expect(blocked.write(KEY, { verdict: 'healthy' }, 1)).resolves.toBeUndefined()
    expect(log.lines).toEqual([
      expect.stringMatching(/^warning: cache: cannot write .*file\/cache\/0123.*\.json: ENOTDIR/)
    ])
    expect(await readdir(root)).toEqual(['file'])
  })
})

describe('local store with 16 concurrent writer processes', () => {
  let modules: ChildModules
  beforeAll(async () => {
    modules = await transpileForChildren(['src/cache/local-store.ts'])
  })
  afterAll(() => modules.cleanup())

  it('leaves one valid entry, never a partial file, and no temp files', async () => {
    const writers = 16
    const size = 256 * 1024
    const children = Array.from({ length: writers }, (_, i) =>
      runChild<{ warnings: string[] }>('__tests__/resilience/fixtures/store-writer.mjs', [
        modules.url('src/cache/local-store.ts'),
        dir,
        KEY,
        String(i),
        '8',
        String(size)
      ])
    )
    // Read while they write: every file seen must be a whole entry.
    let done = false
    const reads = { whole: 0, partial: 0 }
    const all = Promise.all(children).finally(() => (done = true))
    const file = join(dir, `${KEY}.json`)
    for (let round = 0; !done && round < 5000; round++) {
      const text = await readFile(file, 'utf8').catch(() => undefined)
      if (text !== undefined) reads[isWholeEntry(text) ? 'whole' : 'partial']++
      await new Promise(resolve => setImmediate(resolve))
    }
    const reports = await all
    expect(reports.flatMap(r => r.warnings)).toEqual([])
    expect(reads.partial).toBe(0)
    expect(reads.whole).toBeGreaterThan(0)
    expect(await readdir(dir)).toEqual([`${KEY}.json`])
    const entry = await store.read(KEY, isWriterPayload)
    expect(entry?.payload.blob).toBe(String(entry?.payload.writer).repeat(size))
    expect(entry?.payload.round).toBe(7)
  }, 20_000)
})

function isWholeEntry(text: string): boolean {
  try {
    return isCacheEntry(JSON.parse(text), KEY, isWriterPayload)
  } catch {
    return false
  }
}

interface WriterPayload {
  writer: number
  round: number
  blob: string
}
function isWriterPayload(p: unknown): p is WriterPayload {
  const w = p as WriterPayload | null
  return typeof w?.writer === 'number' && typeof w.round === 'number' && typeof w.blob === 'string'
}
