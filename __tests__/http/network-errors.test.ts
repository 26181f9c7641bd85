/**
 * How a failed handshake reads in a verdict whichever OpenSSL Node carries: Node 20's OpenSSL 3.0
 * names a TLS alert `sslv3 alert …`, Node 24's OpenSSL 3.5 (the runner's node24) `ssl/tls alert
 * …`. The go-tls test meets the real servers on whichever Node runs the suite; this holds both.
 */
import { describe, expect, it } from '@jest/globals'
import { classifyNetworkError } from '../../src/http/errors.js'

const HANDSHAKE_FAILURE =
  'the server sent the alert "handshake failure": it accepts none of the cipher suites and key ' +
  'exchanges the go command offers, or wants a client certificate (EPROTO)'

function eproto(reason: string): Error {
  const message =
    `C0D7E2F1A87F0000:error:0A000410:SSL routines:ssl3_read_bytes:${reason}:` +
    '../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1605:SSL alert number 40\n'
  return Object.assign(new Error(message), { code: 'EPROTO' })
}

describe('classifyNetworkError on a TLS alert', () => {
  it.each([
    ['OpenSSL 3.0 (Node 20)', 'sslv3 alert handshake failure'],
    ['OpenSSL 3.5 (Node 24)', 'ssl/tls alert handshake failure']
  ])('%s: names the alert and what it most often means', (_, reason) => {
    expect(classifyNetworkError(eproto(reason))).toEqual({
      kind: 'tls',
      message: `TLS error: ${HANDSHAKE_FAILURE}`
    })
  })

  it('names any other alert as the server sent it', () => {
    expect(classifyNetworkError(eproto('ssl/tls alert protocol version')).message).toBe(
      'TLS error: the server sent the alert "protocol version" (EPROTO)'
    )
  })

  it('keeps a reason that is no alert', () => {
    expect(classifyNetworkError(eproto('wrong version number')).message).toBe(
      'TLS error: wrong version number (EPROTO)'
    )
  })
})
