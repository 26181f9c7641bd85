/**
 * Process hygiene of the bundled action, run with --unhandled-rejections=strict: it exits by
 * itself as soon as it is done (no socket, timer or rejection keeps it alive), with 0 on success
 * and, on every failure path, exit code 1 and one ::error:: line that gives the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import type { ActionRun } from '../world/runner.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { expectBounded, runMeasured } from './measure.js'

// The good candidate must answer within it even on a busy machine; what hangs costs this long.
const TIMEOUT_MS = 3000
const TIMEOUT = String(TIMEOUT_MS / 1000)

/** The lines of `::error::` commands the run printed (annotations with a title excluded). */
function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter(line => line.startsWith('::error::'))
}

describe('the action process', () => {
  let world: ProxyWorld
  let db: SumdbWorld

  beforeAll(async () => {
    const modules = await standardModules()
    world = await startProxyWorld(modules, [
      { name: 'good', fault: 'healthy' },
      { name: 'hang', fault: 'hang' },
      { name: 'broken', fault: 'status-500' }
    ])
    db = await startSumdb(modules)
    db.setFault('hang')
  })
  afterAll(() => Promise.all([world.close(), db.close()]))

  it('exits 0 with no error when a candidate passes, right after a hanging one times out', async () => {
    const run = await runMeasured({
      timeout: TIMEOUT,
      proxies: `${world.url('hang')}|${world.url('good')}`
    })
    expect(run.code).toBe(0)
    expect(run.usage?.code).toBe(0)
    expect(errorLines(run)).toEqual([])
    expect(run.exported.GOPROXY).toBe(world.url('good'))
    expectBounded(run, TIMEOUT_MS)
  })

  it('exits 1 promptly when the only candidate hangs', async () => {
    const run = await runMeasured({ timeout: TIMEOUT, proxies: world.url('hang') })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      "::error::No candidate passed; nothing was exported. See the job summary for each candidate's reason."
    ])
    expectBounded(run, TIMEOUT_MS)
  })

  it('exits 1 promptly when the checksum database never answers', async () => {
    const run = await runMeasured({
      timeout: TIMEOUT,
      proxies: world.url('good'),
      gosumdb: `${db.verifierKey} ${db.url}`
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^::error::The checksum database check failed \(.* failed: .* → timed out: no complete answer within 3000 ms\); nothing was exported\./
      )
    ])
    expectBounded(run, TIMEOUT_MS)
  })

  it('exits 1 when nothing is usable', async () => {
    const run = await runMeasured({ timeout: TIMEOUT, proxies: world.url('broken') })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(/^::error::No candidate passed; nothing was exported\./)
    expect(run.exported).toEqual({})
    expectBounded(run, TIMEOUT_MS)
  })

  it('exits 1 on a bad input, before any request', async () => {
    world.resetCounts()
    const run = await runMeasured({ timeout: 'soon', proxies: world.url('good') })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      `::error::Invalid input 'timeout': "soon" is not a duration (examples: 10, 90s, 10m, 1h)`
    ])
    expect(world.totalRequests()).toBe(0)
    expectBounded(run, 0)
  })

  it.each([
    [
      'missing',
      async (dir: string) => join(dir, 'no-such-go.sum'),
      `Invalid input 'go-sum': "%s" does not exist`
    ],
    [
      'malformed',
      async (dir: string) => {
        const file = join(dir, 'go.sum')
        await writeFile(file, 'example.com/hello v1.0.0\n')
        return file
      },
      `Invalid input 'go-sum': "%s" line 1 is malformed: wrong number of fields 2`
    ]
  ])('exits 1 on a %s go-sum file, naming it', async (_, makeFile, why) => {
    const file = await makeFile(await mkdtemp(join(tmpdir(), 'vgp-gosum-')))
    const run = await runMeasured({ timeout: TIMEOUT, proxies: world.url('good'), 'go-sum': file })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringContaining(`::error::${why.replace('%s', file)}`)
    ])
    expect(run.exported).toEqual({})
    expectBounded(run, TIMEOUT_MS)
  })
})
