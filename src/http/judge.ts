import { isGraphicOrSpace, trimSpace } from '../gostd/strings.js'
import { undecodedEncoding } from './framing.js'
import { ContentError, RateLimitError, ProbeError } from './probe-errors.js'
import { parseRetryAfter } from './retry-after.js'
import type { HttpResponse } from './types.js'

/**
 * A 200's content, or the error the answer stands for. A 429 or 503 may say how long to wait
 * (Retry-After): when that fits in a request's timeout the retry waits so long, else it is over.
 */
export async function judge<T>(
  res: HttpResponse,
  accept: (res: HttpResponse) => T | Promise<T>,
  timeoutMs: number,
  now: number
): Promise<T> {
  if (res.status === 200) return acceptNamingEncoding(res, accept)
  const transient = res.status === 429 || res.status >= 500
  const retryAfter =
    res.status === 429 || res.status === 503
      ? parseRetryAfter(headerText(res.headers['retry-after']), now)
      : undefined
  if (retryAfter && retryAfter.ms > timeoutMs) throw new RateLimitError(retryAfter, res.status)
  throw new ProbeError(`${res.status} ${statusText(res)}`, transient, res.status, retryAfter)
}

/**
 * `accept`, whose complaint about the content names a Content-Encoding Go leaves undecoded: the
 * check failed on the encoded bytes, which is why the go command fails too.
 */
async function acceptNamingEncoding<T>(
  res: HttpResponse,
  accept: (res: HttpResponse) => T | Promise<T>
): Promise<T> {
  try {
    return await accept(res)
  } catch (err) {
    throw err instanceof ContentError ? namingEncoding(err, res) : err
  }
}

/** A complaint about `res`'s content, naming the Content-Encoding Go left undecoded, if any. */
export function namingEncoding(err: ContentError, res: HttpResponse): ContentError {
  const coding = undecodedEncoding(res.headers)
  if (!coding) return err
  const hint = `served with Content-Encoding: ${coding}, which Go does not decode`
  return new ContentError(`${err.message} (${hint})`, err.status)
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** The status line plus, as the go command does, the first lines of a plain-text answer. */
function statusText(res: HttpResponse): string {
  const words = res.status === 404 || res.status === 410 ? 'not found' : 'error'
  const detail = isPlainText(res.contentType) ? errorDetail(res.body) : undefined
  return detail ? `${words}: ${JSON.stringify(detail)}` : words
}

// cmd/go/internal/web's limits on the server's words it quotes.
const MAX_DETAIL_LINES = 8
const MAX_DETAIL_BYTES = MAX_DETAIL_LINES * 81

/** text/plain in UTF-8 or a subset of it: the answers whose words the go command quotes. */
function isPlainText(contentType: string): boolean {
  const [mediaType, ...params] = contentType.split(';').map(p => p.trim().toLowerCase())
  const charset = params.find(p => p.startsWith('charset='))?.slice('charset='.length) ?? ''
  return mediaType === 'text/plain' && ['', 'utf-8', 'us-ascii'].includes(charset.replace(/"/g, ''))
}

/** What of an error answer Go reads before judging it: at least 9 lines, or its first 4 KiB. */
const DETAIL_READ_BYTES = 4096

/**
 * The words of an error answer as the go command quotes them (web.Response's formatErrorDetail):
 * its lines up to the first blank one, at most 8 and 648 bytes, each cut marked; nothing when
 * what Go read of it is not printable UTF-8.
 */
function errorDetail(body: Buffer): string | undefined {
  let end = -1
  for (let line = 0; line <= MAX_DETAIL_LINES && end < body.length; line++) {
    const next = body.indexOf(0x0a, end + 1)
    end = next < 0 ? body.length : next
  }
  const text = printableText(body.subarray(0, Math.max(end + 1, DETAIL_READ_BYTES)))
  if (text === undefined) return undefined
  let detail = ''
  for (const [i, line] of text.split('\n').entries()) {
    if (trimSpace(line) === '') break
    if (i > 0) detail += '\n'
    if (i >= MAX_DETAIL_LINES) return `${detail}[Truncated: too many lines.]`
    // Go counts the tab it writes after each line break, and bytes, not characters.
    const written = Buffer.byteLength(detail) + i
    if (written + Buffer.byteLength(line) > MAX_DETAIL_BYTES)
      return `${detail}[Truncated: too long.]`
    detail += line
  }
  return detail || undefined
}

/**
 * `bytes` as text when they are UTF-8 of graphic characters and white space only, else
 * undefined: like the go command, never quote binary (a zip served with a 206) or control codes.
 * A character cut at the end of the excerpt is dropped.
 */
function printableText(bytes: Buffer): string | undefined {
  let text: string
  try {
    // A decoder of its own: `stream` holds a cut character back, and it is not to be kept. A
    // byte-order mark stays in the text, where Go sees it (and finds it not printable).
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    text = decoder.decode(bytes, { stream: true })
  } catch {
    return undefined
  }
  return isGraphicOrSpace(text) ? text : undefined
}
