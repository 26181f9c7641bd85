// Credentials in proxy URLs: shown only redacted, sent only as Basic auth.
import { maskCredentials, stripUserinfo } from './mask.js'
import { formatGoUrl, redactedGoUrl, tryParseGoUrl } from '../gostd/url.js'

/**
 * Go's URL.Redacted: `https://user:xxxxx@host/path`; a URL without a password comes back as Go
 * prints it. Never throws, and never shows a password: text Go cannot parse, or where Go finds
 * no password but the text still holds `//user:pass@` (a list pasted as one URL, a '?' in a
 * password), has every such password masked too.
 */
export function redactUrl(url: string): string {
  const parsed = tryParseGoUrl(url)
  return maskCredentials(parsed === undefined ? url : redactedGoUrl(parsed))
}

/** The decoded user name and password that Go would send as Basic auth (password '' if none). */
export function credentialsOf(url: string): { username: string; password: string } | undefined {
  const user = tryParseGoUrl(url)?.user
  if (user === undefined) return undefined
  return { username: user.username, password: user.password ?? '' }
}

/**
 * The URL as Go prints it without its user information, for building requests; never throws.
 * Not a redaction of arbitrary text (the path is kept as it is): show URLs with redactUrl.
 */
export function stripCredentials(url: string): string {
  const parsed = tryParseGoUrl(url)
  return parsed === undefined ? stripUserinfo(url) : formatGoUrl({ ...parsed, user: undefined })
}

/** GOSUMDB with the credentials of its URL field removed: for cache keys and cache entries. */
export function gosumdbWithoutCredentials(gosumdb: string): string {
  const [name, ...url] = gosumdb.trim().split(/\s+/)
  return [name, ...url.map(stripCredentials)].join(' ')
}
