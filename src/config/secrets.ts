import { credentialsOf } from '../credentials/redact.js'
import { basicToken } from '../goenv/basic-auth.js'
import type { Plan } from './plan.js'

/** Tokens are longer than this; user names as short as `git` or `oauth2` are no secrets. */
const SHORTEST_NAME_SECRET = 8

/**
 * Every credential the plan's URLs carry (proxies, mirrors, the GOSUMDB URL, sumdb mirrors), as
 * written and URL-encoded, so each face can mask them in everything it prints: each password,
 * or the user name where there is none (`https://TOKEN@host`), which is then the credential, when
 * it is at least as long as a token; and the Basic authorization each makes.
 */
export function planSecrets(plan: Plan): string[] {
  const urls = [
    ...plan.candidates.flatMap(c => (c.entry.kind === 'proxy' ? [c.entry.url] : [])),
    ...plan.sumdbMirrors,
    ...(plan.gosumdb.kind === 'db' && plan.gosumdb.url ? [plan.gosumdb.url] : [])
  ]
  return urls.flatMap(url => {
    const credentials = credentialsOf(url)
    const secret = credentials?.password || credentials?.username
    if (!credentials || !secret) return []
    // The Authorization header Go sends, which a server may quote back.
    const basic = basicToken(credentials.username, credentials.password)
    // The runner masks a secret everywhere in the job's log: a short name alone (`git@`) would
    // turn every "github" into "***hub". Shown URLs mask it all the same (see redactUrl).
    if (!credentials.password && secret.length < SHORTEST_NAME_SECRET) return [basic]
    // The exported value holds the secret as the URL spells it (`%2f` is not `%2F` to a mask).
    return [...new Set([secret, encodeURIComponent(secret), spelledSecret(url) ?? secret, basic])]
  })
}

// As Go parses a URL: the user info ends at the authority's last '@'; the password follows its
// first ':'. Without a password the user name is the secret.
function spelledSecret(url: string): string | undefined {
  const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1]
  if (userinfo === undefined) return undefined
  const colon = userinfo.indexOf(':')
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon)
  const password = colon < 0 ? '' : userinfo.slice(colon + 1)
  return password || user
}
