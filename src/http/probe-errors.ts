import { HttpError } from './types.js'
import type { RetryAfter } from './retry-after.js'

/** Why a probe failed, worded for the verdict's reason. */
export class ProbeError extends Error {
  override name = 'ProbeError'
  constructor(
    message: string,
    /** Worth another attempt (and a strike for the breaker): the server failed, not the content. */
    readonly transient: boolean,
    readonly status?: number,
    /** How long a 429 or 503 asked us to wait before asking again (its Retry-After). */
    readonly retryAfter?: RetryAfter
  ) {
    super(message)
  }
}

/** A 429 or 503 whose Retry-After is longer than a request may take: not worth waiting for. */
export class RateLimitError extends ProbeError {
  override name = 'RateLimitError'
  constructor(retryAfter: RetryAfter, status: number) {
    super(
      `rate limited: Retry-After ${retryAfter.seconds} s is longer than timeout`,
      false,
      status,
      retryAfter
    )
  }
}

/** The answer was wrong rather than missing: bad JSON, a captive portal, a mismatched version. */
export class ContentError extends ProbeError {
  override name = 'ContentError'
  constructor(message: string, status = 200) {
    super(message, false, status)
  }
}

// A bad certificate or a malformed answer does not mend on a second try; the rest are answers.
const PERMANENT_HTTP_FAILURES = new Set([
  'tls',
  'protocol',
  'too-large',
  'too-many-redirects',
  'insecure-redirect',
  'bad-redirect',
  'insecure-credentials',
  'decode'
])

/** Connection-level failures and 429/5xx answers are transient; wrong content and 4xx are not. */
export function isTransient(err: unknown): boolean {
  if (err instanceof ProbeError) return err.transient
  if (err instanceof HttpError)
    return !PERMANENT_HTTP_FAILURES.has(err.kind) && err.kind !== 'aborted'
  return false
}

/**
 * What the breaker counts as a failed request: an outage that outlived its retries, or a rate
 * limit too long to wait out (one failed request, like any other).
 */
export function isFailedRequest(err: unknown): boolean {
  return isTransient(err) || err instanceof RateLimitError
}
