import type { Candidate, Role } from './plan.js'
import { InputError, forInput } from './errors.js'
import { credentialsOf, redactUrl } from '../credentials/redact.js'
import { entryText, parseProxyList, type ProxyEntry } from '../goenv/proxylist.js'

/**
 * Reads a GOPROXY-syntax input (`proxies` or `mirrors`) into candidates. Newlines count as `,`
 * so a YAML block list works. Credentials over http are refused, as the go command refuses them.
 */
export function parseCandidates(
  input: string,
  value: string,
  role: Role,
  platform: NodeJS.Platform
): Candidate[] {
  const text = value.replace(/\r?\n/g, ',')
  const entries = forInput(input, value, () => parseProxyList(text, { platform }))
  return entries.map((entry, index) => {
    refuseInsecureCredentials(input, value, entry)
    return { id: `${input}[${index}]`, role, entry, display: displayOf(entry) }
  })
}

function refuseInsecureCredentials(input: string, value: string, entry: ProxyEntry): void {
  if (entry.kind !== 'proxy' || !credentialsOf(entry.url)) return
  if (!entry.url.toLowerCase().startsWith('https:')) {
    throw new InputError(
      input,
      value,
      `has credentials in an http:// URL (${redactUrl(entry.url)}); the go command refuses to send credentials to an insecure URL — use https://`
    )
  }
}

export function displayOf(entry: ProxyEntry): string {
  return redactUrl(entryText(entry))
}
