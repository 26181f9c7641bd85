import { describe, expect, it } from '@jest/globals'
import type { FailOn } from '../../src/config/plan.js'
import type { Verdict } from '../../src/probe/types.js'
import { selectChain } from '../../src/select/chain.js'
import {
  degradedHead,
  degradedHeadSentence,
  headPassed,
  verdictsByCandidate
} from '../../src/select/gate.js'
import { reportsOf } from './reports.js'

describe('the fail-on gate', () => {
  it.each<[string, Verdict[], FailOn, boolean]>([
    ['https://a,direct', ['healthy'], 'unusable', true],
    ['https://a,direct', ['healthy'], 'degraded', true],
    // A degraded head passed by default: it works, only slower or older.
    ['https://a,direct', ['degraded'], 'unusable', true],
    ['https://a,direct', ['degraded'], 'degraded', false],
    // Only the head is judged: the entries after it serve only when it fails.
    ['https://a,https://b', ['healthy', 'degraded'], 'degraded', true],
    // A failed head is dropped; the next one heads the chain and is judged.
    ['https://a,https://b', ['unhealthy', 'degraded'], 'degraded', false],
    ['https://a,https://b', ['unhealthy', 'healthy'], 'degraded', true],
    ['https://a', ['unhealthy'], 'unusable', false],
    ['direct', [], 'degraded', false]
  ])('%s with %j and fail-on %s: head passed is %s', (list, verdicts, failOn, passed) => {
    const selection = selectChain(reportsOf(list, verdicts), 'ordered', 'fail')
    expect(headPassed(selection, failOn)).toBe(passed)
  })

  it('names the degraded head only when fail-on is degraded', () => {
    const selection = selectChain(
      reportsOf('https://a,https://b', ['degraded', 'healthy']),
      'ordered',
      'fail'
    )
    expect(degradedHead(selection, 'unusable')).toBeUndefined()
    const head = degradedHead(selection, 'degraded')
    expect(head?.candidate.display).toBe('https://a')
    expect(degradedHeadSentence(head!)).toBe(
      'https://a heads the exported GOPROXY and is degraded (degraded for a reason); fail-on is `degraded`, so the run fails.'
    )
  })

  it('judges the mirror heading the chain when the mirrors took over', () => {
    const reports = [
      ...reportsOf('https://a', ['unhealthy']),
      ...reportsOf('https://m1,https://m2', ['degraded', 'healthy'], 'mirror')
    ]
    const selection = selectChain(reports, 'ordered', 'fail')
    expect(selection.outcome).toBe('mirrors')
    expect(degradedHead(selection, 'degraded')?.candidate.display).toBe('https://m1')
  })
})

describe('verdictsByCandidate', () => {
  it('maps each redacted URL (or direct/off) to its verdict', () => {
    const reports = [
      ...reportsOf('https://a|https://b,direct', ['unhealthy', 'degraded']),
      ...reportsOf('https://m,off', ['tampered'], 'mirror')
    ]
    expect(verdictsByCandidate(reports)).toEqual({
      'https://a': 'unhealthy',
      'https://b': 'degraded',
      direct: 'skipped',
      'https://m': 'tampered',
      off: 'skipped'
    })
  })

  it('keeps the first verdict of a URL listed twice', () => {
    const reports = [
      ...reportsOf('https://a', ['unhealthy']),
      ...reportsOf('https://a', ['healthy'], 'mirror')
    ]
    expect(verdictsByCandidate(reports)).toEqual({ 'https://a': 'unhealthy' })
  })
})
