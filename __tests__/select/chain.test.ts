import { describe, expect, it } from '@jest/globals'
import type { Candidate, Role } from '../../src/config/plan.js'
import { entryText, isProxyEntry, parseProxyList } from '../../src/goenv/proxylist.js'
import { verdictOnly } from '../../src/probe/candidate.js'
import type { CandidateReport, Verdict } from '../../src/probe/types.js'
import { selectChain } from '../../src/select/chain.js'

/** Reports for a GOPROXY-syntax list, each entry given its verdict (direct/off are skipped). */
function reports(
  list: string,
  verdicts: Verdict[],
  role: Role = 'primary',
  latencies: number[] = []
): CandidateReport[] {
  return parseProxyList(list).map((entry, i) => {
    const candidate: Candidate = { id: `${role}[${i}]`, role, entry, display: entryText(entry) }
    const verdict = isProxyEntry(entry) ? verdicts[i] : 'skipped'
    return { ...verdictOnly(candidate, verdict, ''), latencyMs: latencies[i] }
  })
}

describe('selectChain', () => {
  it.each<[string, Verdict[], string]>([
    ['https://a,https://b,direct', ['healthy', 'healthy'], 'https://a,https://b,direct'],
    ['https://a|https://b,direct', ['unhealthy', 'healthy'], 'https://b,direct'],
    // Dropping b from a|b,c must not let Go reach c from a after any error: a,c.
    ['https://a|https://b,https://c', ['healthy', 'unhealthy', 'degraded'], 'https://a,https://c'],
    ['https://a|https://b|https://c', ['healthy', 'tampered', 'healthy'], 'https://a|https://c'],
    ['https://a,https://b|https://c', ['healthy', 'unhealthy', 'healthy'], 'https://a,https://c'],
    ['https://a|https://b|direct', ['healthy', 'unhealthy'], 'https://a|direct'],
    ['https://a,off', ['degraded'], 'https://a,off']
  ])('%s with verdicts %j exports %s', (list, verdicts, goproxy) => {
    const selection = selectChain(reports(list, verdicts), 'ordered', 'fail')
    expect(selection).toMatchObject({
      outcome: 'proxies',
      goproxy,
      healthy: true,
      fallbackUsed: false
    })
  })

  it('orders usable candidates by latency with strategy fastest, direct still last', () => {
    const selection = selectChain(
      reports(
        'https://a|https://b|https://c|direct',
        ['healthy', 'healthy', 'degraded'],
        'primary',
        [90, 10, 50]
      ),
      'fastest',
      'fail'
    )
    expect(selection.goproxy).toBe('https://b|https://c|https://a|direct')
  })

  // Go may fall from one entry to the next on any error only where the user joined them with |:
  // such a group moves as one, placed by its fastest member; `,` stays between groups.
  it.each<[string, number[], string]>([
    [
      'https://corp|https://corp-mirror,https://public',
      [50, 90, 10],
      'https://public,https://corp|https://corp-mirror'
    ],
    ['https://a,https://b|https://c,direct', [30, 20, 10], 'https://c|https://b,https://a,direct'],
    ['https://a,https://b|direct', [10, 20], 'https://a,https://b|direct'],
    ['https://a,https://b|direct', [20, 10], 'https://a,https://b|direct']
  ])('fastest reorders %s (latencies %j) as %s', (list, latencies, goproxy) => {
    const verdicts = latencies.map((): Verdict => 'healthy')
    const selection = selectChain(reports(list, verdicts, 'primary', latencies), 'fastest', 'fail')
    expect(selection.goproxy).toBe(goproxy)
  })

  it('falls back to the usable mirrors only when no proxy passed', () => {
    const all = [
      ...reports('https://a,direct', ['unhealthy']),
      ...reports('https://m1|https://m2', ['tampered', 'healthy'], 'mirror')
    ]
    expect(selectChain(all, 'ordered', 'fail')).toMatchObject({
      outcome: 'mirrors',
      goproxy: 'https://m2',
      fallbackUsed: true,
      healthy: true
    })
  })

  it.each([
    ['fail', { outcome: 'failed', fallbackUsed: false }, undefined],
    ['direct', { outcome: 'on-failure-direct', fallbackUsed: true }, 'direct'],
    ['keep', { outcome: 'on-failure-keep', fallbackUsed: false }, undefined]
  ] as const)(
    'applies on-failure %s when nothing passed — a user direct does not count as passing',
    (onFailure, expected, goproxy) => {
      const selection = selectChain(
        reports('https://a,direct', ['unhealthy']),
        'ordered',
        onFailure
      )
      expect(selection).toMatchObject({ ...expected, healthy: false, chain: [] })
      expect(selection.goproxy).toBe(goproxy)
    }
  )

  it('exports a list with nothing to probe as given, unverified', () => {
    expect(selectChain(reports('direct', []), 'ordered', 'fail')).toMatchObject({
      outcome: 'nothing-to-probe',
      goproxy: 'direct',
      healthy: false
    })
  })
})
