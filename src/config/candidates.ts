import { Inputs } from '../constants.js'
import type { Candidate, GoSetting, Role } from './plan.js'
import { InputError, forInput } from './errors.js'
import { credentialsOf, redactUrl } from '../credentials/redact.js'
import { entryText, parseProxyList, type ProxyEntry } from '../goenv/proxylist.js'

/**
 * Reads a GOPROXY-syntax value (the `proxies` or `mirrors` input, or $GOPROXY) into candidates.
 * In an input, newlines count as `,` so a YAML block list works; $GOPROXY is read as Go reads it.
 * Credentials over http are refused, as the go command refuses them.
 */
export function parseCandidates(
  { name, text: value, fromEnv }: GoSetting,
  role: Role,
  platform: NodeJS.Platform
): Candidate[] {
  const text = fromEnv ? value : value.replace(/\r?\n/g, ',')
  const entries = forInput(name, value, () => parseProxyList(text, { platform }))
  const idPrefix = role === 'primary' ? Inputs.Proxies : Inputs.Mirrors
  return entries.map((entry, index) => {
    refuseInsecureCredentials(name, value, entry)
    return { id: `${idPrefix}[${index}]`, role, entry, display: displayOf(entry) }
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
