import { describe, it, expect } from '@jest/globals'
import { netrcCredentials, netrcPath, parseNetrc } from '../../src/goenv/netrc.js'
import { expectGoEnvError } from './throws.js'

// The go command's own test file (cmd/go/internal/auth/netrc_test.go).
const goTestNetrc = `
machine incomplete
password none

machine api.github.com
  login user
  password pwd

machine incomlete.host
  login justlogin

machine test.host
login user2
password pwd2

machine oneline login user3 password pwd3

machine ignore.host macdef ignore
  login nobody
  password nothing

machine hasmacro.too macdef ignore-next-lines login user4 password pwd4
  login nobody
  password nothing

default
login anonymous
password gopher@golang.org

machine after.default
login oops
password too-late-in-file
`

describe('parseNetrc', () => {
  it("reads the go command's test file as Go does", () => {
    expect(parseNetrc(goTestNetrc)).toEqual([
      { machine: 'api.github.com', login: 'user', password: 'pwd' },
      { machine: 'test.host', login: 'user2', password: 'pwd2' },
      { machine: 'oneline', login: 'user3', password: 'pwd3' },
      { machine: 'hasmacro.too', login: 'user4', password: 'pwd4' }
    ])
  })

  it('pairs tokens within a line only', () => {
    // "login" ends the first line without its value; Go does not look on the next line.
    expect(parseNetrc('machine a.example login\nuser password p\n')).toEqual([])
  })

  it('stops only at a lone default, not at one followed by more tokens on its line', () => {
    const text = 'default login anon password x\nmachine b.example login u password p\n'
    expect(parseNetrc(text)).toEqual([{ machine: 'b.example', login: 'u', password: 'p' }])
    expect(parseNetrc('machine a.example default\nmachine b.example login u password p')).toEqual(
      []
    )
  })

  it('ends a macro only at a truly empty line', () => {
    const crlf = 'machine m macdef x\r\n  cmd\r\n\r\nmachine a.example login u password p\r\n'
    expect(parseNetrc(crlf)).toEqual([])
    const lf = 'machine m macdef x\n  cmd\n\nmachine a.example login u password p\n'
    expect(parseNetrc(lf)).toEqual([{ machine: 'a.example', login: 'u', password: 'p' }])
  })

  it("splits on Go's white space and keeps the first of repeated machines", () => {
    const text =
      'machine\ta.example\u00a0login u\u2003password p1\nmachine a.example login v password p2'
    const entries = parseNetrc(text)
    expect(entries).toHaveLength(2)
    expect(netrcCredentials(entries, 'a.example')).toEqual({ login: 'u', password: 'p1' })
  })
})

describe('netrcPath', () => {
  it('prefers a non-empty $NETRC', () => {
    expect(netrcPath({ NETRC: '/etc/netrc' }, 'linux', '/home/u')).toBe('/etc/netrc')
    expect(netrcPath({ NETRC: '' }, 'linux', '/home/u')).toBe('/home/u/.netrc')
    expect(netrcPath({}, 'darwin', '/Users/u/')).toBe('/Users/u/.netrc')
  })

  it('uses _netrc on Windows when it exists, else .netrc', () => {
    expect(netrcPath({}, 'win32', 'C:\\Users\\u', p => p === 'C:\\Users\\u\\_netrc')).toBe(
      'C:\\Users\\u\\_netrc'
    )
    expect(netrcPath({}, 'win32', 'C:\\Users\\u', () => false)).toBe('C:\\Users\\u\\.netrc')
    expect(netrcPath({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\.netrc')
  })

  it('refuses an unknown home, where Go reads no .netrc', () => {
    expectGoEnvError(
      () => netrcPath({}, 'linux', ''),
      'cannot locate .netrc: the home directory is not set'
    )
  })
})

describe('netrcCredentials', () => {
  const entries = parseNetrc(
    [
      'machine proxy.example.com login a password pa',
      'machine proxy.example.com login b password pb',
      'machine other.example.com:8443 login c password pc',
      'machine paths.example.com/team login d password pd',
      'machine https://schemed.example.com/ login e password pe'
    ].join('\n')
  )

  it.each([
    ['proxy.example.com', { login: 'a', password: 'pa' }],
    ['https://proxy.example.com/github.com/x/@v/list', { login: 'a', password: 'pa' }],
    // Go looks up host:port, so a machine without the port does not serve another port.
    ['https://proxy.example.com:8443/x', undefined],
    ['other.example.com:8443', { login: 'c', password: 'pc' }],
    ['other.example.com', undefined],
    ['https://paths.example.com/team/mod/@v/list', { login: 'd', password: 'pd' }],
    ['https://paths.example.com/other/mod/@v/list', undefined],
    ['schemed.example.com', { login: 'e', password: 'pe' }],
    // Names are compared exactly, as Go does.
    ['PROXY.example.com', undefined],
    ['unknown.example.com', undefined]
  ])('finds the entry for %j', (target, expected) => {
    expect(netrcCredentials(entries, target)).toEqual(expected)
  })
})
