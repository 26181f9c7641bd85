/**
 * Which hops of a redirect chain get the fetch's credentials, by net/http's Client rules (the
 * chains the go-judged tests cannot build on 127.0.0.1: subdomains, and an absolute Location back
 * to the same host): GOAUTH's and netrc's headers go to the first host name and its subdomains
 * until a hop leaves them; the URL's user info only along relative Locations.
 */
import { describe, expect, it } from '@jest/globals'
import { RedirectCredentials } from '../../src/http/redirect.js'

const NETRC = { authorization: 'Basic bmV0cmM=' }
const USER_INFO = 'Basic dXNlcmluZm8='

/** The Authorization each hop gets, following `hops` ([url, Location as written]). */
function chain(first: string, hops: [string, string][], userInfo?: string): (string | undefined)[] {
  const credentials = new RedirectCredentials(new URL(first).hostname, NETRC, userInfo)
  const got = [credentials.first()?.authorization as string | undefined]
  for (const [url, location] of hops)
    got.push(credentials.next(new URL(url), location)?.authorization as string | undefined)
  return got
}

describe('RedirectCredentials', () => {
  it('sends GOAUTH and netrc headers to the same host on any port, and to its subdomains', () => {
    expect(
      chain('https://proxy.example', [
        ['https://proxy.example:8443/a', 'https://proxy.example:8443/a'],
        ['https://cdn.proxy.example/b', 'https://cdn.proxy.example/b']
      ])
    ).toEqual([NETRC.authorization, NETRC.authorization, NETRC.authorization])
  })

  it('drops them for good once a hop leaves the host, even when a later hop comes back', () => {
    expect(
      chain('https://proxy.example', [
        ['https://elsewhere.example/a', 'https://elsewhere.example/a'],
        ['https://proxy.example/b', 'https://proxy.example/b']
      ])
    ).toEqual([NETRC.authorization, undefined, undefined])
    // A parent domain is not a subdomain.
    expect(chain('https://a.proxy.example', [['https://proxy.example/', '/']])).toEqual([
      NETRC.authorization,
      undefined
    ])
  })

  it('sends the URL user info along relative Locations only', () => {
    const credentials = new RedirectCredentials('proxy.example', undefined, USER_INFO)
    const at = (u: string) => new URL(u)
    expect(credentials.first()).toEqual({ authorization: USER_INFO })
    expect(credentials.next(at('https://proxy.example/x'), '/x')).toEqual({
      authorization: USER_INFO
    })
    expect(credentials.next(at('https://proxy.example/y'), 'https://proxy.example/y')).toBe(
      undefined
    )
    expect(credentials.next(at('https://proxy.example/z'), 'z')).toBe(undefined)
    const protocolRelative = new RedirectCredentials('proxy.example', undefined, USER_INFO)
    expect(protocolRelative.next(at('https://proxy.example/x'), '//proxy.example/x')).toBe(
      undefined
    )
  })
})
