import type { HttpFailure } from './types.js'

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_OSSL_)/

/** Maps Node's socket and parser errors to the failure kinds a verdict reason can explain. */
export function classifyNetworkError(err: unknown): { kind: HttpFailure; message: string } {
  const e = err as NodeJS.ErrnoException
  const code = e?.code ?? ''
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    return { kind: 'dns', message: `cannot resolve host (${code})` }
  }
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'connection refused' }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    return { kind: 'reset', message: `connection reset (${code})` }
  }
  if (TLS_CODES.test(code)) return { kind: 'tls', message: `TLS error: ${e.message} (${code})` }
  if (code === 'HPE_HEADER_OVERFLOW') return { kind: 'protocol', message: 'response headers too large' }
  if (code.startsWith('HPE_')) return { kind: 'protocol', message: `invalid HTTP response (${code})` }
  if (code === 'ERR_INVALID_URL') return { kind: 'protocol', message: 'invalid URL' }
  return { kind: 'reset', message: code ? `network error (${code})` : 'network error' }
}
