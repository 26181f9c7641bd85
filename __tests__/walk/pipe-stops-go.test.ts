/**
 * Before a `|` the go command moves on from an error of the fetch itself (a status, a broken
 * connection), but not from a proxy that never answers (its client has no deadline) nor from a
 * zip that is not a good zip (checked once fetched). Such a proxy kept before `|` would hang or
 * fail the build: it is dropped as before a `,`. Judged by the real go command on the same fronts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { startBuildWorld, type BuildWorld } from '../world/build-world.js'
import { startFront, type Front } from '../world/front.js'
import { itWithGo, runGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { planOf } from '../world/plan.js'

/** Long enough for go to show it is waiting, short enough to keep the test bounded. */
const GO_WAITS_MS = 15_000

let world: BuildWorld
let getter: HttpGetter
const fronts: Record<string, Front> = {}

beforeAll(async () => {
  world = await startBuildWorld()
  getter = createHttpGetter()
  const full = world.url.full
  fronts.notZip = await startFront(full, [{ path: /\.zip$/, status: 200, body: '<html>…' }])
  fronts.hangs = await startFront(full, [{ path: /\.zip$/, status: 200, delayMs: 120_000 }])
})
afterAll(async () => {
  getter.close()
  await Promise.all([world.close(), ...Object.values(fronts).map(f => f.close())])
})

function run(proxies: string): Promise<RunResult> {
  const plan = planOf({
    proxies,
    gosumdb: 'off',
    'probe-modules': 'rsc.io/quote@v1.5.2',
    'go-sum': join(world.dir, 'go.sum'),
    timeout: '2',
    retries: '0',
    cache: 'false'
  })
  return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
}

async function goDownload(goproxy: string): Promise<number | null> {
  const work = await mkdtemp(join(tmpdir(), 'vgp-pipe-go-'))
  try {
    for (const name of ['go.mod', 'go.sum']) await copyFile(join(world.dir, name), join(work, name))
    const go = await runGo(['mod', 'download'], {
      cwd: work,
      env: { GOPROXY: goproxy, GOSUMDB: 'off' },
      timeoutMs: GO_WAITS_MS
    })
    return go.code
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 5 })
  }
}

const cases = [
  ['a zip that is not a zip', 'notZip', 'answer is not a zip file'],
  ['a zip that never comes', 'hangs', 'timed out']
] as const

describe('a proxy before `|` that the go command stops at', () => {
  it.each(cases)('%s: dropped, the later entry exported', async (_what, front, problem) => {
    const result = await run(`${fronts[front].url}|${world.url.full}`)
    expect(result.reports[0].verdict).toBe('unhealthy')
    expect(result.reports[0].reason).toContain(problem)
    expect(result.selection.goproxy).toBe(world.url.full)
  })

  for (const [what, front] of cases) {
    itWithGo(
      `${what}: go fails (or waits) through the list as given, downloads through ours`,
      async () => {
        expect(await goDownload(`${fronts[front].url}|${world.url.full}`)).not.toBe(0)
        expect(await goDownload(world.url.full)).toBe(0)
      },
      3 * GO_WAITS_MS
    )
  }
})
