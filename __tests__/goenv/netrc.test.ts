import { describe, it, expect } from '@jest/globals'
import { netrcPath, parseNetrc } from '../../src/goenv/netrc.js'
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
    expect(parseNetrc(text)).toEqual([
      { machine: 'a.example', login: 'u', password: 'p1' },
      { machine: 'a.example', login: 'v', password: 'p2' }
    ])
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
