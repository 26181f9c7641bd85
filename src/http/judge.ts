import { RateLimitError, ProbeError } from './probe-errors.js'
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
  if (res.status === 200) return accept(res)
  const transient = res.status === 429 || res.status >= 500
  const retryAfter =
    res.status === 429 || res.status === 503
      ? parseRetryAfter(headerText(res.headers['retry-after']), now)
      : undefined
  if (retryAfter && retryAfter.ms > timeoutMs) throw new RateLimitError(retryAfter, res.status)
  throw new ProbeError(`${res.status} ${statusText(res)}`, transient, res.status, retryAfter)
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** The status line plus, as the go command does, the start of a text/plain answer. */
function statusText(res: HttpResponse): string {
  const words = res.status === 404 || res.status === 410 ? 'not found' : 'error'
  if (!/^text\/plain/i.test(res.contentType)) return words
  const text = res.body.subarray(0, 200).toString('utf8').split('\n')[0].trim()
  return text ? `${words}: ${JSON.stringify(text)}` : words
}
