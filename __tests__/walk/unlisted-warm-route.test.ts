/**
 * A run whose verdicts all come from the cache proves nothing fresh, yet a file the build fetches
 * with no go.sum line is still looked up in the checksum database: on the one route the go command
 * takes with the exported GOSUMDB and GOPROXY chain, with no fallback, as Go has none. A route
 * that fails Go fails the lookup; a route that Go does not take answers for nothing.
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createLocalStore } from '../../src/cache/local-store.js'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { startFront, type Front } from '../world/front.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { quietLog } from '../world/log.js'
import { goSumLines } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { GO_TIMEOUT_MS, goFailures, moduleOf, writeAppRequiring } from './graph-world.js'

const PROBE = 'example.com/a@v1.0.0'
const DOWNLOAD = [['mod', 'download']]
const C = 'example.com/c@v1.0.0'
const C_LOOKUP = /\/lookup\/example\.com\/c@/

describe('a file with no go.sum line, on a run that proves nothing fresh', () => {
  let scratch: GoScratch
  let getter: HttpGetter
  let db: SumdbWorld
  /** a and c as a file:// proxy (it serves no /sumdb/). */
  let fileProxy: string
  /** Proxies over http: `plain` serves no /sumdb/, `serving` proxies the database. */
  let world: ProxyWorld
  /** go.mod (go 1.16, unpruned) requires a, which requires c; go.sum names only a. */
  let dir: string
  const fronts: Front[] = []
  const cacheDirs: string[] = []

  beforeAll(async () => {
    const c = await moduleOf('example.com/c', '1.21')
    const a = await moduleOf('example.com/a', '1.16', [c])
    scratch = await makeGoScratch()
    await writeProxyTree(join(scratch.proxyDir, 'files'), [a, c])
    fileProxy = pathToFileURL(join(scratch.proxyDir, 'files')).href
    db = await startSumdb([a, c])
    world = await startProxyWorld(
      [a, c],
      [
        { name: 'plain', fault: 'healthy' },
        { name: 'serving', fault: 'healthy', sumdb: db.viaProxy }
      ]
    )
    dir = join(scratch.root, 'app')
    await writeAppRequiring(dir, a, goSumLines([a]))
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([...fronts.map(f => f.close()), world.close(), db.close()])
    await Promise.all(cacheDirs.map(d => rm(d, { recursive: true, force: true })))
    await scratch.remove()
  })

  async function front(target: string, failing: RegExp): Promise<Front> {
    const started = await startFront(target, [{ path: failing, status: 500 }])
    fronts.push(started)
    return started
  }

  /** A run with these inputs and a verdict cache kept across calls: the second one is warm. */
  async function cachedRun(inputs: Record<string, string>): Promise<() => Promise<RunResult>> {
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-warm-route-'))
    cacheDirs.push(cacheDir)
    const plan = planOf({
      'probe-modules': PROBE,
      'working-directory': dir,
      timeout: '8',
      retries: '0',
      'cache-dir': cacheDir,
      ...inputs
    })
    const store = createLocalStore(cacheDir, quietLog)
    return () => validate(plan, { http: getter.get, clock: systemClock, log: quietLog, store })
  }

  const unresolvedOf = (result: RunResult) =>
    result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)
  const lookupsOfC = (f: Front) => f.seen().filter(p => C_LOOKUP.test(p)).length
  const goFails = (proxy: string, gosumdb: string) =>
    goFailures(dir, proxy, DOWNLOAD, '.', { GOSUMDB: gosumdb })

  itWithGo(
    'fails where the explicit database fails, though a sumdb mirror would answer',
    async () => {
      const dbFront = await front(db.url, C_LOOKUP)
      const gosumdb = `${db.verifierKey} ${dbFront.url}`
      const run = await cachedRun({ proxies: fileProxy, gosumdb, 'sumdb-mirrors': db.url })
      // c's lookups fail on the route Go takes, so its answer is not cached.
      expect(unresolvedOf(await run())).toEqual([C])
      const lookupsOnMirror = () => db.requestedPaths().filter(p => C_LOOKUP.test(p)).length
      const before = lookupsOnMirror()
      const warm = await run()
      expect(warm.integrity.status).toBe('not-checked')
      expect(warm.sumdb.gosumdb).toBe(gosumdb)
      expect(unresolvedOf(warm)).toEqual([C])
      expect(warm.build.unresolved[0].files[0].asked[0].answer.kind).toBe('unverified')
      expect(lookupsOnMirror()).toBe(before)
      expect(await goFails(fileProxy, warm.sumdb.gosumdb)).toEqual(['mod download'])
    },
    4 * GO_TIMEOUT_MS
  )

  itWithGo(
    'asks the sumdb mirror the cached decision exports',
    async () => {
      const dbFront = await front(db.url, /^\/(lookup|tile)\//)
      const mirror = await front(db.url, C_LOOKUP)
      const run = await cachedRun({
        proxies: fileProxy,
        gosumdb: `${db.verifierKey} ${dbFront.url}`,
        'sumdb-mirrors': mirror.url
      })
      const first = await run()
      const exported = `${db.verifierKey} ${mirror.url}`
      expect(first.sumdb).toMatchObject({ mirrorUsed: true, gosumdb: exported })
      expect(unresolvedOf(first)).toEqual([C])
      mirror.setRules([])
      const before = lookupsOfC(dbFront)
      const warm = await run()
      expect(warm.integrity.status).toBe('not-checked')
      expect(warm.sumdb.gosumdb).toBe(exported)
      expect(unresolvedOf(warm)).toEqual([])
      expect(lookupsOfC(dbFront)).toBe(before)
      expect(await goFails(fileProxy, warm.sumdb.gosumdb)).toEqual([])
    },
    4 * GO_TIMEOUT_MS
  )

  itWithGo(
    "keeps no decision when the exported chain's route fails: the next run proves it again",
    async () => {
      // GOSUMDB names the database alone: Go asks the chain's proxies, then its host, which
      // does not resolve here. Only the mirror candidate (not exported) serves /sumdb/.
      const mirror = await front(world.url('serving'), C_LOOKUP)
      const run = await cachedRun({
        proxies: world.url('plain'),
        mirrors: mirror.url,
        gosumdb: db.verifierKey
      })
      const first = await run()
      expect(unresolvedOf(first)).toEqual([C])
      expect(first.sumdb.ok).toBe(false)
      mirror.setRules([])
      // Were the cached verdicts taken, this run would prove nothing and, with no decision kept
      // (none is for a route that failed), pass the database unasked.
      const again = await run()
      expect(again.integrity.status).toBe('checked')
      expect(again.sumdb.ok).toBe(false)
      expect(again.selection.goproxy).toBeUndefined()
      expect(await goFails(world.url('plain'), db.verifierKey)).toEqual(['mod download'])
    },
    4 * GO_TIMEOUT_MS
  )
})
