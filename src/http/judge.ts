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

/** The status line plus, as the go command does, the start of a text/plain answer. */
function statusText(res: HttpResponse): string {
  const words = res.status === 404 || res.status === 410 ? 'not found' : 'error'
  if (!/^text\/plain/i.test(res.contentType)) return words
  const text = printableText(res.body.subarray(0, 200))?.split('\n')[0].trim()
  return text ? `${words}: ${JSON.stringify(text)}` : words
}

/**
 * `bytes` as text when they are UTF-8 of graphic characters and white space only, else
 * undefined: like the go command, never quote binary (a zip served with a 206) or control codes.
 * A character cut at the end of the excerpt is dropped.
 */
function printableText(bytes: Buffer): string | undefined {
  let text: string
  try {
    // A decoder of its own: `stream` holds a cut character back, and it is not to be kept.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
  } catch {
    return undefined
  }
  return GRAPHIC_OR_SPACE.test(text) ? text : undefined
}

// Go's unicode.IsGraphic (letters, marks, numbers, punctuation, symbols, space separators) or
// unicode.IsSpace.
const GRAPHIC_OR_SPACE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\s]*$/u
