// Verdict cache keys: a hash of what a verdict depends on, never of a credential.
import { createHash } from 'node:crypto'
import {
  credentialsOf,
  gosumdbWithoutCredentials,
  stripCredentials
} from '../credentials/redact.js'

export interface CacheKeyParts {
  /** The candidate's URL, or `direct`/`off`. */
  url: string
  checks: string
  /** Probe modules; their order does not matter. */
  modules: readonly string[]
  /** GOSUMDB as configured: `name`, `name+key` or `name+key url`. */
  gosumdb: string
  extra?: string
  /** Which credentials the candidate's requests carry (never their values; see credentialsOf). */
  credentials?: string
}

const KEY_SCHEME = 'validate-goproxy/key@2'

/**
 * SHA-256 hex of a canonical JSON of the parts. User information is stripped from the URLs first
 * (the candidate's and GOSUMDB's), so that no key can be used to confirm a guessed password; that
 * the candidate's URL has some is kept, as a verdict won with credentials is not one without.
 */
export function cacheKey(parts: CacheKeyParts): string {
  const canonical = JSON.stringify({
    scheme: KEY_SCHEME,
    url: stripCredentials(parts.url),
    userinfo: userinfoOf(parts.url),
    checks: parts.checks,
    modules: [...new Set(parts.modules)].sort(),
    gosumdb: gosumdbWithoutCredentials(parts.gosumdb),
    extra: parts.extra ?? null,
    credentials: parts.credentials ?? null
  })
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Whether the URL carries user information, never what: `none`, `empty` (`https://:@host`, as a
 * secret that is not set leaves it, which Go sends as an empty Basic auth) or `set`.
 */
export function userinfoOf(url: string): 'none' | 'empty' | 'set' {
  const user = credentialsOf(url)
  if (user === undefined) return 'none'
  return user.username === '' && user.password === '' ? 'empty' : 'set'
}
