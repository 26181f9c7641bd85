import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createBreaker } from '../../src/resilience/breaker.js'
import type { BreakerSnapshot } from '../../src/resilience/breaker-state.js'
import {
  breaker,
  fail,
  heldRequest,
  manualClock,
  outcomeNow,
  openBreaker,
  OPTS,
  succeed,
  T0,
  time,
  useManualClock
} from './support/breaker-kit.js'
import { runChild, transpileForChildren, type ChildModules } from './support/child-modules.js'

useManualClock()

const roundTrip = (s: BreakerSnapshot): BreakerSnapshot =>
  JSON.parse(JSON.stringify(s)) as BreakerSnapshot

const restore = (saved: unknown, opts = OPTS) =>
  createBreaker(opts, manualClock, saved as BreakerSnapshot)

describe('snapshots', () => {
  it('holds the counted requests, oldest first, and openedAt only while open', async () => {
    const b = breaker()
    await succeed(b)
    expect(b.snapshot()).toEqual({ version: 2, outcomes: ['ok'] })
    await fail(b)
    expect(b.snapshot()).toEqual({ version: 2, outcomes: ['ok', 'failed'], openedAt: T0 })
  })

  it('restores an open breaker that stays open until the cooldown ends, then allows one trial', async () => {
    const saved = roundTrip((await openBreaker()).snapshot())
    time.now = T0 + 30_000
    const early = restore(saved)
    expect(early.state).toBe('open')
    expect(early.retryAt()).toBe(T0 + 60_000)
    expect(await fail(early)).toBe('BreakerOpenError')

    time.now = T0 + 60_000
    const later = restore(saved)
    const held = heldRequest<string>()
    const trial = later.execute(held.start)
    expect(await outcomeNow(fail(later))).toBe('ok BreakerOpenError') // turned away, not queued
    held.resolve('fine')
    expect(await trial).toBe('fine')
    expect(later.state).toBe('closed')
  })

  it('keeps the failure window of a closed breaker', async () => {
    const b = breaker()
    await fail(b)
    const restored = restore(roundTrip(b.snapshot()))
    expect(restored.state).toBe('closed')
    await fail(restored)
    expect(restored.state).toBe('open')
  })

  it('is detached from the live breaker, and restoring does not change it', async () => {
    const b = breaker()
    await fail(b)
    const saved = b.snapshot()
    const copy = JSON.stringify(saved)
    await succeed(b)
    const restored = restore(saved)
    await fail(restored)
    expect(JSON.stringify(saved)).toBe(copy)
  })

  it('ignores a snapshot that does not fit: older, foreign, damaged, a longer window', async () => {
    const open = roundTrip((await openBreaker()).snapshot())
    const unusable: unknown[] = [
      // Version 1 held cockatiel's state; its attempt counts mean nothing to a request breaker.
      {
        version: 1,
        state: { ownState: { value: 1, openedAt: T0, attemptNo: 1 }, breakerState: {} },
        openedAt: T0
      },
      { ...open, version: 3 },
      { ...open, version: '2' },
      null,
      'garbage',
      [open],
      { version: 2 },
      { ...open, outcomes: 'failed' },
      { ...open, outcomes: ['failed', null] },
      { ...open, outcomes: ['failed', 'maybe'] },
      { ...open, outcomes: Array(11).fill('failed') },
      { ...open, openedAt: -1 },
      { ...open, openedAt: '2030-01-01' },
      { ...open, openedAt: null },
      { ...open, outcomes: ['ok', 'ok'] } // open, yet no request failed
    ]
    for (const saved of unusable) {
      const b = restore(saved)
      expect({ saved, state: b.state }).toEqual({ saved, state: 'closed' })
      expect(b.snapshot()).toEqual({ version: 2, outcomes: [] })
    }
    expect(restore(open, { ...OPTS, windowSize: 1, minimumCalls: 1 }).state).toBe('closed')
  })

  it('clamps an openedAt in the future (another runner’s clock) to now', async () => {
    const saved = roundTrip((await openBreaker()).snapshot())
    time.now = T0 - 3_600_000
    const b = restore(saved)
    expect(b.state).toBe('open')
    expect(b.retryAt()).toBe(time.now + 60_000)
  })
})

describe('snapshots across processes (real clock)', () => {
  let modules: ChildModules
  beforeAll(async () => {
    modules = await transpileForChildren(['src/resilience/breaker.ts', 'src/clock.ts'])
  })
  afterAll(() => modules.cleanup())

  interface TrialReport {
    before: string
    ran: string[]
    results: string[]
    after: string
  }
  const inChild = (opts: typeof OPTS, saved: BreakerSnapshot): Promise<TrialReport> =>
    runChild<TrialReport>('__tests__/resilience/fixtures/breaker-trial.mjs', [
      modules.url('src/resilience/breaker.ts'),
      modules.url('src/clock.ts'),
      JSON.stringify(opts),
      JSON.stringify(saved)
    ])

  it('an open breaker saved moments ago stays open in another process', async () => {
    time.now = new Date().getTime() // opened now by the real clock
    const opts = { ...OPTS, cooldownMs: 3_600_000 }
    const report = await inChild(opts, (await openBreaker(opts)).snapshot())
    expect(report).toEqual({
      before: 'open',
      ran: [],
      results: [
        'BreakerOpenError: circuit breaker open after 2 of 2 requests failed',
        'BreakerOpenError: circuit breaker open after 2 of 2 requests failed'
      ],
      after: 'open'
    })
  })

  it('once the cooldown has passed, the other process runs exactly one trial', async () => {
    time.now = new Date().getTime() - 120_000 // opened two minutes ago by the real clock
    const report = await inChild(OPTS, (await openBreaker()).snapshot())
    expect(report).toEqual({
      before: 'open',
      ran: ['first'],
      results: [
        'ok first',
        'BreakerOpenError: circuit breaker half-open: its one trial request is in flight'
      ],
      after: 'closed'
    })
  })
})
