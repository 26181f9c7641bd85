// TLS as the go command's client speaks it (crypto/tls defaults.go, crypto/x509), where Node's
// defaults accept more: a proxy that a corporate appliance fronts with RSA key exchange only, or
// with a certificate that names its host only in the Common Name, answers Node and fails go.
import type { PeerCertificate } from 'node:tls'
import { goDebugValue } from '../goenv/godebug.js'

/** Go's TLS 1.2 client suites, in Go's order, by their OpenSSL names (ECDHE only). */
const ECDHE_SUITES = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA'
]
/** RSA key exchange, off since Go 1.22 unless GODEBUG=tlsrsakex=1. */
const RSA_KEX_SUITES = ['AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA']
/** 3DES, off since Go 1.23 unless GODEBUG=tls3des=1 (with RSA key exchange only if that is on). */
const TDES_SUITE = 'ECDHE-RSA-DES-CBC3-SHA'
const RSA_TDES_SUITE = 'DES-CBC3-SHA'
/** Go's TLS 1.3 suites, which are Node's too; naming them keeps TLS 1.3 on. */
const TLS13_SUITES = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256'
]
/**
 * The key exchanges Go offers that OpenSSL names everywhere (Go adds ML-KEM hybrids, which no
 * server requires). OpenSSL would also offer X448 and finite-field groups, which Go lacks.
 */
const GO_GROUPS = 'X25519:P-256:P-384:P-521'

/** The options that make a Node TLS connection accept what Go's client accepts. */
export interface GoTls {
  ciphers: string
  ecdhCurve: string
  checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined
}

/** Go's client TLS, with the GODEBUG settings of the job's environment that change it. */
export function goTls(godebug: string | undefined): GoTls {
  const rsaKex = goDebugValue(godebug, 'tlsrsakex') === '1'
  const tdes = goDebugValue(godebug, 'tls3des') === '1'
  const suites = [
    ...ECDHE_SUITES,
    ...(rsaKex ? RSA_KEX_SUITES : []),
    ...(tdes ? [TDES_SUITE] : []),
    ...(tdes && rsaKex ? [RSA_TDES_SUITE] : [])
  ]
  const negativeSerials = goDebugValue(godebug, 'x509negativeserial') === '1'
  return {
    ciphers: [...TLS13_SUITES, ...suites].join(':'),
    ecdhCurve: GO_GROUPS,
    checkServerIdentity: (host, cert) =>
      (negativeSerials ? undefined : negativeSerial(cert)) ??
      legacyCommonName(host, cert) ??
      process.getBuiltinModule('node:tls').checkServerIdentity(host, cert)
  }
}

/** Go refuses to parse a certificate with a negative serial number (since Go 1.23). */
function negativeSerial(leaf: PeerCertificate): Error | undefined {
  // The chain as verified, leaf first; a root is its own issuer.
  let cert: PeerCertificate | undefined = leaf
  for (let depth = 0; cert && depth < 16; depth++) {
    if (cert.serialNumber?.startsWith('-')) {
      return tlsError('ERR_TLS_CERT_NEGATIVE_SERIAL', 'x509: negative serial number')
    }
    const issuer: PeerCertificate | undefined = (cert as { issuerCertificate?: PeerCertificate })
      .issuerCertificate
    cert = issuer === cert ? undefined : issuer
  }
  return undefined
}

/**
 * Go matches a host only against the subject alternative names (since Go 1.15); Node falls back
 * to the Common Name when a certificate has none.
 */
function legacyCommonName(host: string, cert: PeerCertificate): Error | undefined {
  if (cert.subjectaltname !== undefined) return undefined
  return cert.subject?.CN
    ? tlsError(
        'ERR_TLS_CERT_LEGACY_CN',
        'x509: certificate relies on legacy Common Name field, use SANs instead'
      )
    : tlsError(
        'ERR_TLS_CERT_ALTNAME_INVALID',
        `x509: certificate is not valid for any names, but wanted to match ${host}`
      )
}

function tlsError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}
