// What GOAUTH's programs print, read as the go command reads it: a GOAUTH command's credential
// sets (cmd/go/internal/auth/userauth.go) and 'git credential fill' (gitauth.go).
import { GoEnvError } from '../gostd/errors.js'
import { emptyUrl, formatGoUrl, parseGoUrl, type GoUrl } from '../gostd/url.js'
import { trimSpace } from '../gostd/strings.js'
import type { AuthHeaders } from './goauth.js'

/**
 * A GOAUTH command's output: blocks of URL lines, a blank line, header lines ("Name: value"), a
 * blank line. Returns the headers of each URL prefix ("https://" dropped), a later block
 * replacing an earlier one for the same URL. Throws GoEnvError with Go's reasons; the reasons
 * never quote a header line, which may hold a secret.
 */
export function parseAuthCommandOutput(output: string): Map<string, AuthHeaders> {
  const credentials = new Map<string, AuthHeaders>()
  const lines = { rest: output }
  const next = (missing: string): string => {
    const newline = lines.rest.indexOf('\n')
    if (newline < 0) throw new GoEnvError(`invalid format: missing empty line after ${missing}`)
    const line = lines.rest.slice(0, newline)
    lines.rest = lines.rest.slice(newline + 1)
    return line
  }
  while (lines.rest !== '') {
    const urls: string[] = []
    for (let line = next('URLs'); line !== ''; line = next('URLs')) {
      urls.push(formatGoUrl(parseRequestUri(line)))
    }
    const headers: AuthHeaders = {}
    for (let line = next('headers'); line !== ''; line = next('headers')) {
      const colon = line.indexOf(': ')
      const name = colon < 0 ? '' : line.slice(0, colon)
      const value = trimSpace(line.slice(colon + 2))
      if (colon < 0 || !isToken(name) || !isFieldValue(value)) {
        throw new GoEnvError('invalid format: invalid header line')
      }
      const key = canonicalHeaderKey(name)
      headers[key] = [...(headers[key] ?? []), value]
    }
    for (const url of urls) {
      const prefix = url.startsWith('https://') ? url.slice('https://'.length) : url
      credentials.set(prefix, headers)
    }
  }
  return credentials
}

/**
 * 'git credential fill' output: the URL prefix it answered for (from protocol, host and path,
 * or a valid url= line) and the user name and password. Empty strings for what is missing.
 */
export function parseGitCredential(output: string): {
  prefix: string
  username: string
  password: string
} {
  let prefix: GoUrl = emptyUrl()
  let username = ''
  let password = ''
  for (const line of output.split('\n')) {
    const text = trimSpace(line)
    const eq = text.indexOf('=')
    if (eq < 0) continue
    const value = text.slice(eq + 1)
    switch (text.slice(0, eq)) {
      case 'protocol':
        prefix = { ...prefix, scheme: value }
        break
      case 'host':
        prefix = { ...prefix, host: value }
        break
      case 'path':
        prefix = { ...prefix, path: value }
        break
      case 'username':
        username = value
        break
      case 'password':
        password = value
        break
      case 'url':
        // A malformed url= line is skipped; the other fields may still name the prefix.
        prefix = tryParseRequestUri(value) ?? prefix
    }
  }
  return { prefix: formatGoUrl(prefix), username, password }
}

/** net/url.ParseRequestURI: an absolute URL or an absolute path; a '#' is part of the path. */
function parseRequestUri(raw: string): GoUrl {
  if (raw === '') throw new GoEnvError(`could not parse URL ${raw}: empty url`)
  try {
    const url = parseGoUrl(raw.replaceAll('#', '%23'))
    if (url.scheme === '' && !raw.startsWith('/') && raw !== '*') {
      throw new GoEnvError('invalid URI for request')
    }
    return url
  } catch (err) {
    if (!(err instanceof GoEnvError)) throw err
    // Go quotes the line and pieces of it: not a line that may hold credentials.
    if (raw.includes('@')) throw new GoEnvError('could not parse a URL line with user information')
    throw new GoEnvError(`could not parse URL ${raw}: ${err.message}`)
  }
}

function tryParseRequestUri(raw: string): GoUrl | undefined {
  try {
    return parseRequestUri(raw)
  } catch {
    return undefined
  }
}

// RFC 7230 token characters: what a header name may hold.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

function isToken(name: string): boolean {
  return TOKEN.test(name)
}

// Go's validHeaderFieldValue: no control bytes except space and tab.
function isFieldValue(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\x00-\x08\x0a-\x1f\x7f]/.test(value)
}

/** textproto.CanonicalMIMEHeaderKey for a valid name: "private-token" → "Private-Token". */
export function canonicalHeaderKey(name: string): string {
  return name
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-')
}
