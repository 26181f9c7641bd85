import { HttpError } from '../http/types.js'

/** Why a probe failed, worded for the verdict's reason. */
export class ProbeError extends Error {
  override name = 'ProbeError'
  constructor(
    message: string,
    /** Worth another attempt (and a strike for the breaker): the server failed, not the content. */
    readonly transient: boolean,
    readonly status?: number
  ) {
    super(message)
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
