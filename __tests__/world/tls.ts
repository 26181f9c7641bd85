/**
 * The test world's TLS material: the committed fixtures of __tests__/fixtures/tls (made by
 * script/make-test-certs.sh). Every server certificate names 127.0.0.1, localhost and
 * goproxy.corp.test.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** What an HTTPS server needs: a PEM key and certificate. */
export interface TlsIdentity {
  key: Buffer
  cert: Buffer
  /** The server's TLS narrowed (OpenSSL names), to play one that some clients cannot talk to. */
  ciphers?: string
  ecdhCurve?: string
  maxVersion?: 'TLSv1.2' | 'TLSv1.3'
}

export const TLS_FIXTURES = resolve('__tests__/fixtures/tls')

/** The test CA's certificate file: the value for NODE_EXTRA_CA_CERTS or Go's SSL_CERT_FILE. */
export const TEST_CA_FILE = resolve(TLS_FIXTURES, 'ca.crt')

/** Which server certificate to present (see the fixtures' README). */
export type ServerCert =
  'server' | 'self-signed' | 'expired' | 'legacy-cn' | 'rsa' | 'negative-serial'

/** A server identity from the fixtures: `server` is signed by the test CA and valid until 2120. */
export function serverIdentity(which: ServerCert = 'server'): TlsIdentity {
  return {
    key: readFileSync(resolve(TLS_FIXTURES, `${which}.key`)),
    cert: readFileSync(resolve(TLS_FIXTURES, `${which}.crt`))
  }
}
