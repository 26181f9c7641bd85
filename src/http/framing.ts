import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

/**
 * How Go's HTTP client frames and decodes a response where Node's would differ: the go command
 * must not be told a proxy works when its own client refuses the answer.
 */

/** A header's values as Go's textproto reads them: one per header line, blanks trimmed. */
function headerLines(res: IncomingMessage, name: string): string[] {
  const values: string[] = []
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    if (res.rawHeaders[i].toLowerCase() === name) values.push(res.rawHeaders[i + 1].trim())
  }
  return values
}

/**
 * Why Go's client refuses the answer's Transfer-Encoding, in its words, or undefined. Like nginx,
 * it takes exactly one header line saying `chunked` (in any case) on HTTP/1.1, and ignores the
 * header on HTTP/1.0 (net/http transfer.go, parseTransferEncoding); Node's parser would read
 * `identity`, `gzip` or an unknown coding up to the end of the connection instead, and undo the
 * chunking of an HTTP/1.0 body, which Go reads raw.
 */
export function transferEncodingProblem(res: IncomingMessage): string | undefined {
  const codings = headerLines(res, 'transfer-encoding')
  if (codings.length === 0) return undefined
  if (res.httpVersionMajor < 1 || (res.httpVersionMajor === 1 && res.httpVersionMinor < 1)) {
    // Go reads such a body as it came, chunk framing and all, where Node would undo the framing.
    const chunked = codings.some(c => /chunked/i.test(c))
    return chunked
      ? 'HTTP/1.0 answer with Transfer-Encoding: chunked (Go reads the chunk framing as the body)'
      : undefined
  }
  if (codings.length > 1) {
    return `too many transfer encodings: [${codings.map(quote).join(' ')}]`
  }
  if (codings[0].toLowerCase() !== 'chunked') {
    return `unsupported transfer encoding: ${quote(codings[0])}`
  }
  return undefined
}

/**
 * Whether Go's client gunzips the body: it asks for gzip, and decodes when the first
 * Content-Encoding line is `gzip` in any case; any other coding is passed through as it came.
 */
export function goGunzips(res: IncomingMessage): boolean {
  return headerLines(res, 'content-encoding')[0]?.toLowerCase() === 'gzip'
}

/**
 * The Content-Encoding of an answer whose body Go reads still encoded (`br`, `deflate`, `x-gzip`,
 * `gzip, gzip`), for a reason to name when that body fails a check; undefined for none, `gzip`
 * (decoded) and `identity`.
 */
export function undecodedEncoding(headers: IncomingHttpHeaders): string | undefined {
  const coding = headers['content-encoding']?.trim()
  if (!coding || /^(gzip|identity)$/i.test(coding)) return undefined
  return coding
}

/** Go's %q for the plain header values a server sends. */
function quote(value: string): string {
  return JSON.stringify(value)
}
