// GOAUTH's rules as the go command has them (cmd/go/internal/auth): the value, the credential
// cache by URL prefix, and what a GOAUTH command and 'git credential fill' print. Cases marked
// "Go's test" come from auth's own tests (userauth_test.go, gitauth_test.go, auth_test.go).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  basicAuth,
  CredentialCache,
  parseGoauth,
  splitQuoted,
  storeNetrc
} from '../../src/goenv/goauth.js'
import {
  canonicalHeaderKey,
  parseAuthCommandOutput,
  parseGitCredential
} from '../../src/goenv/goauth-output.js'
import { parseNetrc } from '../../src/goenv/netrc.js'
import { GoEnvError } from '../../src/gostd/errors.js'
import { expectGoEnvError } from './throws.js'

describe('parseGoauth', () => {
  it('reads netrc when GOAUTH is unset or empty, and nothing for off', () => {
    expect(parseGoauth(undefined, 'posix')).toEqual([{ kind: 'netrc', text: 'netrc' }])
    expect(parseGoauth('', 'posix')).toEqual([{ kind: 'netrc', text: 'netrc' }])
    expect(parseGoauth('off', 'posix')).toEqual([])
    expect(parseGoauth(' off ', 'posix')).toEqual([])
  })

  it('keeps the methods in order, trimmed, deciding by the first word only as Go does', () => {
    expect(parseGoauth(' netrc ; git /srv/repo;/usr/bin/auth --for "my proxy"', 'posix')).toEqual([
      { kind: 'netrc', text: 'netrc' },
      { kind: 'git', text: 'git /srv/repo', dir: '/srv/repo' },
      {
        kind: 'command',
        text: '/usr/bin/auth --for "my proxy"',
        argv: ['/usr/bin/auth', '--for', 'my proxy']
      }
    ])
    expect(parseGoauth('netrc extra words', 'posix')).toEqual([
      { kind: 'netrc', text: 'netrc extra words' }
    ])
    expect(parseGoauth('git C:\\repo', 'windows')).toEqual([
      { kind: 'git', text: 'git C:\\repo', dir: 'C:\\repo' }
    ])
  })

  it.each([
    ['netrc;', 'GOAUTH encountered an empty command'],
    [';netrc', 'GOAUTH encountered an empty command'],
    ['netrc; ;netrc', 'GOAUTH encountered an empty command'],
    [' ', 'GOAUTH encountered an empty command'],
    ['off;netrc', 'GOAUTH=off cannot be combined with other authentication commands'],
    ['netrc;off', 'GOAUTH=off cannot be combined with other authentication commands'],
    ['git', 'GOAUTH=git dir method requires an absolute path to the git working directory'],
    ['git /a /b', 'GOAUTH=git dir method requires an absolute path to the git working directory'],
    [
      'git repo',
      'GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute'
    ],
    ['auth "unclosed', 'cannot parse GOAUTH command auth "unclosed: unterminated " string']
  ])('refuses %j as the go command does', (value, message) => {
    expectGoEnvError(() => parseGoauth(value, 'posix'), message)
  })

  it('checks the commands last to first, as Go does', () => {
    // Go meets the empty command before it sees that off is combined.
    expectGoEnvError(() => parseGoauth('off;', 'posix'), 'GOAUTH encountered an empty command')
  })
})

describe('splitQuoted (cmd/internal/quoted.Split)', () => {
  it.each([
    ['', []],
    ['  a  b\tc\n', ['a', 'b', 'c']],
    [`"a b" 'c "d"'`, ['a b', 'c "d"']],
    // No escapes, and quotes only count at the start of a field.
    [`a"b c" \\"d`, ['a"b', 'c"', '\\"d']],
    [`''`, ['']]
  ])('splits %j', (text, words) => {
    expect(splitQuoted(text)).toEqual(words)
  })
})

describe('CredentialCache', () => {
  const cache = new CredentialCache()
  storeNetrc(
    cache,
    parseNetrc(
      [
        'machine proxy.example.com login a password pa',
        'machine proxy.example.com login b password pb',
        'machine other.example.com:8443 login c password pc',
        'machine paths.example.com/team login d password pd',
        'machine https://schemed.example.com/ login e password pe'
      ].join('\n')
    )
  )

  it.each([
    ['https://proxy.example.com', basicAuth('a', 'pa')],
    ['https://proxy.example.com/github.com/x/@v/list', basicAuth('a', 'pa')],
    // The lookup is by host:port, so a machine without the port does not serve another port.
    ['https://proxy.example.com:8443/x', undefined],
    ['https://other.example.com:8443/', basicAuth('c', 'pc')],
    ['https://other.example.com', undefined],
    ['https://paths.example.com/team/mod/@v/list', basicAuth('d', 'pd')],
    ['https://paths.example.com/other/mod/@v/list', undefined],
    ['https://schemed.example.com/x', basicAuth('e', 'pe')],
    // Names are compared exactly.
    ['https://PROXY.example.com/x', undefined],
    ['https://unknown.example.com', undefined]
  ])('gives %j the netrc entry Go would', (url, headers) => {
    expect(cache.load(url)).toEqual(headers)
  })

  it('prefers the longest prefix, replaces on a later store, and forgets on an empty one', () => {
    const own = new CredentialCache()
    own.store('https://host.example/', { A: ['host'] })
    own.store('host.example/team', { A: ['team'] })
    expect(own.load('https://host.example/team/x')).toEqual({ A: ['team'] })
    expect(own.load('https://host.example/teams')).toEqual({ A: ['host'] })
    own.store('host.example/team/', { A: ['again'] })
    expect(own.load('https://host.example/team')).toEqual({ A: ['again'] })
    own.store('host.example/team', {})
    expect(own.load('https://host.example/team/x')).toEqual({ A: ['host'] })
  })

  it('looks up a URL whose scheme is written in capitals, as Go lowercases it', () => {
    const own = new CredentialCache()
    own.store('https://host.example', { A: ['host'] })
    expect(own.load('HTTPS://host.example/x')).toEqual({ A: ['host'] })
  })

  it("sets Basic auth as Go's SetBasicAuth does", () => {
    expect(basicAuth('aladdin', 'opensesame')).toEqual({
      Authorization: ['Basic YWxhZGRpbjpvcGVuc2VzYW1l']
    })
  })
})

describe("a GOAUTH command's output", () => {
  it("reads Go's test output, several values per header", () => {
    const output = [
      'https://example.com',
      '',
      'Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l',
      'Authorization: Basic jpvcGVuc2VzYW1lYWxhZGRpb',
      '',
      'https://hello.com',
      '',
      'Authorization: Basic GVuc2VzYW1lYWxhZGRpbjpvc',
      'authorization: Basic 1lYWxhZGRplW1lYWxhZGRpbs',
      'data: Test567',
      '',
      ''
    ].join('\n')
    expect(Object.fromEntries(parseAuthCommandOutput(output))).toEqual({
      'example.com': {
        Authorization: ['Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'Basic jpvcGVuc2VzYW1lYWxhZGRpb']
      },
      'hello.com': {
        Authorization: ['Basic GVuc2VzYW1lYWxhZGRpbjpvc', 'Basic 1lYWxhZGRplW1lYWxhZGRpbs'],
        Data: ['Test567']
      }
    })
  })

  it('gives several URLs one header set; a later block for the same URL replaces it', () => {
    const output =
      'https://a.example/\nhttps://b.example/api/\n\nPrivate-Token: one\n\n' +
      'https://a.example/\n\nPrivate-Token: two\n\n'
    expect(Object.fromEntries(parseAuthCommandOutput(output))).toEqual({
      'a.example/': { 'Private-Token': ['two'] },
      'b.example/api/': { 'Private-Token': ['one'] }
    })
  })

  it('reads empty output as no credentials, and an empty header set as one that removes', () => {
    expect(parseAuthCommandOutput('').size).toBe(0)
    expect(Object.fromEntries(parseAuthCommandOutput('https://example.com\n\n\n'))).toEqual({
      'example.com': {}
    })
  })

  it.each([
    // "Authorization: …" parses as an opaque URL: what is missing is the header block.
    ['https://example.com\nAuthorization: Basic AVuc\n\n', 'missing empty line after headers'],
    ['Authorization: Basic AVuc2VzYW1l\n\n', 'missing empty line after headers'],
    ['https://example.com\n', 'missing empty line after URLs'],
    ['https://example.com\n\n', 'missing empty line after headers'],
    [
      'https://example.com\n\nAuthorization: Basic x\nhttps://hello.com\n\nData: y\n\n',
      'invalid header line'
    ],
    ['https://example.com\n\nAuthorization: Basic x\n Authorization: Basic y\n', 'invalid header'],
    [' https://example.com\n\nAuthorization: Basic x\n', 'could not parse URL'],
    ['https://example.com\n\n\nAuthorization: Basic x\n', 'missing empty line after URLs'],
    ['https://example.com\n\nAuthorization:Basic x\n\n', 'invalid header line'],
    ['https://example.com\n\nAuthorization: a\u0001b\n\n', 'invalid header line'],
    ['example.com\n\nAuthorization: x\n\n', 'invalid URI for request']
  ])("refuses Go's malformed output %j", (output, reason) => {
    let thrown: unknown
    try {
      parseAuthCommandOutput(output)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(GoEnvError)
    expect((thrown as Error).message).toContain(reason)
  })

  it('never quotes a URL line with user information in its reasons', () => {
    expect(() =>
      parseAuthCommandOutput('https://u:s3cret/x@127.0.0.1:80\n\nAuthorization: Basic x\n\n')
    ).toThrow(new GoEnvError('could not parse a URL line with user information'))
  })

  it('never quotes a header line in its reasons', () => {
    expect(() =>
      parseAuthCommandOutput('https://example.com\n\nBad Header: s3cret-token\n\n')
    ).toThrow('invalid format: invalid header line')
  })

  it.each([
    ['authorization', 'Authorization'],
    ['PRIVATE-TOKEN', 'Private-Token'],
    ['x-jfrog-art-api', 'X-Jfrog-Art-Api']
  ])('writes the header name %j as Go keeps it', (name, canonical) => {
    expect(canonicalHeaderKey(name)).toBe(canonical)
  })
})

describe("'git credential fill' output (Go's test cases)", () => {
  it.each([
    [
      '\nprotocol=https\nhost=example.com\nusername=bob\npassword=secr3t\n',
      'https://example.com',
      'bob',
      'secr3t'
    ],
    [
      '\nprotocol=https\nhost=example.com\nusername=bob\npassword=secr3t\nurl=invalid\n',
      'https://example.com',
      'bob',
      'secr3t'
    ],
    [
      '\nprotocol=https\nhost=example.com\nusername=bob\npassword=secr3t\nurl=https://go.dev\n',
      'https://go.dev',
      'bob',
      'secr3t'
    ],
    ['\n', '', '', ''],
    ['\nprotocol:https\nhost:example.com\nusername:bob\npassword:secr3t\n', '', '', ''],
    [
      'protocol=https\nhost=127.0.0.1:8443\npath=team/repo\nusername=u\npassword=a=b\n',
      'https://127.0.0.1:8443/team/repo',
      'u',
      'a=b'
    ]
  ])('reads %j', (output, prefix, username, password) => {
    expect(parseGitCredential(output)).toEqual({ prefix, username, password })
  })
})

describe('hostile text', () => {
  const pieces = fc.constantFrom(
    'off',
    'netrc',
    'git',
    ' ',
    ';',
    '"',
    "'",
    '/abs',
    'cmd',
    'https://a.example',
    '\n',
    ': ',
    'Authorization',
    'x\u0001'
  )
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.array(pieces, { maxLength: 12 }).map(p => p.join(''))
  )

  it('parses GOAUTH values and command output or throws GoEnvError, nothing else', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('posix', 'windows') as fc.Arbitrary<'posix' | 'windows'>,
        (t, style) => {
          for (const parse of [() => parseGoauth(t, style), () => parseAuthCommandOutput(t)]) {
            try {
              parse()
            } catch (err) {
              expect(err).toBeInstanceOf(GoEnvError)
            }
          }
          expect(() => parseGitCredential(t)).not.toThrow()
        }
      ),
      { numRuns: 500 }
    )
  })
})
