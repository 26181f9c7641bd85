import { STATUS_CODES } from 'node:http'
import type { HttpFailure } from './types.js'

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_OSSL_)/

// The proxy tunnels of @actions/http-client (the `tunnel` package) report every failure of the
// forward proxy as ECONNRESET; only the message tells a 407 from an unreachable proxy.
const TUNNEL_STATUS = /^tunneling socket could not be established, statusCode=(\d+)$/
const TUNNEL_CAUSE = /^tunneling socket could not be established, cause=(.*)$/s

/** Maps Node's socket and parser errors to the failure kinds a verdict reason can explain. */
export function classifyNetworkError(err: unknown): { kind: HttpFailure; message: string } {
  const e = err as NodeJS.ErrnoException
  const code = e?.code ?? ''
  const tunnel = proxyFailure(String(e?.message ?? ''))
  if (tunnel) return { kind: 'proxy', message: tunnel }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    return { kind: 'dns', message: `cannot resolve host (${code})` }
  }
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'connection refused' }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    return { kind: 'reset', message: `connection reset (${code})` }
  }
  if (TLS_CODES.test(code))
    return { kind: 'tls', message: `TLS error: ${tlsProblem(e.message)} (${code})` }
  if (code === 'EPROTO')
    return { kind: 'tls', message: `TLS error: ${handshakeProblem(e.message)}` }
  if (code === 'HPE_HEADER_OVERFLOW')
    return { kind: 'protocol', message: 'response headers too large' }
  if (code.startsWith('HPE_'))
    return { kind: 'protocol', message: `invalid HTTP response (${code})` }
  if (code === 'ERR_INVALID_URL') return { kind: 'protocol', message: 'invalid URL' }
  return { kind: 'reset', message: code ? `network error (${code})` : 'network error' }
}

/**
 * Node's TLS message up to its first ';': Node 24 appends advice on --use-system-ca, which an
 * action's user cannot act on (NODE_EXTRA_CA_CERTS is the documented way), and the same
 * certificate should read the same on every Node.
 */
function tlsProblem(message: string): string {
  return message.split(';')[0].trim()
}

/**
 * OpenSSL's reason in an EPROTO message (`…:SSL routines:<function>:<reason>:<file>:…`). A server
 * that ends the handshake with a handshake_failure alert (40) most often found nothing in common
 * with the cipher suites and key exchanges offered, which are Go's (go-tls.ts).
 */
function handshakeProblem(message: string): string {
  const reason = /:SSL routines:[^:]*:([^:]+):/.exec(message)?.[1] ?? 'handshake failed'
  // OpenSSL 3.0 (Node 20) names an alert by the version that defined it (`sslv3 alert handshake
  // failure`); OpenSSL 3.5 (Node 24, the runner's) by the protocol (`ssl/tls alert …`).
  const alert = /^(?:sslv3|tlsv1\d*|ssl\/tls) alert (.+)$/.exec(reason)?.[1]
  if (alert === undefined) return `${reason} (EPROTO)`
  const why =
    alert === 'handshake failure'
      ? ': it accepts none of the cipher suites and key exchanges the go command offers,' +
        ' or wants a client certificate'
      : ''
  return `the server sent the alert "${alert}"${why} (EPROTO)`
}

/** The forward proxy's failure worded for a reason, or undefined when `message` is not one. */
function proxyFailure(message: string): string | undefined {
  const proxy = 'the proxy (HTTPS_PROXY/HTTP_PROXY)'
  const status = TUNNEL_STATUS.exec(message)?.[1]
  if (status) return `${proxy} answered CONNECT with ${status} ${STATUS_CODES[status] ?? ''}`.trim()
  const cause = TUNNEL_CAUSE.exec(message)?.[1]
  if (cause) return `cannot reach ${proxy}: ${cause}`
  if (message === 'got illegal response body from proxy')
    return `${proxy} sent data before opening the tunnel`
  return undefined
}
