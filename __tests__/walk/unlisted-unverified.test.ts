/**
 * A file with no go.sum line that the checksum database cannot vouch for (it has no record, or
 * cannot be asked): the go command fails its download whichever GOPROXY entry served it, `direct`
 * included, so the walk ends there blaming no proxy, and the answer is not kept in the verdict
 * cache (the database may answer next time). A later lookup whose signed tree does not extend the
 * one the run proved is a fork, and vouches for nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createLocalStore } from '../../src/cache/local-store.js'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { quietLog } from '../world/log.js'
import { goSumLines } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import {
  GO_TIMEOUT_MS,
  goFailures,
  moduleOf,
  validateBuild,
  writeAppRequiring
} from './graph-world.js'

const PROBE = 'example.com/a@v1.0.0'
const C_LOOKUP = '/lookup/example.com/c@'

describe('a file with no go.sum line the checksum database cannot vouch for', () => {
  let scratch: GoScratch
  let getter: HttpGetter
  let db: SumdbWorld
  let withoutC: SumdbWorld
  /** go.sum names only a; the build (go 1.16, unpruned) fetches c's go.mod and zip too. */
  let dir: string
  const proxies = { A: '', B: '' }
  /** In front of `db`: what it does to c's lookups. */
  let front: http.Server
  let frontUrl = ''
  let onLookupOfC: 'pass' | 'fail' | 'fork' = 'pass'

  beforeAll(async () => {
    const c = await moduleOf('example.com/c', '1.21')
    const a = await moduleOf('example.com/a', '1.16', [c])
    scratch = await makeGoScratch()
    for (const name of ['A', 'B'] as const) {
      const tree = join(scratch.proxyDir, name)
      await writeProxyTree(tree, [a, c])
      proxies[name] = pathToFileURL(tree).href
    }
    db = await startSumdb([a, c])
    withoutC = await startSumdb([a])
    front = http.createServer((req, res) => {
      if (req.url?.startsWith(C_LOOKUP) && onLookupOfC === 'fail') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('database down\n')
        return
      }
      // From c's lookup on, the database shows a log that does not extend the one proved.
      if (req.url?.startsWith(C_LOOKUP) && onLookupOfC === 'fork') db.setFault('fork')
      http
        .get(`${db.url}${req.url}`, up => {
          res.writeHead(up.statusCode ?? 502, up.headers)
          up.pipe(res)
        })
        .on('error', () => res.writeHead(502).end())
    })
    await new Promise<void>(resolve => front.listen(0, '127.0.0.1', resolve))
    frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`
    dir = join(scratch.root, 'app')
    await writeAppRequiring(dir, a, goSumLines([a]))
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    front.closeAllConnections()
    await new Promise(resolve => front.close(resolve))
    await Promise.all([db.close(), withoutC.close(), scratch.remove()])
  })

  const gosumdbOf = (world: SumdbWorld) => `${world.verifierKey} ${world.url}`
  const unresolvedOf = (result: RunResult) =>
    result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)

  it('blames no proxy when the database has no record: none is dropped, the run fails', async () => {
    const result = await validateBuild(
      `${proxies.A},${proxies.B}`,
      { workingDirectory: dir },
      PROBE,
      getter,
      {
        gosumdb: gosumdbOf(withoutC)
      }
    )
    expect(result.reports.map(r => r.verdict)).toEqual(['healthy', 'healthy'])
    expect(unresolvedOf(result)).toEqual(['example.com/c@v1.0.0'])
    const asked = result.build.unresolved[0].files.flatMap(f => f.asked.map(a => a.answer))
    expect(asked.filter(a => a.kind === 'unverified')).not.toHaveLength(0)
    expect(asked.find(a => a.kind === 'unverified')?.problem).toMatch(
      /^the checksum database has no record of example\.com\/c@v1\.0\.0/
    )
    expect(result.selection.goproxy).toBeUndefined()
  })

  itWithGo(
    'fails with `direct` after the proxy too, across `,` or `|`, as the go command does',
    async () => {
      for (const chain of [`${proxies.A},direct`, `${proxies.A}|direct`]) {
        const env = { GOSUMDB: gosumdbOf(withoutC) }
        const failed = await goFailures(dir, chain, [['mod', 'download']], '.', env)
        expect({ chain, failed }).toEqual({ chain, failed: ['mod download'] })
        const result = await validateBuild(chain, { workingDirectory: dir }, PROBE, getter, {
          gosumdb: gosumdbOf(withoutC),
          'on-failure': 'fail'
        })
        expect({ chain, unresolved: unresolvedOf(result) }).toEqual({
          chain,
          unresolved: ['example.com/c@v1.0.0']
        })
        expect({ chain, exported: result.selection.goproxy }).toEqual({
          chain,
          exported: undefined
        })
      }
    },
    4 * GO_TIMEOUT_MS
  )

  it('keeps no answer of a database that failed: the next run asks it again', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-unverified-cache-'))
    const run = () =>
      validate(
        planOf({
          proxies: proxies.A,
          gosumdb: `${db.verifierKey} ${frontUrl}`,
          'probe-modules': PROBE,
          'working-directory': dir,
          timeout: '8',
          retries: '0',
          'cache-dir': cacheDir
        }),
        {
          http: getter.get,
          clock: systemClock,
          log: quietLog,
          store: createLocalStore(cacheDir, quietLog)
        }
      )
    try {
      onLookupOfC = 'fail'
      const first = await run()
      expect(unresolvedOf(first)).toEqual(['example.com/c@v1.0.0'])
      onLookupOfC = 'pass'
      // The candidate's verdict comes from the cache, so nothing fresh is proved; c is looked up
      // on the database's own route all the same.
      const lookupsOfC = () => db.requestedPaths().filter(p => p.startsWith(C_LOOKUP)).length
      const before = lookupsOfC()
      const second = await run()
      expect(second.reports[0].cached).toBeDefined()
      expect(second.integrity.status).toBe('not-checked')
      expect(lookupsOfC()).toBe(before + 1)
      expect(unresolvedOf(second)).toEqual([])
      expect(second.selection.goproxy).toBe(proxies.A)
    } finally {
      onLookupOfC = 'pass'
      await rm(cacheDir, { recursive: true, force: true })
    }
  })

  it('vouches for nothing on a tree that does not extend the one the run proved', async () => {
    onLookupOfC = 'fork'
    try {
      const result = await validateBuild(proxies.A, { workingDirectory: dir }, PROBE, getter, {
        gosumdb: `${db.verifierKey} ${frontUrl}`
      })
      expect(result.integrity.status).toBe('checked')
      expect(unresolvedOf(result)).toEqual(['example.com/c@v1.0.0'])
      const answer = result.build.unresolved[0].files[0].asked[0].answer
      expect(answer.kind).toBe('unverified')
      expect(answer.problem).toMatch(
        /could not be asked about example\.com\/c@v1\.0\.0 \(.*SECURITY ERROR\s+go\.sum database server misbehavior/
      )
    } finally {
      onLookupOfC = 'pass'
      db.setFault('healthy')
    }
  })
})
