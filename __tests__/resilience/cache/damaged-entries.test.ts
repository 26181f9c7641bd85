// A damaged cache entry is a miss: the run probes afresh, and its verdict replaces the file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recallSumdb, rememberSumdb } from '../../../src/cache/sumdb.js'
import { systemClock } from '../../../src/clock.js'
import type { Plan } from '../../../src/config/plan.js'
import { createHttpGetter, type HttpGetter } from '../../../src/http/get.js'
import { isCachedVerdict, lookupVerdict, storeVerdict } from '../../../src/cache/verdicts.js'
import type { CandidateReport } from '../../../src/probe/types.js'
import { ENTRY_SCHEMA, isCacheEntry, MAX_CLOCK_SKEW_MS } from '../../../src/cache/entry.js'
import { createLocalStore, type EntryStore } from '../../../src/cache/local-store.js'
import { validate } from '../../../src/validate.js'
import { recordingLog } from '../../world/log.js'
import { standardModules } from '../../world/modules.js'
import { planOf } from '../../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../../world/proxy-server.js'
import { damaged, fullCachedVerdict, partsOf } from '../support/damage.js'

const KEY = 'e'.repeat(64)
const NOW = 1_700_000_000_000

/** Ways to spoil an entry file's text, beyond damaging one part of its JSON. */
const TEXT_DAMAGES: [string, (text: string) => string][] = [
  ['an empty file', () => ''],
  ['not JSON at all', () => 'this is not JSON\n'],
  ['binary noise', () => '\u0000\u00ff\u0001garbage'],
  ['truncated JSON', text => text.slice(0, Math.floor(text.length / 2))],
  ['JSON null', () => 'null'],
  ['a JSON array', text => `[${text}]`],
  ['an older schema version', text => text.replace(ENTRY_SCHEMA, 'validate-goproxy/cache@1')]
]

let root = ''
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vgp-damaged-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('a damaged verdict entry in the store', () => {
  let dir = ''
  let store: EntryStore
  let plan: Plan
  let fresh: CandidateReport
  const file = (): string => join(dir, `${KEY}.json`)

  beforeAll(async () => {
    dir = await mkdtemp(join(root, 'store-'))
    store = createLocalStore(dir, recordingLog())
    plan = planOf({ proxies: 'https://proxy.example', gosumdb: 'off', 'cache-dir': dir })
    fresh = { ...fullCachedVerdict.report, candidate: plan.candidates[0], served: [] }
  })

  /** The file now holds a damaged entry: a miss, then the fresh verdict replaces it. */
  async function expectMissThenReplaced(): Promise<void> {
    expect(await lookupVerdict(store, plan, plan.candidates[0], KEY, NOW)).toEqual({})
    await storeVerdict(store, KEY, fresh, fullCachedVerdict.breaker, NOW)
    expect(isCacheEntry(JSON.parse(await readFile(file(), 'utf8')), KEY, isCachedVerdict)).toBe(
      true
    )
    const hit = await lookupVerdict(store, plan, plan.candidates[0], KEY, NOW + 1)
    expect(hit.report).toEqual({ ...fresh, cached: { ageMs: 1, storedAt: NOW } })
  }

  it.each(TEXT_DAMAGES)('with %s is a miss and is replaced', async (_what, spoil) => {
    await storeVerdict(store, KEY, fresh, undefined, NOW - 1000)
    await writeFile(file(), spoil(await readFile(file(), 'utf8')))
    await expectMissThenReplaced()
  })

  it('with any one part damaged is a miss and is replaced', async () => {
    await storeVerdict(store, KEY, fresh, fullCachedVerdict.breaker, NOW - 1000)
    const valid: unknown = JSON.parse(await readFile(file(), 'utf8'))
    // Opaque parts and optional fields left out are not damage: see cached-verdict-schema.test.ts.
    const parts = partsOf(valid, 'entry', { opaque: () => false, maps: () => false }).filter(
      p => !p.field.startsWith('entry.payload.breaker')
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...parts),
        fc.constantFrom('null' as const, 'wrong type' as const),
        async (part, damage) => {
          await writeFile(file(), JSON.stringify(damaged(valid, part, damage)))
          await expectMissThenReplaced()
        }
      ),
      { numRuns: 60 }
    )
  })

  it('stored later than the clock could allow is a miss; a little skew is not', async () => {
    await storeVerdict(store, KEY, fresh, undefined, NOW + MAX_CLOCK_SKEW_MS + 1)
    await expectMissThenReplaced()
    await storeVerdict(store, KEY, fresh, undefined, NOW + 1000)
    expect((await lookupVerdict(store, plan, plan.candidates[0], KEY, NOW)).report?.cached).toEqual(
      { ageMs: 0, storedAt: NOW + 1000 }
    )
  })
})

describe('a damaged GOSUMDB decision', () => {
  it.each(TEXT_DAMAGES)(
    'with %s is not recalled, and the next decision replaces it',
    async (_what, spoil) => {
      const dir = await mkdtemp(join(root, 'sumdb-'))
      const store = createLocalStore(dir, recordingLog())
      const plan = planOf({
        proxies: 'https://proxy.example',
        gosumdb: 'sum.golang.org',
        'cache-dir': dir
      })
      const outcome = {
        ok: true,
        gosumdb: 'sum.golang.org',
        reason: 'verified',
        mirrorUsed: false,
        routes: []
      }
      await rememberSumdb(store, plan, outcome, NOW)
      const [name] = await store.keys()
      const path = join(dir, `${name}.json`)
      await writeFile(path, spoil(await readFile(path, 'utf8')))
      expect(await recallSumdb(store, plan, NOW)).toBeUndefined()
      await rememberSumdb(store, plan, outcome, NOW)
      expect(await recallSumdb(store, plan, NOW)).toMatchObject({
        ok: true,
        gosumdb: 'sum.golang.org',
        reason: 'verified (from cache)'
      })
    }
  )

  it('with a null field is not recalled', async () => {
    const dir = await mkdtemp(join(root, 'sumdb-'))
    const store = createLocalStore(dir, recordingLog())
    const plan = planOf({
      proxies: 'https://proxy.example',
      gosumdb: 'sum.golang.org',
      'cache-dir': dir
    })
    await rememberSumdb(
      store,
      plan,
      { ok: true, gosumdb: 'sum.golang.org', reason: 'verified', mirrorUsed: false, routes: [] },
      NOW
    )
    const [name] = await store.keys()
    const path = join(dir, `${name}.json`)
    const entry = JSON.parse(await readFile(path, 'utf8'))
    await writeFile(
      path,
      JSON.stringify({ ...entry, payload: { ...entry.payload, gosumdb: null } })
    )
    expect(await recallSumdb(store, plan, NOW)).toBeUndefined()
  })
})

describe('a run over a damaged verdict entry', () => {
  let world: ProxyWorld
  let http: HttpGetter
  let dir = ''
  let plan: Plan

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [{ name: 'good', fault: 'healthy' }])
    http = createHttpGetter()
    dir = await mkdtemp(join(root, 'run-'))
    plan = planOf({
      proxies: world.url('good'),
      'probe-modules': 'example.com/hello',
      gosumdb: 'off',
      'cache-dir': dir,
      timeout: '10'
    })
  })
  afterAll(async () => {
    http.close()
    await world.close()
  })

  const runOnce = async () => {
    const log = recordingLog()
    const store = createLocalStore(dir, log)
    const result = await validate(plan, { http: http.get, clock: systemClock, log, store })
    return { report: result.reports[0], log, store }
  }

  const entryFile = async (): Promise<string> => {
    const keys = await createLocalStore(dir, recordingLog()).keys()
    expect(keys).toHaveLength(1)
    return join(dir, `${keys[0]}.json`)
  }

  it('caches a fresh verdict that the next run takes as a hit', async () => {
    const first = await runOnce()
    expect(first.report).toMatchObject({ verdict: 'healthy' })
    expect(first.report.cached).toBeUndefined()
    const second = await runOnce()
    // A fresh report that fails the check would make every run a miss: this proves it passes.
    expect(second.report.cached).toBeDefined()
    expect(second.report.verdict).toBe('healthy')
  })

  const valid = async (): Promise<Record<string, unknown>> => {
    await runOnce()
    return JSON.parse(await readFile(await entryFile(), 'utf8'))
  }
  const report = (e: Record<string, unknown>) =>
    (e.payload as { report: Record<string, unknown> }).report

  it.each<[string, (e: Record<string, unknown>) => unknown]>([
    ['report null', e => ({ ...e, payload: { ...(e.payload as object), report: null } })],
    ['latest null', e => ({ ...e, payload: { report: { ...report(e), latest: null } } })],
    ['probes [null]', e => ({ ...e, payload: { report: { ...report(e), probes: [null] } } })],
    ['findings null', e => ({ ...e, payload: { report: { ...report(e), findings: null } } })],
    ['verdict a number', e => ({ ...e, payload: { report: { ...report(e), verdict: 1 } } })],
    ['breaker a string', e => ({ ...e, payload: { ...(e.payload as object), breaker: 'open' } })],
    ['storedAt missing', ({ storedAt: _storedAt, ...e }) => e],
    ['an older schema', e => ({ ...e, schema: 'validate-goproxy/cache@1' })]
  ])('with %s: probes afresh, and the file holds a valid entry again', async (_what, spoil) => {
    const file = await entryFile()
    await writeFile(file, JSON.stringify(spoil(await valid())))
    world.resetCounts()
    const run = await runOnce()
    expect(run.report.cached).toBeUndefined()
    expect(run.report.verdict).toBe('healthy')
    expect(world.requests('good')).toBeGreaterThan(0)
    expect(run.log.lines.join('\n')).toContain(`cache: ignoring ${file}`)
    expect(
      isCacheEntry(JSON.parse(await readFile(file, 'utf8')), file.slice(-69, -5), isCachedVerdict)
    ).toBe(true)
    expect((await runOnce()).report.cached).toBeDefined()
  })

  it.each(TEXT_DAMAGES)('with %s: probes afresh and replaces it', async (_what, spoil) => {
    await valid()
    const file = await entryFile()
    await writeFile(file, spoil(await readFile(file, 'utf8')))
    const run = await runOnce()
    expect(run.report.cached).toBeUndefined()
    expect(run.report.verdict).toBe('healthy')
    expect((await runOnce()).report.cached).toBeDefined()
  })
})
