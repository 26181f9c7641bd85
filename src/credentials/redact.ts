// Credentials in proxy URLs: shown only redacted, sent only as Basic auth.
import { maskCredentials, stripUserinfo } from './mask.js'
import { formatGoUrl, redactedGoUrl, tryParseGoUrl } from '../gostd/url.js'

/**
 * Go's URL.Redacted (`https://user:xxxxx@host/path`), but a user name alone (or with an empty
 * password) is masked whole: `https://xxxxx@host`. Never throws, and never shows a credential:
 * text Go cannot parse, or where Go finds none but the text still holds `//user:pass@` (a list
 * pasted as one URL, a '?' in a password), has every such credential masked too.
 */
export function redactUrl(url: string): string {
  const parsed = tryParseGoUrl(url)
  if (parsed === undefined) return maskCredentials(url)
  // A user name with no password, or an empty one, is the credential Go sends: masked whole.
  const nameOnly = !!parsed.user?.username && !parsed.user.password
  return maskCredentials(
    nameOnly ? formatGoUrl({ ...parsed, user: { username: 'xxxxx' } }) : redactedGoUrl(parsed)
  )
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
