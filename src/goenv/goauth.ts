// GOAUTH as the go command reads it (cmd/go/internal/auth/auth.go, userauth.go): the methods it
// names, and the cache of headers by URL prefix that every method fills and every request reads.
import { GoEnvError } from '../gostd/errors.js'
import { isAbsolutePath, type PathStyle } from '../gostd/filepath.js'
import { fields, trimSpace } from '../gostd/strings.js'
import type { NetrcEntry } from './netrc.js'
import { basicToken } from './basic-auth.js'

/** One method; `text` is the command as written (trimmed), as Go names it in its messages. */
export type GoauthMethod = { text: string } & (
  | { kind: 'netrc' }
  /** `git DIR`: 'git credential fill' run in DIR, only once a request got a 4xx. */
  | { kind: 'git'; dir: string }
  /** Any other word: a program and its arguments, as cmd/internal/quoted splits them. */
  | { kind: 'command'; argv: string[] }
)

/** Header name (canonical, as Go's http.Header keeps it) → values. */
export type AuthHeaders = Record<string, string[]>

/** The default the go command uses when GOAUTH is unset or empty. */
export const GOAUTH_DEFAULT = 'netrc'

/**
 * The methods of a GOAUTH value, in the order written ([] for `off`). Throws GoEnvError where the
 * go command stops with a fatal error, and for a command it could never run (unbalanced quotes).
 * Like Go, only the first word decides: `netrc x` is netrc, `off x` is off.
 */
export function parseGoauth(value: string | undefined, style: PathStyle): GoauthMethod[] {
  const text = value || GOAUTH_DEFAULT
  const commands = text.split(';').map(trimSpace)
  // Go checks the commands last to first, so the same value fails with the same message.
  const methods = [...commands].reverse().map((command): GoauthMethod[] => {
    const words = fields(command)
    if (words.length === 0) throw new GoEnvError('GOAUTH encountered an empty command')
    switch (words[0]) {
      case 'off':
        if (commands.length !== 1) {
          throw new GoEnvError('GOAUTH=off cannot be combined with other authentication commands')
        }
        return []
      case 'netrc':
        return [{ kind: 'netrc', text: command }]
      case 'git':
        return [{ kind: 'git', text: command, dir: gitDirectory(words, style) }]
      default:
        return [{ kind: 'command', text: command, argv: splitQuoted(command) }]
    }
  })
  return methods.reverse().flat()
}

function gitDirectory(words: string[], style: PathStyle): string {
  const needed = 'GOAUTH=git dir method requires an absolute path to the git working directory'
  if (words.length !== 2) throw new GoEnvError(needed)
  if (!isAbsolutePath(words[1], style)) throw new GoEnvError(`${needed}, dir is not absolute`)
  return words[1]
}

/**
 * cmd/internal/quoted.Split: fields separated by ASCII white space, each optionally wrapped in
 * single or double quotes, with no escapes inside.
 */
export function splitQuoted(s: string): string[] {
  const words: string[] = []
  const isSpace = (c: string | undefined): boolean =>
    c === ' ' || c === '\t' || c === '\n' || c === '\r'
  let i = 0
  while (i < s.length) {
    while (i < s.length && isSpace(s[i])) i++
    if (i === s.length) break
    const quote = s[i]
    if (quote === '"' || quote === "'") {
      const end = s.indexOf(quote, i + 1)
      if (end < 0)
        throw new GoEnvError(`cannot parse GOAUTH command ${s}: unterminated ${quote} string`)
      words.push(s.slice(i + 1, end))
      i = end + 1
      continue
    }
    const start = i
    while (i < s.length && !isSpace(s[i])) i++
    words.push(s.slice(start, i))
  }
  return words
}

/**
 * Go's credentialCache: headers by URL prefix ("host[:port][/path]", no scheme, no trailing '/').
 * A later store for the same prefix replaces the earlier one; storing no headers removes it.
 */
export class CredentialCache {
  private readonly byPrefix = new Map<string, AuthHeaders>()

  copy(): CredentialCache {
    const copy = new CredentialCache()
    for (const [prefix, headers] of this.byPrefix) copy.byPrefix.set(prefix, headers)
    return copy
  }

  store(prefix: string, headers: AuthHeaders): void {
    const key = trimPrefix(prefix)
    if (Object.keys(headers).length === 0) this.byPrefix.delete(key)
    else this.byPrefix.set(key, headers)
  }

  /**
   * The headers for a request URL: the stored prefix that matches it longest, trying the URL
   * without "https://" and then each shorter prefix ending before a '/'.
   */
  load(url: string): AuthHeaders | undefined {
    for (let prefix = trimPrefix(url); ; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
      const found = this.byPrefix.get(prefix)
      if (found !== undefined) return found
      if (!prefix.includes('/')) return undefined
    }
  }
}

function trimPrefix(url: string): string {
  // Go's url.Parse lowercases the scheme: HTTPS://host is https://host to it.
  const noScheme = url.replace(/^https:\/\//i, '')
  return noScheme.endsWith('/') ? noScheme.slice(0, -1) : noScheme
}

/** The header Go's Request.SetBasicAuth sets. */
export function basicAuth(username: string, password: string): AuthHeaders {
  return { Authorization: [`Basic ${basicToken(username, password)}`] }
}

/** The netrc method: each machine's Basic credentials, the first entry for a machine winning. */
export function storeNetrc(cache: CredentialCache, entries: readonly NetrcEntry[]): void {
  for (const entry of [...entries].reverse()) {
    cache.store(entry.machine, basicAuth(entry.login, entry.password))
  }
}
