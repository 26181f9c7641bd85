import { describe, expect, it } from '@jest/globals'
import { buildPlan } from '../../src/config/build.js'
import type { RawInputs } from '../../src/config/plan.js'
import { InputError } from '../../src/config/errors.js'
import { parseDuration } from '../../src/config/values.js'
import { SUM_GOLANG_ORG_KEY } from '../../src/goenv/gosumdb.js'

const ctx = (env: Record<string, string> = {}) => ({
  env,
  platform: 'linux' as const,
  defaultCacheDir: '/cache'
})

describe('buildPlan', () => {
  it('uses the job env, else Go own defaults', () => {
    const plan = buildPlan({}, ctx())
    expect(plan.candidates.map(c => c.display)).toEqual(['https://proxy.golang.org', 'direct'])
    expect(plan.gosumdb).toMatchObject({
      kind: 'db',
      name: 'sum.golang.org',
      verifierKey: SUM_GOLANG_ORG_KEY
    })
    expect(plan).toMatchObject({
      checks: 'standard',
      timeoutMs: 10_000,
      retries: 2,
      concurrency: 8,
      strategy: 'ordered',
      onFailure: 'fail'
    })
    expect(plan.cache).toEqual({ enabled: true, ttlMs: 600_000, dir: '/cache' })
    expect(plan.breaker).toEqual({ threshold: 0.5, cooldownMs: 60_000 })
    expect(buildPlan({ 'cache-ttl': '0.0001' }, ctx()).cache.ttlMs).toBe(0)
    expect(
      buildPlan({ 'sumdb-mirrors': 'https://a.example/sumdb\nfile:///srv/sumdb' }, ctx())
        .sumdbMirrors
    ).toEqual(['https://a.example/sumdb', 'file:///srv/sumdb'])
    expect(plan.modules.map(m => m.text)).toEqual([
      'rsc.io/quote@v1.5.2',
      'golang.org/x/sys@latest'
    ])
    const fromEnv = buildPlan(
      {},
      ctx({ GOPROXY: 'https://corp.example|direct', GOSUMDB: 'off', GOPRIVATE: '*.corp' })
    )
    expect(fromEnv.candidates.map(c => c.display)).toEqual(['https://corp.example', 'direct'])
    expect(fromEnv.gosumdb.kind).toBe('off')
    expect(fromEnv.patterns).toEqual({
      goprivate: '*.corp',
      gonoproxy: '*.corp',
      gonosumdb: '*.corp'
    })
  })

  it('reads newlines in proxies as commas, and bare hosts get https://', () => {
    const plan = buildPlan({ proxies: 'goproxy.corp.example\nhttps://b.example|direct\n' }, ctx())
    expect(plan.candidates.map(c => [c.display, c.entry.fallBackOnError])).toEqual([
      ['https://goproxy.corp.example', false],
      ['https://b.example', true],
      ['direct', false]
    ])
  })

  it.each<[RawInputs, string]>([
    [
      { proxies: 'http://u:secret@insecure.example' },
      `Invalid input 'proxies': "http://u:xxxxx@insecure.example" has credentials in an http:// URL`
    ],
    [{ concurrency: '0' }, `Invalid input 'concurrency': "0" must be a whole number from 1 to 256`],
    [
      { 'breaker-threshold': '1.5' },
      `Invalid input 'breaker-threshold': "1.5" must be a number above 0 and at most 1`
    ],
    [{ strategy: 'random' }, `Invalid input 'strategy': "random" must be one of: ordered, fastest`],
    [
      { 'on-failure': 'ignore' },
      `Invalid input 'on-failure': "ignore" must be one of: fail, direct, keep`
    ],
    [{ cache: 'yes' }, `Invalid input 'cache': "yes" must be true or false`],
    [
      { gosumdb: 'a b c' },
      `Invalid input 'gosumdb': "a b c" is not valid: invalid GOSUMDB: too many fields`
    ],
    [
      { 'sumdb-mirrors': 'ftp://x' },
      `Invalid input 'sumdb-mirrors': "ftp://x" is not valid: invalid GOSUMDB URL: "ftp://x" is not an absolute https, http or file URL`
    ],
    // WHATWG URL parsing accepts this; Go's url.Parse (and so a GOSUMDB holding it) does not.
    [
      { 'sumdb-mirrors': 'https://ok.example https://mirror.example/%zz' },
      `Invalid input 'sumdb-mirrors': "https://mirror.example/%zz" is not valid: invalid GOSUMDB URL: parse "https://mirror.example/%zz": invalid URL escape "%zz"`
    ],
    // A password holding the ',' the list splits at: no piece of it is quoted.
    [
      { 'sumdb-mirrors': 'https://alice:s3cr,et@mirror.example/sumdb' },
      `Invalid input 'sumdb-mirrors': "https://xxxxx@mirror.example/sumdb" is not valid: a URL with credentials that cannot be parsed — percent-encode special characters of the user name and password ("," as %2C, "/" as %2F, "@" as %40)`
    ],
    [
      { timeout: '0.0001' },
      `Invalid input 'timeout': "0.0001" must be at least 1 ms and at most 600 s`
    ],
    [
      { timeout: '0.4ms' },
      `Invalid input 'timeout': "0.4ms" must be at least 1 ms and at most 600 s`
    ],
    [
      { 'breaker-cooldown': '0.1ms' },
      `Invalid input 'breaker-cooldown': "0.1ms" must be at least 1 ms and at most 86400 s`
    ],
    [
      { 'probe-modules': 'rsc.io/quote@1.5.2' },
      `Invalid input 'probe-modules': "rsc.io/quote@1.5.2" is not a module path@version`
    ],
    [{ 'cache-ttl': '10 minutes' }, `Invalid input 'cache-ttl': "10 minutes" is not a duration`]
  ])('rejects %j naming the input and the value', (raw, message) => {
    const attempt = () => buildPlan(raw, ctx())
    expect(attempt).toThrow(InputError)
    expect(attempt).toThrow(message)
  })

  it.each<[Record<string, string>, string]>([
    [{ GOPRIVATE: 'corp.example/[' }, `Invalid input 'GOPRIVATE': "corp.example/[" is not valid`],
    [{ GONOSUMDB: 'x/[' }, `Invalid input 'GONOSUMDB': "x/[" is not valid`],
    [{ GOPROXY: 'ftp://x' }, `Invalid input 'GOPROXY': "ftp://x" is not valid`],
    [{ GOSUMDB: 'a b c' }, `Invalid input 'GOSUMDB': "a b c" is not valid`]
  ])('names the variable when a bad value comes from the job env: %j', (env, message) => {
    expect(() => buildPlan({}, ctx(env))).toThrow(message)
  })

  it.each([
    'https://user:ab/cd+ef==@host',
    'https://user:ab#cd@h.example/x',
    'https://u:p?q=1@h.example'
  ])('never shows a password that breaks URL parsing: %s', value => {
    let message = ''
    try {
      buildPlan({ proxies: value }, ctx())
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toMatch(/^Invalid input 'proxies': /)
    for (const piece of ['ab', 'cd', 'ef==', 'p?q=1']) {
      if (value.includes(piece)) expect(message).not.toContain(piece)
    }
  })
})

describe('parseDuration', () => {
  it.each([
    ['10', 10_000],
    ['1.5', 1500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['500ms', 500]
  ])('%s is %d ms', (text, ms) => expect(parseDuration('timeout', text, 's', 86_400_000)).toBe(ms))

  it.each(['', '-1', '0', 'abc', '10x', '1e3', '0.0004', '0.49ms', '0s0.4ms'])(
    'rejects %j',
    text => {
      expect(() => parseDuration('timeout', text, 's', 86_400_000)).toThrow(InputError)
    }
  )

  it('lets a duration that may be zero round to zero, and rounds to whole milliseconds', () => {
    expect(parseDuration('cache-ttl', '0.0001', 's', 86_400_000, true)).toBe(0)
    expect(parseDuration('timeout', '0.5ms', 's', 86_400_000)).toBe(1)
    expect(parseDuration('timeout', '1.4ms', 's', 86_400_000)).toBe(1)
  })
})
