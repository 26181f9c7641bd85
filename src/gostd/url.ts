// A URL as Go's net/url parses and prints it: the go command accepts or rejects a GOPROXY entry
// by url.Parse, and writes URLs in its messages with URL.Redacted, so both must be Go's.
import { isIPv4, isIPv6 } from 'node:net'
import { maskCredentials } from '../credentials/mask.js'
import { GoEnvError } from './errors.js'
import { quote } from './strings.js'
import { escape, unescape, validEncoded } from './urlescape.js'

export interface GoUserinfo {
  username: string
  /** Absent when the URL has a user name but no ':' (not the same as an empty password). */
  password?: string
}

/** The fields of Go's url.URL; path and fragment decoded, the raw forms kept only when they differ. */
export interface GoUrl {
  scheme: string
  opaque: string
  user?: GoUserinfo
  host: string
  path: string
  rawPath: string
  rawQuery: string
  forceQuery: boolean
  fragment: string
  rawFragment: string
  omitHost: boolean
}

/** The zero GoUrl, as Go's `url.URL{}`. */
export function emptyUrl(): GoUrl {
  return {
    scheme: '',
    opaque: '',
    host: '',
    path: '',
    rawPath: '',
    rawQuery: '',
    forceQuery: false,
    fragment: '',
    rawFragment: '',
    omitHost: false
  }
}

/**
 * url.Parse. Throws GoEnvError worded as Go's `parse "<url>": <reason>`, except that a password
 * in the quoted URL is masked (Go prints it).
 */
export function parseGoUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#')
  const main = hash < 0 ? raw : raw.slice(0, hash)
  const url = withContext(main, () => parseWithoutFragment(main))
  if (hash >= 0 && hash < raw.length - 1) {
    const fragment = raw.slice(hash + 1)
    url.fragment = withContext(raw, () => unescape(fragment, 'fragment'))
    url.rawFragment = escape(url.fragment, 'fragment') === fragment ? '' : fragment
  }
  return url
}

/** parseGoUrl, or undefined where Go's url.Parse returns an error. */
export function tryParseGoUrl(raw: string): GoUrl | undefined {
  try {
    return parseGoUrl(raw)
  } catch (err) {
    if (err instanceof GoEnvError) return undefined
    throw err
  }
}

function withContext<T>(raw: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    if (!(err instanceof GoEnvError)) throw err
    throw new GoEnvError(`parse ${quote(maskCredentials(raw))}: ${err.message}`)
  }
}

function parseWithoutFragment(raw: string): GoUrl {
  if ([...raw].some(c => c < ' ' || c === '\x7f')) {
    throw new GoEnvError('net/url: invalid control character in URL')
  }
  const url = emptyUrl()
  if (raw === '*') return { ...url, path: '*' }
  const [scheme, afterScheme] = splitScheme(raw)
  url.scheme = scheme.toLowerCase()
  let rest = afterScheme
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    url.forceQuery = true
    rest = rest.slice(0, -1)
  } else if (rest.includes('?')) {
    url.rawQuery = rest.slice(rest.indexOf('?') + 1)
    rest = rest.slice(0, rest.indexOf('?'))
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') return { ...url, opaque: rest }
    // A relative path whose first segment has a colon would read as a scheme.
    if (rest.split('/')[0].includes(':')) {
      throw new GoEnvError('first path segment in URL cannot contain colon')
    }
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2)
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash)
    rest = slash < 0 ? '' : rest.slice(slash)
    parseAuthority(url, authority)
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true
  }
  url.path = unescape(rest, 'path')
  url.rawPath = escape(url.path, 'path') === rest ? '' : rest
  return url
}

/** getScheme: `[a-zA-Z][a-zA-Z0-9+.-]*:`, else no scheme at all. */
function splitScheme(raw: string): [string, string] {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(raw)
  if (match) return [match[0].slice(0, -1), raw.slice(match[0].length)]
  if (raw.startsWith(':')) throw new GoEnvError('missing protocol scheme')
  return ['', raw]
}

// The user information ends at the last '@' (so a password may hold '@').
function parseAuthority(url: GoUrl, authority: string): void {
  const at = authority.lastIndexOf('@')
  url.host = parseHost(url.scheme, authority.slice(at + 1))
  if (at < 0) return
  const userinfo = authority.slice(0, at)
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) {
    throw new GoEnvError('net/url: invalid userinfo')
  }
  const colon = userinfo.indexOf(':')
  if (colon < 0) {
    url.user = { username: unescape(userinfo, 'userPassword') }
  } else {
    url.user = {
      username: unescape(userinfo.slice(0, colon), 'userPassword'),
      password: unescape(userinfo.slice(colon + 1), 'userPassword')
    }
  }
}

function parseHost(scheme: string, host: string): string {
  const open = host.lastIndexOf('[')
  if (open > 0) throw new GoEnvError('invalid IP-literal')
  if (open === 0) return parseIpLiteral(host)
  const first = host.indexOf(':')
  if (first >= 0) {
    // Go 1.26 is strict about extra colons in http(s) hosts; elsewhere the last one starts the port.
    const strict = scheme === 'http' || scheme === 'https'
    const port = host.slice(strict ? first : host.lastIndexOf(':'))
    checkPort(port)
  }
  return unescape(host, 'host')
}

function checkPort(colonPort: string): void {
  if (colonPort !== '' && !/^:[0-9]*$/.test(colonPort)) {
    throw new GoEnvError(`invalid port ${quote(colonPort)} after host`)
  }
}

// "[fe80::1%25en0]:80": only an IPv6 address (with an optional zone) may stand in brackets.
function parseIpLiteral(host: string): string {
  const close = host.lastIndexOf(']')
  if (close < 0) throw new GoEnvError("missing ']' in host")
  const colonPort = host.slice(close + 1)
  checkPort(colonPort)
  const hostname = host.slice(1, close)
  const zone = hostname.indexOf('%25')
  const address =
    zone < 0
      ? unescape(hostname, 'host')
      : unescape(hostname.slice(0, zone), 'host') + unescape(hostname.slice(zone), 'zone')
  if (isIPv4(address)) throw new GoEnvError('invalid IP-literal')
  if (!isIPv6(address)) {
    throw new GoEnvError(`invalid host: ParseAddr(${quote(address)}): not an IP address`)
  }
  return `[${address}]${colonPort}`
}

/** URL.EscapedPath: the raw path when it is a valid encoding of the path, else Go's escaping. */
function escapedPath(url: GoUrl): string {
  if (url.rawPath !== '' && validEncoded(url.rawPath, 'path')) {
    try {
      if (unescape(url.rawPath, 'path') === url.path) return url.rawPath
    } catch {
      // An invalid raw path is ignored, as Go does.
    }
  }
  if (url.path === '*') return '*'
  return escape(url.path, 'path')
}

function escapedFragment(url: GoUrl): string {
  if (url.rawFragment !== '' && validEncoded(url.rawFragment, 'fragment')) {
    try {
      if (unescape(url.rawFragment, 'fragment') === url.fragment) return url.rawFragment
    } catch {
      // An invalid raw fragment is ignored, as Go does.
    }
  }
  return escape(url.fragment, 'fragment')
}

function userinfoText(user: GoUserinfo): string {
  const name = escape(user.username, 'userPassword')
  return user.password === undefined ? name : `${name}:${escape(user.password, 'userPassword')}`
}

/** URL.String. */
export function formatGoUrl(url: GoUrl): string {
  let out = url.scheme === '' ? '' : `${url.scheme}:`
  if (url.opaque !== '') {
    out += url.opaque
  } else {
    const hasAuthority = url.scheme !== '' || url.host !== '' || url.user !== undefined
    const omit = url.omitHost && url.host === '' && url.user === undefined
    if (hasAuthority && !omit) {
      if (url.host !== '' || url.path !== '' || url.user !== undefined) out += '//'
      if (url.user !== undefined) out += `${userinfoText(url.user)}@`
      out += escape(url.host, 'host')
    }
    const path = escapedPath(url)
    if (path !== '' && !path.startsWith('/') && url.host !== '') out += '/'
    // A colon in the first segment of a bare relative path would read as a scheme.
    if (out === '' && path.split('/')[0].includes(':')) out += './'
    out += path
  }
  if (url.forceQuery || url.rawQuery !== '') out += `?${url.rawQuery}`
  if (url.fragment !== '') out += `#${escapedFragment(url)}`
  return out
}

/** URL.Redacted: String with any password replaced by "xxxxx". */
export function redactedGoUrl(url: GoUrl): string {
  if (url.user?.password === undefined) return formatGoUrl(url)
  return formatGoUrl({ ...url, user: { username: url.user.username, password: 'xxxxx' } })
}
