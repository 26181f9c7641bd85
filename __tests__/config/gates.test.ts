// The inputs of the gate: fail-on (unusable | degraded) and slow-threshold (above 0, at most the
// timeout, half of it by default), each refused with a message naming it.
import { describe, expect, it } from '@jest/globals'
import { planOf } from '../world/plan.js'

describe('slow-threshold', () => {
  it.each([
    [{}, 5000],
    [{ timeout: '3' }, 1500],
    [{ 'slow-threshold': '2' }, 2000],
    [{ 'slow-threshold': '750ms', timeout: '1' }, 750],
    [{ 'slow-threshold': '1m', timeout: '2m' }, 60_000],
    // At most the timeout: a slower request has timed out already.
    [{ 'slow-threshold': '10s' }, 10_000]
  ])('%j gives %d ms', (raw, ms) => {
    expect(planOf(raw).slowThresholdMs).toBe(ms)
  })

  it.each([
    [{ 'slow-threshold': '11' }, '"11" must be at most the timeout (10 s)'],
    [{ 'slow-threshold': '2s', timeout: '1500ms' }, '"2s" must be at most the timeout (1.5 s)'],
    [{ 'slow-threshold': '0' }, '"0" must be at least 1 ms and at most 600 s'],
    [{ 'slow-threshold': '-1s' }, '"-1s" is not a duration (examples: 10, 90s, 10m, 1h)']
  ])('%j is refused', (raw, message) => {
    expect(() => planOf(raw)).toThrow(`Invalid input 'slow-threshold': ${message}`)
  })
})

describe('fail-on', () => {
  it('defaults to unusable and takes degraded', () => {
    expect(planOf({}).failOn).toBe('unusable')
    expect(planOf({ 'fail-on': ' degraded ' }).failOn).toBe('degraded')
  })

  it('refuses another value, naming the input', () => {
    expect(() => planOf({ 'fail-on': 'unhealthy' })).toThrow(
      `Invalid input 'fail-on': "unhealthy" must be one of: unusable, degraded`
    )
  })
})
