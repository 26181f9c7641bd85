/**
 * `cache-hit` is true only when a run sent no request. A warm run whose verdicts all come from the
 * cache may still ask what no verdict holds — here what a go.mod query (`require rsc.io/quote
 * v1.5`) resolves to, which moves as versions are published — and is then no cache hit, however
 * every verdict was recalled. A build that fetches a toolchain is judged apart from one that does
 * not (a chain is chosen to serve it), so its verdicts are its own.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalStore } from '../../../src/cache/local-store.js'
import { systemClock } from '../../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../../src/http/get.js'
import { validate } from '../../../src/validate.js'
import { quietLog } from '../../world/log.js'
import { planOf } from '../../world/plan.js'
import { startToolchainWorld, type ToolchainWorld } from '../../walk/toolchain-world.js'

describe('cache-hit', () => {
  let world: ToolchainWorld
  let getter: HttpGetter
  let root: string
  /** The toolchain world's app, its go.mod asking for no toolchain. */
  let noToolchain: string
  /** The same, its go.mod requiring rsc.io/quote v1.5: a query. */
  let query: string

  /** The toolchain world's app with its go.sum, its go.mod asking for no toolchain. */
  async function appRequiring(name: string, quote: string): Promise<string> {
    const dir = join(root, name)
    await mkdir(dir)
    await copyFile(join(world.dir, 'go.sum'), join(dir, 'go.sum'))
    const goMod = `module example.com/app\n\ngo 1.21\n\nrequire rsc.io/quote ${quote}\n`
    await writeFile(join(dir, 'go.mod'), goMod)
    return dir
  }

  beforeAll(async () => {
    world = await startToolchainWorld()
    getter = createHttpGetter()
    root = await mkdtemp(join(tmpdir(), 'vgp-cache-hit-'))
    noToolchain = await appRequiring('app', 'v1.5.2')
    query = await appRequiring('query', 'v1.5')
  })
  afterAll(async () => {
    getter.close()
    await world.close()
    await rm(root, { recursive: true, force: true })
  })

  async function run(workingDirectory: string, goSum = 'auto') {
    const plan = planOf({
      proxies: world.withToolchain.url('all'),
      gosumdb: world.gosumdb(),
      'probe-modules': 'rsc.io/quote@v1.5.2',
      'working-directory': workingDirectory,
      'go-sum': goSum,
      timeout: '10',
      cache: 'true',
      'cache-dir': join(root, 'cache')
    })
    const asked: string[] = []
    const result = await validate(plan, {
      http: request => {
        asked.push(request.url)
        return getter.get(request)
      },
      clock: systemClock,
      log: quietLog,
      store: createLocalStore(join(root, 'cache'), quietLog)
    })
    return {
      toolchainAsked: asked.some(url => url.includes('golang.org/toolchain')),
      requests: asked.length,
      cacheHit: result.exported.cacheHit,
      cached: result.reports[0].cached !== undefined
    }
  }

  it('is false on a warm run that still asks something, true on one that asks nothing', async () => {
    expect(await run(noToolchain)).toMatchObject({ cacheHit: false, cached: false })
    expect(await run(noToolchain)).toEqual({
      toolchainAsked: false,
      requests: 0,
      cacheHit: true,
      cached: true
    })
    await run(query)
    const warm = await run(query)
    expect({ ...warm, requests: warm.requests > 0 }).toEqual({
      toolchainAsked: false,
      requests: true,
      cacheHit: false,
      cached: true
    })
  })

  it('judges a build that fetches a toolchain apart from one that does not', async () => {
    const cold = await run(world.dir)
    expect(cold).toMatchObject({ toolchainAsked: true, cacheHit: false, cached: false })
    expect(await run(world.dir)).toMatchObject({ cacheHit: true, cached: true })
  })
})
