import { describe, it, expect } from '@jest/globals'
import { formatGoUrl, parseGoUrl } from '../../src/gostd/url.js'
import { expectGoEnvError } from '../goenv/throws.js'

describe('parseGoUrl', () => {
  it("splits a URL into Go's fields", () => {
    expect(parseGoUrl('http://u:p@h.example:8080/a b?q=1#frag')).toEqual({
      scheme: 'http',
      opaque: '',
      user: { username: 'u', password: 'p' },
      host: 'h.example:8080',
      path: '/a b',
      rawPath: '/a b',
      rawQuery: 'q=1',
      forceQuery: false,
      fragment: 'frag',
      rawFragment: '',
      omitHost: false
    })
  })

  it('tells a missing password from an empty one', () => {
    expect(parseGoUrl('https://user@h.example').user).toEqual({ username: 'user' })
    expect(parseGoUrl('https://user:@h.example').user).toEqual({ username: 'user', password: '' })
  })

  it("keeps the raw path only where it differs from Go's escaping", () => {
    expect(parseGoUrl('https://h.example/a%2fb')).toMatchObject({ path: '/a/b', rawPath: '/a%2fb' })
    expect(parseGoUrl('https://h.example/a/b')).toMatchObject({ path: '/a/b', rawPath: '' })
  })

  it('marks the host-less and opaque forms', () => {
    expect(parseGoUrl('file:/tmp/x')).toMatchObject({ omitHost: true, path: '/tmp/x' })
    expect(parseGoUrl('mailto:u:p@h.example')).toMatchObject({ opaque: 'u:p@h.example' })
    expect(parseGoUrl('https://h.example/x?')).toMatchObject({ forceQuery: true, rawQuery: '' })
  })

  // Go's url.Parse messages (the password masked in the quoted URL).
  it.each([
    ['https://[1.2.3.4]/', 'parse "https://[1.2.3.4]/": invalid IP-literal'],
    ['https://x[::1]/', 'parse "https://x[::1]/": invalid IP-literal'],
    ['https://[::1', 'parse "https://[::1": missing \']\' in host'],
    ['https://h.example:1:2', 'parse "https://h.example:1:2": invalid port ":1:2" after host'],
    ['https://exa mple.com', 'parse "https://exa mple.com": invalid character " " in host name'],
    ['https://u:p w@h.example', 'parse "https://u:xxxxx@h.example": net/url: invalid userinfo'],
    ['https://h.example/%zz', 'parse "https://h.example/%zz": invalid URL escape "%zz"'],
    ['https://h.example#%zz', 'parse "https://h.example#%zz": invalid URL escape "%zz"'],
    ['https://h.example/%', 'parse "https://h.example/%": invalid URL escape "%"'],
    ['https://h%41.example/', 'parse "https://h%41.example/": invalid URL escape "%41"'],
    // Go quotes the three bytes after '%', even when they cut a character in two.
    ['https://h.example/%%é', 'parse "https://h.example/%%é": invalid URL escape "%%\\xc3"'],
    [
      'https://h.example/\n',
      'parse "https://h.example/\\n": net/url: invalid control character in URL'
    ],
    [':x', 'parse ":x": missing protocol scheme']
  ])('rejects %j', (url, message) => {
    expectGoEnvError(() => parseGoUrl(url), message)
  })

  it('rejects a colon in the first segment of a relative path', () => {
    expectGoEnvError(
      () => parseGoUrl('1a:b/c'),
      'parse "1a:b/c": first path segment in URL cannot contain colon'
    )
  })

  it('takes the last colon as the port outside http(s)', () => {
    expect(parseGoUrl('ftp://a:1:2/').host).toBe('a:1:2')
  })
})

describe('formatGoUrl', () => {
  it.each([
    ['https://u:p@ss@host.example/x', 'https://u:p%40ss@host.example/x'],
    ['https://host.example/a b', 'https://host.example/a%20b'],
    ['https://h.example#a b', 'https://h.example#a%20b'],
    ['//h.example/x', '//h.example/x'],
    ['/x/y', '/x/y'],
    ['https://[fe80::1%25en0]:8080/', 'https://[fe80::1%25en0]:8080/'],
    ['file:///tmp/x', 'file:///tmp/x']
  ])('prints %j as Go does', (url, expected) => {
    expect(formatGoUrl(parseGoUrl(url))).toBe(expected)
  })
})
