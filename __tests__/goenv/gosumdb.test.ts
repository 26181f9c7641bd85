import { describe, expect, it } from '@jest/globals'
import { GoEnvError } from '../../src/gostd/errors.js'
import { SUM_GOLANG_ORG_KEY, directUrl, parseGosumdb } from '../../src/goenv/gosumdb.js'
import type { GosumdbDatabase } from '../../src/goenv/gosumdb.js'
import { generateSignerKey } from '../../src/xmod/sumdb/note.js'

const OTHER_KEY = generateSignerKey('sum.example.com').verifierKey

function goEnvError(value: string): string {
  try {
    parseGosumdb(value)
  } catch (err) {
    if (err instanceof GoEnvError) return err.message
    throw err
  }
  throw new Error(`parseGosumdb(${JSON.stringify(value)}) did not throw`)
}

describe('parseGosumdb', () => {
  it.each([
    ['off', { kind: 'off', raw: 'off' }],
    [
      '',
      { kind: 'db', raw: 'sum.golang.org', name: 'sum.golang.org', verifierKey: SUM_GOLANG_ORG_KEY }
    ],
    [
      'sum.golang.org',
      { kind: 'db', raw: 'sum.golang.org', name: 'sum.golang.org', verifierKey: SUM_GOLANG_ORG_KEY }
    ],
    [
      SUM_GOLANG_ORG_KEY,
      {
        kind: 'db',
        raw: SUM_GOLANG_ORG_KEY,
        name: 'sum.golang.org',
        verifierKey: SUM_GOLANG_ORG_KEY
      }
    ],
    [
      'sum.golang.google.cn',
      {
        kind: 'db',
        raw: 'sum.golang.google.cn',
        name: 'sum.golang.org',
        verifierKey: SUM_GOLANG_ORG_KEY,
        url: 'https://sum.golang.google.cn'
      }
    ],
    [
      'sum.golang.org https://proxy.example.com/sumdb/sum.golang.org',
      {
        kind: 'db',
        raw: 'sum.golang.org https://proxy.example.com/sumdb/sum.golang.org',
        name: 'sum.golang.org',
        verifierKey: SUM_GOLANG_ORG_KEY,
        url: 'https://proxy.example.com/sumdb/sum.golang.org'
      }
    ],
    [
      `  ${OTHER_KEY}\thttp://127.0.0.1:8080/  `,
      {
        kind: 'db',
        raw: `  ${OTHER_KEY}\thttp://127.0.0.1:8080/  `,
        name: 'sum.example.com',
        verifierKey: OTHER_KEY,
        url: 'http://127.0.0.1:8080/'
      }
    ],
    // No scheme: cmd/go/internal/web fetches it over https (go asks https://127.0.0.1:8080/db/…).
    [
      `${OTHER_KEY} //127.0.0.1:8080/db`,
      {
        kind: 'db',
        raw: `${OTHER_KEY} //127.0.0.1:8080/db`,
        name: 'sum.example.com',
        verifierKey: OTHER_KEY,
        url: 'https://127.0.0.1:8080/db'
      }
    ]
  ])('reads %j', (value, spec) => {
    expect(parseGosumdb(value)).toEqual(spec)
  })

  it.each([
    ['sum.golang.org a b', 'invalid GOSUMDB: too many fields'],
    ['   ', 'missing GOSUMDB'],
    [' off', 'invalid GOSUMDB: malformed verifier id "off"'],
    ['sum.example.com', 'invalid GOSUMDB: malformed verifier id "sum.example.com"'],
    [
      'sum.golang.google.cn https://sum.golang.google.cn',
      'invalid GOSUMDB: malformed verifier id "sum.golang.google.cn"'
    ],
    [
      SUM_GOLANG_ORG_KEY.replace('033de0ae', '033de0af'),
      `invalid GOSUMDB: invalid verifier hash "${SUM_GOLANG_ORG_KEY.replace('033de0ae', '033de0af')}"`
    ],
    [
      `${OTHER_KEY} ftp://mirror.example.com`,
      'invalid GOSUMDB URL: "ftp://mirror.example.com" is not an absolute https, http or file URL'
    ],
    [
      `${OTHER_KEY} mirror.example.com`,
      'invalid GOSUMDB URL: "mirror.example.com" is not an absolute https, http or file URL'
    ],
    [
      `${OTHER_KEY} https://host:port`,
      'invalid GOSUMDB URL: parse "https://host:port": invalid port ":port" after host'
    ]
  ])('rejects %j', (value, message) => {
    expect(goEnvError(value)).toBe(message)
  })

  // Database names against Go's own check (url.Parse("https://"+name) must hold only a host
  // and a canonically escaped path); the verdicts were printed by that code in Go 1.26.
  it.each([
    ['sum.golang.org', true],
    ['sum.example.com/path', true],
    ['sum.example.com/', false],
    ['sum.example.com#', true],
    ['sum.example.com#frag', false],
    ['sum.example.com?', false],
    ['sum.example.com?x=1', false],
    ['user@sum.example.com', false],
    ['sum.example.com:8443', true],
    ['sum.example.com:abc', false],
    ['sum.example.com:1:2', false],
    ['[::1]', true],
    ['[::1]:8080', true],
    ['[1.2.3.4]', false],
    ['/path', false],
    ['sum.example.com/a%20b', true],
    ['sum.example.com/a%2fb', false],
    ['sum.example.com/%41', false],
    ['sum.example.com/é', false],
    ['sum.example.com/%C3%A9', true],
    ['sum.example.com/%c3%a9', false],
    ['bücher.example', true],
    ['a%zz', false],
    ['exa_mple.com', true],
    ['a{b', false],
    ['a|b', false],
    ['sum.example.com/a!b', false],
    ['sum.example.com/a(b)', false],
    ['sum.example.com/a;b', true],
    ['sum.example.com/a@b', true],
    ['sum.example.com//x', true],
    ['x', true]
  ])('database name %j valid: %s', (name, valid) => {
    const { verifierKey } = generateSignerKey(name)
    if (valid) {
      expect((parseGosumdb(verifierKey) as GosumdbDatabase).name).toBe(name)
    } else {
      expect(goEnvError(verifierKey)).toBe(`invalid sumdb name (must be host[/path]): ${name}`)
    }
  })
})

describe('directUrl', () => {
  it('is https://<name>, without the empty fragment Go drops', () => {
    expect(directUrl(parseGosumdb('sum.golang.google.cn') as GosumdbDatabase)).toBe(
      'https://sum.golang.org'
    )
    const withPath = generateSignerKey('sum.example.com/db').verifierKey
    expect(directUrl(parseGosumdb(withPath) as GosumdbDatabase)).toBe('https://sum.example.com/db')
    const withHash = generateSignerKey('sum.example.com#').verifierKey
    expect(directUrl(parseGosumdb(withHash) as GosumdbDatabase)).toBe('https://sum.example.com')
  })
})
