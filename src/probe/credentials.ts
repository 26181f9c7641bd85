import { netrcCredentials, type NetrcEntry } from '../goenv/netrc.js'
import { credentialsOf } from '../goenv/redact.js'
import type { Credentials } from '../http/types.js'

/**
 * netrc credentials for an https URL that carries none, looked up as the go command does for
 * every request (proxies and the checksum database alike).
 */
export function netrcCredentialsFor(
  url: string,
  netrc: NetrcEntry[] | undefined
): Credentials | undefined {
  if (!netrc || !url.startsWith('https:') || credentialsOf(url)) return undefined
  const found = netrcCredentials(netrc, url)
  return found && { username: found.login, password: found.password }
}
