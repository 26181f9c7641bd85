import type { Candidate } from '../config/plan.js'
import { netrcCredentials, type NetrcEntry } from '../goenv/netrc.js'
import { credentialsOf } from '../goenv/redact.js'
import type { Credentials } from '../http/types.js'

/** netrc credentials for a proxy whose URL carries none, looked up as the go command does. */
export function credentialsFor(
  candidate: Candidate,
  netrc: NetrcEntry[] | undefined
): Credentials | undefined {
  if (!netrc || candidate.entry.kind !== 'proxy' || credentialsOf(candidate.entry.url))
    return undefined
  const found = netrcCredentials(netrc, candidate.entry.url)
  return found && { username: found.login, password: found.password }
}
