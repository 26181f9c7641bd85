// What the attempts of one request left behind, and how its failure is worded in its record.
import type { FirstContact } from './first-contact.js'
import { isTransient, ProbeError } from './probe-errors.js'
import type { RetryAfter } from './retry-after.js'
import { HttpError, type HttpResponse } from './types.js'
import { BreakerOpenError } from '../resilience/breaker.js'

/** What the attempts of one request left behind, for its record. */
export interface Trace {
  attempts: number
  /** The first contact it was asked beside, while that was in flight (see contact()). */
  beside?: FirstContact
  /** Sends given up before their answer, to free a request slot (see Limit). */
  gaveWay?: number
  /** When the latest attempt started. */
  startedAt: number
  response?: HttpResponse
  error?: unknown
  retryAfter?: RetryAfter
}

/**
 * How a failed request is worded: the breaker refused it or stopped its retries; the candidate
 * was stopped before it was sent, or before its retry; else its own failure. When the breaker or
 * an abort cut the retries short, the last attempt's failure is what it met; a probe that never
 * got to send is named as such, not with its sibling's failure.
 */
export function failure(
  trace: Trace,
  thrown: unknown,
  candidate: AbortSignal
): { problem: string; err: unknown; byBreaker: boolean } {
  const aborted = candidate.aborted
  const byBreaker = thrown instanceof BreakerOpenError
  const err = (byBreaker || aborted) && trace.error !== undefined ? trace.error : thrown
  const stopped = aborted ? stopReason(candidate) : undefined
  let problem: string
  if (byBreaker) problem = breakerProblem(thrown, trace)
  else if (stopped && trace.attempts === 0) problem = `not sent: ${stopped}`
  else if (stopped && awaitedRetry(trace))
    problem = `not retried: ${stopped} (${lastAttempt(trace)})`
  else problem = describe(err, stopped)
  return { problem, err, byBreaker }
}

/**
 * The failure the request's own last attempt met, in words, whatever then stopped its retries
 * (undefined when it was never sent): unlike the record's problem, it does not depend on when the
 * breaker opened.
 */
export function lastAttemptFailure(trace: Trace): string | undefined {
  return trace.attempts > 0 && trace.error !== undefined
    ? describe(trace.error, undefined)
    : undefined
}

/** Names the breaker: it refused the request, or stopped its retries after the attempts made. */
function breakerProblem(err: BreakerOpenError, trace: Trace): string {
  if (trace.attempts === 0) return `not asked: ${err.message}`
  return `not retried: ${err.message} (${lastAttempt(trace)})`
}

function lastAttempt(trace: Trace): string {
  const last = trace.error instanceof Error ? trace.error.message : String(trace.error)
  return `attempt ${trace.attempts}: ${last}`
}

/** Its last attempt ended in a failure worth a retry (not a timeout: that stops the candidate). */
function awaitedRetry(trace: Trace): boolean {
  return isTransient(trace.error) && !isTimeout(trace.error)
}

/** Why the candidate gets no further request: its first contact failed. */
export class CandidateStopped extends Error {
  override name = 'CandidateStopped'
}

/** Why a candidate's requests were cut short: a timeout, or a stop with its reason. */
function stopReason(signal: AbortSignal): string {
  return signal.reason instanceof CandidateStopped
    ? signal.reason.message
    : 'another request to this candidate timed out'
}

export function isTimeout(err: unknown): boolean {
  return err instanceof HttpError && err.kind === 'timeout'
}

/** The failure in words; `stopped` says why the candidate's requests were cut short, if they were. */
function describe(err: unknown, stopped: string | undefined): string {
  if (isTimeout(err)) return `timed out: ${(err as HttpError).message}`
  if (stopped && !(err instanceof ProbeError)) return `not completed: ${stopped}`
  if (err instanceof Error) return err.message
  return String(err)
}
