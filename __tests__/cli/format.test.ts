import { describe, expect, it } from '@jest/globals'
import { defaultCacheDir } from '../../src/cli/cache-dir.js'
import { formatEnv } from '../../src/cli/format.js'
import { EXIT, exitStatus } from '../../src/cli/main.js'
import { createStderr } from '../../src/cli/stderr.js'
import type { Verdict } from '../../src/probe/types.js'
import type { RunResult } from '../../src/validate.js'
import type { Outcome } from '../../src/select/chain.js'

const SECRET = 'Zq9-s3cret'

/** Only what formatEnv and exitStatus read; the rest of a RunResult does not matter to them. */
function result(o: {
  outcome: Outcome
  goproxy?: string
  healthy?: boolean
  verdicts?: Verdict[]
  patterns?: Partial<RunResult['plan']['patterns']>
}): RunResult {
  return {
    plan: { patterns: { goprivate: '', gonoproxy: '', gonosumdb: '', ...o.patterns } },
    selection: {
      outcome: o.outcome,
      goproxy: o.goproxy,
      chain: [],
      fallbackUsed: false,
      healthy: o.healthy ?? false
    },
    exported: { goproxy: o.goproxy, healthy: o.healthy ?? false },
    reports: (o.verdicts ?? []).map(verdict => ({ verdict })),
    sumdb: { ok: true, gosumdb: 'sum.golang.org', reason: '', mirrorUsed: false }
  } as unknown as RunResult
}

describe('formatEnv', () => {
  it('prints GOPROXY with its credentials and GOSUMDB, nothing else when the patterns are empty', () => {
    const goproxy = `https://alice:${SECRET}@goproxy.example,direct`
    expect(formatEnv(result({ outcome: 'proxies', goproxy, healthy: true }))).toBe(
      `GOPROXY=${goproxy}\nGOSUMDB=sum.golang.org\n`
    )
  })

  it('prints the private patterns when set', () => {
    const patterns = {
      goprivate: 'corp.example/*',
      gonoproxy: 'corp.example/*',
      gonosumdb: 'corp.example/*,other.example'
    }
    expect(
      formatEnv(
        result({ outcome: 'mirrors', goproxy: 'https://m.example', healthy: true, patterns })
      )
    ).toBe(
      'GOPROXY=https://m.example\nGOSUMDB=sum.golang.org\nGOPRIVATE=corp.example/*\nGONOPROXY=corp.example/*\nGONOSUMDB=corp.example/*,other.example\n'
    )
  })

  it('prints GOPROXY=direct for on-failure direct', () => {
    expect(formatEnv(result({ outcome: 'on-failure-direct', goproxy: 'direct' }))).toBe(
      'GOPROXY=direct\nGOSUMDB=sum.golang.org\n'
    )
  })

  it('prints no GOPROXY for on-failure keep', () => {
    expect(
      formatEnv(result({ outcome: 'on-failure-keep', patterns: { goprivate: 'x.example' } }))
    ).toBe('GOSUMDB=sum.golang.org\nGOPRIVATE=x.example\n')
  })

  it('prints nothing when the run failed', () => {
    expect(formatEnv(result({ outcome: 'failed' }))).toBe('')
  })

  it('refuses a value with a line break, which would start another variable', () => {
    const patterns = { goprivate: 'x.example\nGOFLAGS=-insecure' }
    expect(() => formatEnv(result({ outcome: 'proxies', goproxy: 'direct', patterns }))).toThrow(
      'GOPRIVATE holds a line break or NUL; it cannot be printed as one GOPRIVATE=value line'
    )
  })
})

describe('exitStatus', () => {
  const cases: [string, Parameters<typeof result>[0], number][] = [
    [
      'a usable proxy',
      { outcome: 'proxies', goproxy: 'x', healthy: true, verdicts: ['healthy', 'unhealthy'] },
      EXIT.usable
    ],
    [
      'a usable mirror',
      { outcome: 'mirrors', goproxy: 'x', healthy: true, verdicts: ['tampered', 'healthy'] },
      EXIT.usable
    ],
    [
      'nothing to probe',
      { outcome: 'nothing-to-probe', goproxy: 'direct', verdicts: ['skipped'] },
      EXIT.usable
    ],
    ['nothing usable', { outcome: 'failed', verdicts: ['unhealthy'] }, EXIT.failed],
    [
      'on-failure direct',
      { outcome: 'on-failure-direct', goproxy: 'direct', verdicts: ['unhealthy'] },
      EXIT.failed
    ],
    ['on-failure keep', { outcome: 'on-failure-keep', verdicts: ['unhealthy'] }, EXIT.failed],
    [
      'nothing usable, one tampered',
      { outcome: 'failed', verdicts: ['unhealthy', 'tampered'] },
      EXIT.tampered
    ],
    [
      'on-failure direct, one tampered',
      { outcome: 'on-failure-direct', goproxy: 'direct', verdicts: ['tampered'] },
      EXIT.tampered
    ]
  ]
  it.each(cases)('%s', (_, o, status) => {
    expect(exitStatus(result(o))).toBe(status)
  })

  it('uses the sysexits usage status', () => {
    expect(EXIT).toEqual({ usable: 0, failed: 1, tampered: 2, usage: 64 })
  })
})

describe('createStderr', () => {
  function recorder() {
    const lines: string[] = []
    const stderr = createStderr(text => lines.push(text))
    return { lines, stderr }
  }

  it('masks every secret it was given, in lines and log messages', () => {
    const { lines, stderr } = recorder()
    stderr.addSecret(SECRET)
    stderr.addSecret(encodeURIComponent('p@ss word'))
    stderr.addSecret('')
    stderr.line(`login failed with ${SECRET}`)
    stderr.log.info(`twice: ${SECRET}${SECRET}`)
    stderr.log.warning(`encoded: p%40ss%20word`)
    expect(lines).toEqual(['login failed with ***\n', 'twice: ******\n', 'warning: encoded: ***\n'])
  })

  it('masks a longer secret whole when it holds a shorter one', () => {
    const { lines, stderr } = recorder()
    stderr.addSecret('abc')
    stderr.addSecret('xxabcxx')
    stderr.line('xxabcxx abc')
    expect(lines).toEqual(['*** ***\n'])
  })

  it('masks //user:password@ it was not told about', () => {
    const { lines, stderr } = recorder()
    stderr.line(`GET https://bob:${SECRET}@host.example/x`)
    expect(lines).toEqual(['GET https://bob:xxxxx@host.example/x\n'])
  })

  it('drops debug lines', () => {
    const { lines, stderr } = recorder()
    stderr.log.debug('noise')
    expect(lines).toEqual([])
  })
})

describe('defaultCacheDir', () => {
  it('uses XDG_CACHE_HOME when absolute', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg', HOME: '/home/u' }, 'linux', '/os-home')).toBe(
      '/xdg/validate-goproxy'
    )
  })

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'rel', HOME: '/home/u' }, 'linux', '/os-home')).toBe(
      '/home/u/.cache/validate-goproxy'
    )
  })

  it('falls back to ~/.cache (macOS too)', () => {
    expect(defaultCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/.cache/validate-goproxy')
  })

  it('uses %LOCALAPPDATA% on Windows', () => {
    expect(
      defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u')
    ).toBe('C:\\Users\\u\\AppData\\Local\\validate-goproxy')
    expect(defaultCacheDir({}, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Local\\validate-goproxy'
    )
  })
})
