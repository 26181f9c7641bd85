/**
 * Where a Location leads, as Go's url.Parse and ResolveReference read it, and which hops of a
 * redirect chain get the fetch's credentials, by net/http's Client rules (the
 * chains the go-judged tests cannot build on 127.0.0.1: subdomains, host names in another case,
 * and Locations back to the same host): GOAUTH's and netrc's headers go to the first host name
 * and its subdomains until a hop leaves them; the URL's user info only along Locations that are
 * paths.
 */
import { describe, expect, it } from '@jest/globals'
import { nextLocation, RedirectCredentials } from '../../src/http/redirect.js'

const NETRC = { authorization: 'Basic bmV0cmM=' }
const USER_INFO = 'Basic dXNlcmluZm8='

/** The Authorization each hop gets, following `locations` from `first`. */
function chain(first: string, locations: string[], userInfo?: string): (string | undefined)[] {
  const credentials = new RedirectCredentials(first, userInfo ? undefined : NETRC, userInfo)
  const got = [credentials.first()?.authorization as string | undefined]
  for (const location of locations) got.push(credentials.next(location)?.authorization as string)
  return got
}

describe('RedirectCredentials', () => {
  it('sends GOAUTH and netrc headers to the same host on any port, and to its subdomains', () => {
    expect(
      chain('https://proxy.example', [
        'https://proxy.example:8443/a',
        'https://cdn.proxy.example/b',
        '/c'
      ])
    ).toEqual(Array(4).fill(NETRC.authorization))
  })

  it('drops them for good once a hop leaves the host, even when a later hop comes back', () => {
    const away = ['https://elsewhere.example/a', 'https://proxy.example/b']
    expect(chain('https://proxy.example', away)).toEqual([
      NETRC.authorization,
      undefined,
      undefined
    ])
    // A parent domain is not a subdomain; Go compares an ASCII host name case and all.
    expect(chain('https://a.proxy.example', ['https://proxy.example/'])[1]).toBeUndefined()
    expect(chain('https://Proxy.Example', ['https://proxy.example:8443/'])[1]).toBeUndefined()
  })

  it('stays on the host for a Location of three slashes, which has no host to Go', () => {
    expect(chain('https://proxy.example', ['///evil.example/x'])[1]).toBe(NETRC.authorization)
    expect(chain('https://proxy.example', ['///evil.example/x'], USER_INFO)[1]).toBe(USER_INFO)
  })

  it('sends the URL user info along Locations that are paths only', () => {
    const url = 'https://u:p@proxy.example/'
    expect(chain(url, ['/x', 'y', '?z'], USER_INFO)).toEqual(Array(4).fill(USER_INFO))
    expect(chain(url, ['https://proxy.example/y', '/z'], USER_INFO)).toEqual([
      USER_INFO,
      undefined,
      undefined
    ])
    expect(chain(url, ['//proxy.example/x'], USER_INFO)[1]).toBeUndefined()
  })
})

describe('nextLocation', () => {
  // Each as Go's (*url.URL).Parse resolves it against https://h.example/a/b (go 1.26.8).
  it.each([
    ['///evil.example/x', 'https://h.example///evil.example/x'],
    ['//other.example/x', 'https://other.example/x'],
    ['\\\\host/x', 'https://h.example/a/%5C%5Chost/x'],
    ['/x\\y?q=\\', 'https://h.example/x%5Cy?q=\\'],
    ['c?d#e', 'https://h.example/a/c?d']
  ])('%s leads to %s', (location, url) => {
    const next = nextLocation(new URL('https://h.example/a/b'), location, 0, true)
    expect(next.href.replace(/#.*$/, '')).toBe(url)
  })
})
