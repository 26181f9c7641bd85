// Shared pieces of the breaker tests. cockatiel stamps the open state with Date.now(), so the
// tests move that clock by hand through `wall.now`.
import { afterEach, beforeEach, expect, jest } from '@jest/globals'
import {
  createBreaker,
  type BreakerOptions,
  type CandidateBreaker
} from '../../../src/resilience/policy.js'

export const T0 = Date.parse('2030-01-01T00:00:00Z')
export const wall = { now: T0 }

/** Replaces Date.now with `wall.now` (reset to T0) for each test of the calling file. */
export function useManualWallClock(): void {
  beforeEach(() => {
    wall.now = T0
    jest.spyOn(Date, 'now').mockImplementation(() => wall.now)
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })
}

export class Outage extends Error {}
export class Answer extends Error {}

export const OPTS: BreakerOptions = {
  threshold: 0.5,
  cooldownMs: 60_000,
  minimumCalls: 2,
  windowSize: 10
}

/** One failed call; resolves with the name of the error it met. */
export const fail = (b: CandidateBreaker): Promise<string> =>
  b.execute(async () => Promise.reject(new Outage('503'))).catch(e => (e as Error).constructor.name)

export const succeed = (b: CandidateBreaker): Promise<string> => b.execute(async () => 'ok')

/** A breaker opened by two failures at `wall.now`. */
export async function openBreaker(opts: BreakerOptions = OPTS): Promise<CandidateBreaker> {
  const b = createBreaker(opts)
  await fail(b)
  await fail(b)
  expect(b.state).toBe('open')
  return b
}

/**
 * How `p` has settled by the next turn of the event loop: `ok <value>`, the name of its error,
 * or 'pending'. A call the breaker turns away settles at once; one it queues stays pending.
 */
export async function outcomeNow(p: Promise<unknown>): Promise<string> {
  const outcome = p.then(
    v => `ok ${String(v)}`,
    e => (e as Error).constructor.name
  )
  const nextTurn = new Promise<string>(resolve => setImmediate(() => resolve('pending')))
  return Promise.race([outcome, nextTurn])
}
