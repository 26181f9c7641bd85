// What of the job's environment shapes every request besides the inputs: which CAs are trusted,
// which forward proxy carries a request, the TLS that GODEBUG allows, the runner's OS (its trust
// store). A verdict reached under one of these is not one for another (see the verdict cache).
import { GODEBUG } from '../constants.js'
import { stripCredentials } from '../credentials/redact.js'

const TRUST = ['SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS']
const PROXIES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']
const NO_PROXY = ['NO_PROXY', 'no_proxy']

/** A canonical text of those settings, the forward proxies' credentials left out. */
export function networkScope(env: Record<string, string | undefined>, platform: string): string {
  const pick = (names: string[], show = (v: string) => v) =>
    names.map(name => [name, env[name] === undefined ? null : show(env[name])])
  return JSON.stringify([
    platform,
    ...pick(TRUST),
    ...pick(PROXIES, stripCredentials),
    ...pick(NO_PROXY),
    ...pick([GODEBUG])
  ])
}
