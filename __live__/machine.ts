/**
 * What the live check needs to know about this machine: its own GOPROXY and GOSUMDB (as the go
 * command reports them, so no host is ever written in the repository), and whether the first
 * proxy answers at all.
 */
import { execFileSync } from 'node:child_process'
import { parseProxyList } from '../src/goenv/proxylist.js'
import { createHttpGetter } from '../src/http/get.js'

export interface GoSettings {
  goproxy: string
  gosumdb: string
}

/** Variables the action and the go command need to reach the network the way this shell does. */
const PASS_THROUGH = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS'
]

export function networkEnv(): Record<string, string> {
  return Object.fromEntries(
    PASS_THROUGH.flatMap(name => (process.env[name] ? [[name, process.env[name]]] : []))
  )
}

/** `go env GOPROXY GOSUMDB`; undefined when go is not installed. */
export function readGoEnv(): GoSettings | undefined {
  try {
    const out = execFileSync('go', ['env', 'GOPROXY', 'GOSUMDB'], {
      encoding: 'utf8',
      timeout: 10_000
    })
    const [goproxy = '', gosumdb = ''] = out.split(/\r?\n/)
    return { goproxy: goproxy.trim(), gosumdb: gosumdb.trim() }
  } catch {
    return undefined
  }
}

/**
 * Why the live check cannot run here, or undefined when it can: one GET of `<first proxy>/<list>`
 * with a 5 s limit must answer 200.
 */
export async function whyNotLive(
  settings: GoSettings | undefined,
  listPath: string
): Promise<string | undefined> {
  if (!settings) return '`go env` failed: the go command is not installed'
  if (settings.gosumdb === 'off') return 'GOSUMDB is off: there is no checksum database to check'
  const proxy = parseProxyList(settings.goproxy).find(e => e.kind === 'proxy')
  if (!proxy || proxy.kind !== 'proxy')
    return `GOPROXY names no http(s) proxy (${settings.goproxy || 'empty'})`
  const http = createHttpGetter()
  try {
    const res = await http.get({
      url: `${proxy.url.replace(/\/+$/, '')}/${listPath}`,
      timeoutMs: 5_000,
      maxBytes: 1 << 16
    })
    return res.status === 200
      ? undefined
      : `the first GOPROXY entry answered ${res.status} for ${listPath}`
  } catch (err) {
    return `the first GOPROXY entry is unreachable: ${err instanceof Error ? err.message : String(err)}`
  } finally {
    http.close()
  }
}
