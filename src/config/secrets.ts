import { credentialsOf } from '../credentials/redact.js'
import type { Plan } from './plan.js'

/**
 * Every password the plan's URLs carry (proxies, mirrors, the GOSUMDB URL, sumdb mirrors), as
 * written and URL-encoded, so each face can mask them in everything it prints.
 */
export function planSecrets(plan: Plan): string[] {
  const urls = [
    ...plan.candidates.flatMap(c => (c.entry.kind === 'proxy' ? [c.entry.url] : [])),
    ...plan.sumdbMirrors,
    ...(plan.gosumdb.kind === 'db' && plan.gosumdb.url ? [plan.gosumdb.url] : [])
  ]
  return urls.flatMap(url => {
    const password = credentialsOf(url)?.password
    if (!password) return []
    // The exported value holds the password as the URL spells it (`%2f` is not `%2F` to a mask).
    return [...new Set([password, encodeURIComponent(password), spelledPassword(url) ?? password])]
  })
}

// As Go parses a URL: the user info ends at the authority's last '@'; the password follows its
// first ':'.
function spelledPassword(url: string): string | undefined {
  const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1] ?? ''
  const colon = userinfo.indexOf(':')
  return colon < 0 ? undefined : userinfo.slice(colon + 1)
}
