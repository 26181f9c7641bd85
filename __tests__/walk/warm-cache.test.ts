/**
 * The build's answers are cached with the verdicts, keyed by the go.sum content and not its path:
 * a second run (another leg of a matrix, its checkout elsewhere) reaches the same chain and the
 * same build result without asking any proxy.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { createLocalStore } from '../../src/cache/local-store.js'
import { validate, type RunResult } from '../../src/validate.js'
import { startBuildWorld, type BuildWorld } from '../world/build-world.js'
import { quietLog } from '../world/log.js'
import { planOf } from '../world/plan.js'

let world: BuildWorld
let getter: HttpGetter
let cacheDir: string
let otherCheckout: string

beforeAll(async () => {
  world = await startBuildWorld()
  getter = createHttpGetter()
  cacheDir = await mkdtemp(join(tmpdir(), 'vgp-warm-'))
  otherCheckout = await mkdtemp(join(tmpdir(), 'vgp-warm-leg-'))
  for (const name of ['go.mod', 'go.sum'])
    await copyFile(join(world.dir, name), join(otherCheckout, name))
})

afterAll(async () => {
  getter.close()
  await world.close()
  await rm(cacheDir, { recursive: true, force: true })
  await rm(otherCheckout, { recursive: true, force: true })
})

function run(workingDirectory: string): Promise<RunResult> {
  const plan = planOf({
    proxies: `${world.url.partial},${world.url.full}`,
    gosumdb: 'off',
    'probe-modules': 'rsc.io/quote@v1.5.2',
    'working-directory': workingDirectory,
    timeout: '8'
  })
  const store = createLocalStore(cacheDir, quietLog)
  return validate(plan, { http: getter.get, clock: systemClock, log: quietLog, store })
}

it('makes no request on a warm run, in another checkout of the same go.sum', async () => {
  const cold = await run(world.dir)
  const asked = world.requests()
  expect(asked).toBeGreaterThan(0)
  const warm = await run(otherCheckout)
  expect(world.requests()).toBe(asked)
  expect(warm.reports.every(r => r.cached)).toBe(true)
  expect(warm.selection.goproxy).toBe(cold.selection.goproxy)
  const outcomes = (r: RunResult) =>
    r.build.modules.map(m => [m.module.path, m.outcome, m.servedBy?.display])
  expect(outcomes(warm)).toEqual(outcomes(cold))
  expect(warm.build.modules).toHaveLength(world.build.length)
})
