import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import {
  createBreaker,
  type BreakerOptions,
  type BreakerSnapshot
} from '../../src/resilience/policy.js'
import {
  fail,
  outcomeNow,
  openBreaker,
  OPTS,
  succeed,
  T0,
  useManualWallClock,
  wall
} from './support/breaker-kit.js'
import { runChild, transpileForChildren, type ChildModules } from './support/child-modules.js'

useManualWallClock()

describe('snapshots', () => {
  const roundTrip = (s: BreakerSnapshot): BreakerSnapshot =>
    JSON.parse(JSON.stringify(s)) as BreakerSnapshot

  it('records openedAt only while open', async () => {
    expect(createBreaker(OPTS).snapshot()).toEqual({ version: 1, state: expect.anything() })
    const b = await openBreaker()
    expect(b.snapshot().openedAt).toBe(T0)
  })

  it('restores an open breaker that stays open until the cooldown ends, then allows one trial', async () => {
    const saved = roundTrip((await openBreaker()).snapshot())
    wall.now = T0 + 30_000
    const early = createBreaker(OPTS, saved)
    expect(early.state).toBe('open')
    expect(early.retryAt()).toBe(T0 + 60_000)
    expect(await fail(early)).toBe('BreakerOpenError')

    wall.now = T0 + 60_000
    const later = createBreaker(OPTS, saved)
    let finish: (v: string) => void = () => undefined
    const trial = later.execute(() => new Promise<string>(resolve => (finish = resolve)))
    expect(await outcomeNow(fail(later))).toBe('ok BreakerOpenError') // turned away, not queued
    finish('fine')
    expect(await trial).toBe('fine')
    expect(later.state).toBe('closed')
  })

  it('keeps the failure window of a closed breaker', async () => {
    const b = createBreaker(OPTS)
    await fail(b)
    const restored = createBreaker(OPTS, roundTrip(b.snapshot()))
    expect(restored.state).toBe('closed')
    await fail(restored)
    expect(restored.state).toBe('open')
  })

  it('is detached from the live breaker, and restoring does not change it', async () => {
    const b = createBreaker(OPTS)
    await fail(b)
    const saved = b.snapshot()
    const copy = JSON.stringify(saved)
    await succeed(b)
    const restored = createBreaker(OPTS, saved)
    await fail(restored)
    expect(JSON.stringify(saved)).toBe(copy)
  })

  it('ignores a snapshot that does not fit: foreign, damaged, other window size', async () => {
    const open = roundTrip((await openBreaker()).snapshot())
    const unusable: unknown[] = [
      { version: 2, state: open.state },
      { version: 1, state: 'garbage' },
      {
        version: 1,
        state: {
          ownState: { value: 3 },
          breakerState: (open.state as { breakerState: unknown }).breakerState
        }
      },
      {
        version: 1,
        state: {
          ...(open.state as object),
          breakerState: { samples: [false], currentSample: 0, failures: 1, successes: 0 }
        }
      }
    ]
    for (const saved of unusable)
      expect(createBreaker(OPTS, saved as BreakerSnapshot).state).toBe('closed')
    expect(createBreaker({ ...OPTS, windowSize: 5 }, open).state).toBe('closed')
  })

  it('clamps an openedAt in the future (another runner’s clock) to now', async () => {
    const saved = roundTrip((await openBreaker()).snapshot())
    wall.now = T0 - 3_600_000
    const b = createBreaker(OPTS, saved)
    expect(b.state).toBe('open')
    expect(b.retryAt()).toBe(wall.now + 60_000)
  })
})

describe('snapshots across processes (wall clock)', () => {
  let modules: ChildModules
  beforeAll(async () => {
    modules = await transpileForChildren(['src/resilience/breaker.ts'])
  })
  afterAll(() => modules.cleanup())

  interface TrialReport {
    before: string
    ran: string[]
    results: string[]
    after: string
  }
  const inChild = (opts: BreakerOptions, saved: BreakerSnapshot): Promise<TrialReport> =>
    runChild<TrialReport>('__tests__/resilience/fixtures/breaker-trial.mjs', [
      modules.url('src/resilience/breaker.ts'),
      JSON.stringify(opts),
      JSON.stringify(saved)
    ])

  it('an open breaker saved moments ago stays open in another process', async () => {
    jest.restoreAllMocks() // real time: the child has no fake clock
    const opts = { ...OPTS, cooldownMs: 3_600_000 }
    const report = await inChild(opts, (await openBreaker(opts)).snapshot())
    expect(report).toEqual({
      before: 'open',
      ran: [],
      results: [
        expect.stringMatching(/^BreakerOpenError: circuit breaker is open until /),
        expect.any(String)
      ],
      after: 'open'
    })
  })

  it('once the cooldown has passed, the other process runs exactly one trial', async () => {
    wall.now = new Date().getTime() - 120_000 // opened two minutes ago by the real clock
    const report = await inChild(OPTS, (await openBreaker()).snapshot())
    expect(report).toEqual({
      before: 'open',
      ran: ['first'],
      results: [
        'ok first',
        'BreakerOpenError: circuit breaker is half-open: its one trial request is in flight'
      ],
      after: 'closed'
    })
  })
})
