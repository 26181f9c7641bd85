// Redirects as the go command's HTTP client follows them (net/http's Client with
// cmd/go/internal/web's policy): which Location it takes, where it stops, and which hops get the
// credentials.
import type { OutgoingHttpHeaders } from 'node:http'
import { GoEnvError } from '../gostd/errors.js'
import { parseGoUrl, tryParseGoUrl } from '../gostd/url.js'
import { quote } from '../gostd/strings.js'
import { HttpError } from './types.js'

/**
 * The go command's limit (net/http's default policy): a fetch makes at most 10 requests, so the
 * 10th redirect answer ends it with "stopped after 10 redirects" and 9 are followed at most.
 */
export const MAX_REDIRECTS = 10

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/**
 * Where a redirect leads, checked as the go command checks it: the Location must be one Go's
 * url.Parse takes and must name a host, and a backslash is a character of the path, not a
 * slash. `secureChain`: the fetch began at an https URL, so no hop may lead to http (web/http.go
 * judges the chain by its first URL: http → https → http is followed).
 */
export function nextLocation(
  from: URL,
  location: string,
  count: number,
  secureChain: boolean
): URL {
  // `count` redirects followed so far means count + 1 requests made: Go's len(via).
  if (count + 1 >= MAX_REDIRECTS) {
    throw new HttpError('too-many-redirects', `stopped after ${MAX_REDIRECTS} redirects`)
  }
  const next = resolveLocation(from, location)
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new HttpError('bad-redirect', `refusing redirect to ${next.protocol} URL`)
  }
  if (secureChain && next.protocol === 'http:') {
    throw new HttpError(
      'insecure-redirect',
      `refusing redirect from https to insecure URL http://${next.host}${next.pathname}`
    )
  }
  next.username = ''
  next.password = ''
  return next
}

function resolveLocation(from: URL, location: string): URL {
  try {
    const parsed = parseGoUrl(location)
    if (/^https?$/i.test(parsed.scheme) && parsed.host === '') {
      throw new HttpError('bad-redirect', 'http: no Host in request URL')
    }
    // Go escapes a backslash in the path (%5C); the WHATWG URL would read it as a slash.
    const cut = location.search(/[?#]/)
    const path = cut < 0 ? location : location.slice(0, cut)
    const escaped = path.replaceAll('\\', '%5C') + (cut < 0 ? '' : location.slice(cut))
    // `///h/x` has no host to Go (a path on the same host); the WHATWG URL would read `h` as one.
    const samePath = parsed.scheme === '' && parsed.host === '' && escaped.startsWith('//')
    return samePath ? new URL(from.origin + escaped) : new URL(escaped, from)
  } catch (err) {
    if (err instanceof HttpError) throw err
    const why = err instanceof GoEnvError ? err.message : 'invalid URL'
    throw new HttpError(
      'bad-redirect',
      `failed to parse Location header ${quote(location)}: ${why}`
    )
  }
}

/**
 * Which hops of a fetch get its credentials, as net/http's Client decides:
 * - headers set on the first request (GOAUTH's, netrc's) go along while every hop's host name
 *   is the first URL's (any port; compared as Go compares it, case and all) or a subdomain of it;
 *   once a hop leaves, never again. (Go still copies a GOAUTH header other than Authorization or
 *   Cookie off the host; we do not.)
 * - Basic auth from the URL's user info belongs to the URL: a Location that is a path keeps it,
 *   one that names a scheme, host or user drops it (url.ResolveReference).
 */
export class RedirectCredentials {
  private headersStripped = false
  private userInfoKept = true
  private readonly firstHost: string
  private hopHost: string

  /** `url` as the fetch was asked (Go's view of its host). */
  constructor(
    url: string,
    private readonly headers: OutgoingHttpHeaders | undefined,
    private readonly userInfo: string | undefined
  ) {
    const parsed = tryParseGoUrl(url)
    this.firstHost = parsed ? goHostname(parsed.host) : new URL(url).hostname
    this.hopHost = this.firstHost
  }

  /** The credential headers of the first request. */
  first(): OutgoingHttpHeaders | undefined {
    return this.merged()
  }

  /** The credential headers of the next hop, led there by `location` (one nextLocation took). */
  next(location: string): OutgoingHttpHeaders | undefined {
    const ref = parseGoUrl(location)
    if (ref.host !== '') this.hopHost = goHostname(ref.host)
    if (!isDomainOrSubdomain(this.hopHost, this.firstHost)) this.headersStripped = true
    if (ref.scheme !== '' || ref.host !== '' || ref.user !== undefined) this.userInfoKept = false
    return this.merged()
  }

  private merged(): OutgoingHttpHeaders | undefined {
    const headers = this.headersStripped ? {} : { ...this.headers }
    if (!headers.authorization && this.userInfoKept && this.userInfo) {
      headers.authorization = this.userInfo
    }
    return Object.keys(headers).length > 0 ? headers : undefined
  }
}

/**
 * A URL host without its port, as Go's idnaASCII leaves it: an ASCII name as written (Go compares
 * it case and all), any other in its lower-case punycode form.
 */
function goHostname(host: string): string {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '')
  // eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
  return /^[\x00-\x7f]*$/.test(name) ? name : new URL(`http://${name}`).hostname
}

/** net/http's isDomainOrSubdomain: `sub` is `parent` or a name under it (not for IP literals). */
function isDomainOrSubdomain(sub: string, parent: string): boolean {
  if (sub === parent) return true
  if (/[:%]/.test(sub)) return false
  return sub.endsWith(`.${parent}`)
}
