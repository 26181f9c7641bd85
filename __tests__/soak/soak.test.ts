/**
 * A matrix soak: 32 runs of the bundled action, started a few milliseconds apart so they overlap,
 * share one verdict cache (TTL of 2 s and breaker cooldown of 1 s, so verdicts expire during the
 * soak) while the world flips three candidates between healthy and failing on a timer. Every run
 * must exit 0 by itself within a bound, export only what it may (see invariants.ts for the exact
 * rules), and leave the cache whole.
 *
 * 32 processes on a busy 2-core machine are slow: a request may take seconds, so a candidate may
 * come out degraded (slow) instead of healthy, and the timeout is generous so that a healthy
 * candidate never times out. Nothing here waits for a timeout, so it costs nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { reportOf, runMeasured, type MeasuredRun } from '../hostile/measure.js'
import { besidesSlowness } from '../world/load.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type Fault, type ProxyWorld } from '../world/proxy-server.js'
import { serverIdentity, TEST_CA_FILE } from '../world/tls.js'
import { cacheViolations, runViolations, type SoakRun } from './invariants.js'

const RUNS = 32
const START_EVERY_MS = 100
const TICK_MS = 100
/** Enough ticks to outlast the runs; the flipping stops sooner when they are all done. */
const MAX_FLIPS = 200
const TTL_MS = 2000
const TIMEOUT_MS = 30_000
/**
 * A run waits for nothing that fails slowly, so it ends long before this unless something holds
 * it (a socket, a timer); the test kills it a little later, and then it has no exit record.
 */
const RUN_BOUND_MS = TIMEOUT_MS + 15_000
const KILL_AFTER_MS = RUN_BOUND_MS + 15_000
/** A degraded verdict's reason when only resolving new versions failed. */
const RESOLVING_LATEST_FAILED =
  /: builds that pin versions work, resolving new versions through it does not$/

/** The candidates that flip, each with the way it fails, and how many ticks between flips. */
const FLIPPERS: { name: string; failing: Fault; every: number }[] = [
  { name: 'flip-500', failing: 'status-500', every: 1 },
  { name: 'flip-portal', failing: 'captive-portal', every: 2 },
  { name: 'flip-reset', failing: 'reset-mid-body', every: 3 }
]

interface Flip {
  at: number
  name: string
  fault: Fault
}

/** Flips each flipper between healthy and its failing fault until stopped; returns the timeline. */
function startFlipping(world: ProxyWorld): { timeline: Flip[]; stop: () => void } {
  const timeline: Flip[] = FLIPPERS.map(f => ({
    at: performance.now(),
    name: f.name,
    fault: 'healthy'
  }))
  let tick = 0
  const timer = setInterval(() => {
    tick++
    for (const { name, failing, every } of FLIPPERS) {
      if (tick % every !== 0 || timeline.length >= MAX_FLIPS) continue
      const last = timeline.findLast(f => f.name === name)
      const fault = last?.fault === 'healthy' ? failing : 'healthy'
      world.setFault(name, fault)
      timeline.push({ at: performance.now(), name, fault })
    }
  }, TICK_MS)
  return { timeline, stop: () => clearInterval(timer) }
}

describe('a matrix of runs sharing one cache while candidates flip', () => {
  let world: ProxyWorld
  let cacheDir: string

  beforeAll(async () => {
    const personas = [
      { name: 'steady', fault: 'healthy' as const },
      ...FLIPPERS.map(f => ({ name: f.name, fault: 'healthy' as const }))
    ]
    world = await startProxyWorld(await standardModules(), personas, { tls: serverIdentity() })
    cacheDir = join(await mkdtemp(join(tmpdir(), 'vgp-soak-')), 'cache')
  })
  afterAll(() => world.close())

  /** One leg of the matrix: its own netrc login, so the world can tell its requests apart. */
  async function leg(i: number): Promise<{ soak: SoakRun; run: MeasuredRun }> {
    const dir = await mkdtemp(join(tmpdir(), 'vgp-soak-run-'))
    const login = `run-${String(i).padStart(2, '0')}`
    const password = randomBytes(6).toString('hex')
    await writeFile(
      join(dir, 'netrc'),
      `machine 127.0.0.1:${world.port} login ${login} password ${password}\n`
    )
    const spawnAt = Date.now()
    const run = await runMeasured(
      {
        proxies: ['steady', ...FLIPPERS.map(f => f.name)].map(n => world.url(n)).join('|'),
        checks: 'standard',
        timeout: String(TIMEOUT_MS / 1000),
        cache: 'true',
        'cache-dir': cacheDir,
        'cache-ttl': String(TTL_MS / 1000),
        'breaker-cooldown': '1'
      },
      {
        dir,
        env: { NETRC: join(dir, 'netrc'), NODE_EXTRA_CA_CERTS: TEST_CA_FILE },
        killAfterMs: KILL_AFTER_MS
      }
    )
    const exitAt = Date.now()
    const authorization = `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`
    const soak = {
      login,
      authorization,
      spawnAt,
      exitAt,
      report: await reportOf(run),
      goproxy: run.exported.GOPROXY
    }
    return { soak, run }
  }

  it('exports only what each run may, every run exits 0 in time, and the cache stays whole', async () => {
    const flipping = startFlipping(world)
    const started = performance.now()
    let legs: { soak: SoakRun; run: MeasuredRun }[]
    try {
      legs = await Promise.all(
        Array.from({ length: RUNS }, (_, i) => sleep(i * START_EVERY_MS).then(() => leg(i)))
      )
    } finally {
      flipping.stop()
    }
    const ended = performance.now()

    for (const { soak, run } of legs) {
      expect({ login: soak.login, code: run.code, stderr: run.stderr }).toEqual({
        login: soak.login,
        code: 0,
        stderr: ''
      })
      expect(run.usage?.uptimeMs).toBeLessThan(RUN_BOUND_MS)
    }
    const runs = legs.map(l => l.soak)
    const seen = world.seen()
    const authorizations = new Set(runs.map(r => r.authorization))
    expect(seen.filter(s => !authorizations.has(s.authorization ?? ''))).toEqual([])
    expect(runViolations(runs, seen, TTL_MS)).toEqual([])
    expect(await cacheViolations(cacheDir)).toEqual({ problems: [], entries: 1 + FLIPPERS.length })

    // The soak was not vacuous: flips happened while runs were running, some verdicts came from
    // the cache and some were probed afresh (entries expired), and both outcomes of a flipper occurred.
    const candidates = runs.flatMap(r => r.report.candidates)
    expect(flipping.timeline.filter(f => f.at > started && f.at < ended).length).toBeGreaterThan(
      RUNS / 2
    )
    expect(candidates.some(c => c.cached)).toBe(true)
    // More fresh probes than candidates: at least one entry expired and was probed again.
    expect(candidates.filter(c => c.cached === null).length).toBeGreaterThan(1 + FLIPPERS.length)
    // On a busy machine a passing flipper may also be slow (degraded). A flipper whose list, or
    // the @latest lookup after a portal's list, met a fault is degraded (see invariants.ts);
    // nothing else may differ.
    const flippers = candidates.filter(c => c.url !== world.url('steady')).map(besidesSlowness)
    const outcomes = new Set(flippers.map(f => f.verdict))
    expect(['healthy', 'unhealthy'].filter(v => !outcomes.has(v))).toEqual([])
    expect(flippers.filter(f => !['healthy', 'unhealthy'].includes(f.verdict))).toEqual(
      flippers.filter(f => f.verdict === 'degraded' && RESOLVING_LATEST_FAILED.test(f.reason ?? ''))
    )
    // The steady candidate never fails, so every run exports it first.
    expect(runs.filter(r => !r.goproxy?.startsWith(world.url('steady'))).map(r => r.login)).toEqual(
      []
    )
  }, 300_000)
})
