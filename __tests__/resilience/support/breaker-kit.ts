// Shared pieces of the breaker tests. The breaker reads time only from the clock it is given: the
// tests move that clock by hand through `time.now`, starting in 2030, far from the real time.
import { beforeEach, expect } from '@jest/globals'
import type { Clock } from '../../../src/clock.js'
import {
  createBreaker,
  type BreakerOptions,
  type CandidateBreaker
} from '../../../src/resilience/breaker.js'

export const T0 = Date.parse('2030-01-01T00:00:00Z')
export const time = { now: T0 }

/** The breaker never sleeps; it only asks the time. */
export const manualClock: Clock = {
  now: () => time.now,
  sleep: () => Promise.reject(new Error('the breaker does not sleep'))
}

/** Resets `time.now` to T0 before each test of the calling file. */
export function useManualClock(): void {
  beforeEach(() => {
    time.now = T0
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

export const breaker = (opts: BreakerOptions = OPTS): CandidateBreaker =>
  createBreaker(opts, manualClock)

/** One failed request; resolves with the name of the error it met. */
export const fail = (b: CandidateBreaker): Promise<string> =>
  b.execute(async () => Promise.reject(new Outage('503'))).catch(e => (e as Error).constructor.name)

export const succeed = (b: CandidateBreaker): Promise<string> => b.execute(async () => 'ok')

/** A breaker opened by two failed requests at `time.now`. */
export async function openBreaker(opts: BreakerOptions = OPTS): Promise<CandidateBreaker> {
  const b = breaker(opts)
  await fail(b)
  await fail(b)
  expect(b.state).toBe('open')
  return b
}

/** A request the test holds in flight and then ends by hand. */
export function heldRequest<T>(): {
  start: () => Promise<T>
  resolve: (v: T) => void
  reject: (e: Error) => void
} {
  let resolve: (v: T) => void = () => undefined
  let reject: (e: Error) => void = () => undefined
  const start = (): Promise<T> =>
    new Promise<T>((res, rej) => {
      resolve = res
      reject = rej
    })
  return { start, resolve: v => resolve(v), reject: e => reject(e) }
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
