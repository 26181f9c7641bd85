import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { maskCredentials } from '../../src/credentials/mask.js'
import { credentialsOf, redactUrl, stripCredentials } from '../../src/credentials/redact.js'

describe('redactUrl', () => {
  // Expected values are Go's URL.Redacted() of the same strings, but for a lone user name, which
  // Go shows and we mask: it is the credential Go sends (`https://TOKEN@host`).
  it.each([
    ['https://user:pass@host.example/path', 'https://user:xxxxx@host.example/path'],
    ['https://ghp_token123@host.example', 'https://xxxxx@host.example'],
    ['https://tok%40en@host.example/x', 'https://xxxxx@host.example/x'],
    ['https://TOKEN:@host.example', 'https://xxxxx@host.example'],
    ['https://tok@en@host.example', 'https://xxxxx@host.example'],
    ['https://@host.example', 'https://@host.example'],
    ['https://user:@host.example', 'https://xxxxx@host.example'],
    ['https://:pass@host.example', 'https://:xxxxx@host.example'],
    ['https://us%40er:p%40ss@host.example/', 'https://us%40er:xxxxx@host.example/'],
    ['https://u:p@ss@host.example/x', 'https://u:xxxxx@host.example/x'],
    ['http://u:p@h.example:8080/a b?q=1#frag', 'http://u:xxxxx@h.example:8080/a%20b?q=1#frag'],
    ['HTTPS://Host.Example/P', 'https://Host.Example/P'],
    ['https://host.example/a%2fb', 'https://host.example/a%2fb'],
    ['https://[::1]:8080/x', 'https://[::1]:8080/x'],
    ['https://hé.example/', 'https://h%C3%A9.example/'],
    ['file:///tmp/x', 'file:///tmp/x'],
    ['file:/tmp/x', 'file:/tmp/x'],
    ['mailto:u:p@h.example', 'mailto:u:p@h.example'],
    ['', '']
  ])('redacts %j as Go does', (url, expected) => {
    expect(redactUrl(url)).toBe(expected)
  })

  it.each([
    // Go cannot parse these; whatever looks like //user:pass@ is masked all the same.
    ['https://u:p w@h.example', 'https://u:xxxxx@h.example'],
    ['https://u:secret@h.example/\n', 'https://u:xxxxx@h.example/\n'],
    ['https://u:secret@h:abc/x', 'https://u:xxxxx@h:abc/x'],
    ['https://u:s?cret@h.example', 'https://u:xxxxx@h.example'],
    // A list pasted as one URL: Go would show the second password in the path.
    ['https://u:p@a,https://v:q@b', 'https://u:xxxxx@a,https://v:xxxxx@b'],
    // Go reads a '?' as the start of the query, so it sees no password here.
    ['ftp://:secret:?@host.example', 'ftp://:xxxxx@host.example'],
    // A relative URL to Go (its path escaped as Go prints it), masked all the same.
    ['see //a@b:c@h and //d:e@f', 'see%20//a@b:xxxxx@h%20and%20//d:xxxxx@f']
  ])('masks the password in %j', (url, expected) => {
    expect(redactUrl(url)).toBe(expected)
  })

  it('never throws and never returns the password', () => {
    const password = fc.stringMatching(/^[A-Za-z0-9!$&'()*+,;=:@% ?#~-]{1,12}$/)
    const url = fc.tuple(
      fc.constantFrom('https://', 'http://', 'file://', '//', 'ftp://', 'git+ssh://'),
      fc.stringMatching(/^[a-z%]{0,5}$/),
      password,
      fc.constantFrom('host.example', 'h:abc', '[::1', 'a b', ''),
      fc.constantFrom('', '/p', '/a b', '?q', '#f', '/%zz', ',https://v:w@b')
    )
    fc.assert(
      fc.property(url, ([scheme, user, pass, host, rest]) => {
        const text = `${scheme}${user}:SECRET${pass}@${host}${rest}`
        expect(redactUrl(text)).not.toContain('SECRET')
        expect(redactUrl(`${scheme}SECRET${user}@${host}${rest}`)).not.toContain('SECRET')
        expect(redactUrl(`${scheme}SECRET${user}:@${host}${rest}`)).not.toContain('SECRET')
      }),
      { numRuns: 300 }
    )
    fc.assert(
      fc.property(fc.string(), text => {
        expect(typeof redactUrl(text)).toBe('string')
      }),
      { numRuns: 300 }
    )
  })
})

describe('credentialsOf', () => {
  it.each([
    ['https://user:pass@host.example/', { username: 'user', password: 'pass' }],
    ['https://us%40er:p%3Ass@host.example/', { username: 'us@er', password: 'p:ss' }],
    ['https://u:p@ss@host.example', { username: 'u', password: 'p@ss' }],
    ['https://token@host.example', { username: 'token', password: '' }],
    ['https://host.example', undefined],
    ['https://u:p w@h.example', undefined],
    ['not a url at all', undefined]
  ])('reads %j', (url, expected) => {
    expect(credentialsOf(url)).toEqual(expected)
  })
})

describe('stripCredentials', () => {
  it.each([
    ['https://user:pass@host.example/p?q=1', 'https://host.example/p?q=1'],
    ['https://token@host.example', 'https://host.example'],
    ['https://host.example/a%2fb', 'https://host.example/a%2fb'],
    ['https://u:p w@h.example/x', 'https://h.example/x']
  ])('strips %j', (url, expected) => {
    expect(stripCredentials(url)).toBe(expected)
  })
})

describe('maskCredentials', () => {
  it('masks every password and lone user name in free text and keeps the rest', () => {
    expect(maskCredentials('GOPROXY=https://u:p@a.example|https://b.example,direct')).toBe(
      'GOPROXY=https://u:xxxxx@a.example|https://b.example,direct'
    )
    expect(maskCredentials('https://ghp_TOKEN@a.example/x,https://u:p@b.example')).toBe(
      'https://xxxxx@a.example/x,https://u:xxxxx@b.example'
    )
    expect(maskCredentials('https://TOKEN:@a.example https://tok@en@b.example')).toBe(
      'https://xxxxx@a.example https://xxxxx@b.example'
    )
    expect(maskCredentials('https://host.example:8443/x?a=b@c')).toBe(
      'https://host.example:8443/x?a=b@c'
    )
  })
})
