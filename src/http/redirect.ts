// Redirects as the go command's HTTP client follows them (net/http's Client with
// cmd/go/internal/web's policy): which Location it takes, where it stops, and which hops get the
// credentials.
import type { OutgoingHttpHeaders } from 'node:http'
import { GoEnvError } from '../gostd/errors.js'
import { parseGoUrl } from '../gostd/url.js'
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
    return new URL(path.replaceAll('\\', '%5C') + (cut < 0 ? '' : location.slice(cut)), from)
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
 *   is the first URL's (any port) or a subdomain of it; once a hop leaves, never again;
 * - Basic auth from the URL's user info belongs to the URL: a relative Location keeps it, one
 *   that names its own host drops it.
 */
export class RedirectCredentials {
  private headersStripped = false
  private userInfoKept = true

  constructor(
    private readonly firstHost: string,
    private readonly headers: OutgoingHttpHeaders | undefined,
    private readonly userInfo: string | undefined
  ) {}

  /** The credential headers of the first request. */
  first(): OutgoingHttpHeaders | undefined {
    return this.merged()
  }

  /** The credential headers of the hop to `to`, led there by `location`. */
  next(to: URL, location: string): OutgoingHttpHeaders | undefined {
    if (!isDomainOrSubdomain(to.hostname, this.firstHost)) this.headersStripped = true
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(location)) this.userInfoKept = false
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

/** net/http's isDomainOrSubdomain: `sub` is `parent` or a name under it (not for IP literals). */
function isDomainOrSubdomain(sub: string, parent: string): boolean {
  const s = sub.toLowerCase()
  const p = parent.toLowerCase()
  if (s === p) return true
  if (/[:%[\]]/.test(s)) return false
  return s.endsWith(`.${p}`)
}
