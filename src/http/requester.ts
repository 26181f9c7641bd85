import type { Limit } from '../resilience/limiter.js'
import type { Endpoint, ProbeRecord } from './record.js'
import type { Clock } from '../clock.js'
import { redactUrl } from '../credentials/redact.js'
import { HttpError } from './types.js'
import type { HttpGet, HttpResponse } from './types.js'
import type { Admission, CandidateBreaker } from '../resilience/breaker.js'
import { BreakerOpenError } from '../resilience/breaker.js'
import { withRetry } from '../resilience/retry.js'
import { isFailedRequest, isTransient, ProbeError, RateLimitError } from './probe-errors.js'
import { parseRetryAfter, type RetryAfter } from './retry-after.js'

export interface RequesterOptions {
  http: HttpGet
  clock: Clock
  breaker: CandidateBreaker
  limit: Limit
  timeoutMs: number
  retries: number
}

/** What a probe asks for: a URL, how big an answer may be, and how to judge a 200. */
export interface ProbeRequest<T> {
  endpoint: Endpoint
  module: string
  url: string
  maxBytes: number
  /** Read only this many bytes of a 200 answer (see HttpRequest.firstBytes). */
  firstBytes?: number
  /** Parses a 200 answer; throws ContentError when it is wrong. */
  accept: (res: HttpResponse) => T | Promise<T>
}

export type ProbeOutcome<T> =
  | { ok: true; value: T; record: ProbeRecord }
  | { ok: false; record: ProbeRecord; notFound: boolean }

/** What the attempts of one request left behind, for its record. */
interface Trace {
  attempts: number
  /** When the latest attempt started. */
  startedAt: number
  response?: HttpResponse
  error?: unknown
  retryAfter?: RetryAfter
}

const RETRY_BASE_MS = 250
const RETRY_MAX_MS = 2000

/**
 * Runs a candidate's probes: each through the overall concurrency limit, the candidate's breaker
 * (which judges the request once its retries are over) and the retry policy. The first timeout
 * aborts the candidate, so it gets no further requests.
 */
export class CandidateRequester {
  private readonly abort = new AbortController()
  private readonly shared = new Map<string, Promise<ProbeOutcome<unknown>>>()
  private retriesUsed = 0

  constructor(private readonly o: RequesterOptions) {}

  /** Attempts sent beyond each request's first, over all requests so far. */
  get retries(): number {
    return this.retriesUsed
  }

  get signal(): AbortSignal {
    return this.abort.signal
  }

  /**
   * Runs a probe whose answer has no side effects at most once per URL: the first contact and
   * the same request made again by a module's probes share one request and one record.
   */
  runShared<T>(probe: ProbeRequest<T>): Promise<ProbeOutcome<T>> {
    let outcome = this.shared.get(probe.url)
    if (!outcome) {
      outcome = this.run(probe)
      this.shared.set(probe.url, outcome)
    }
    return outcome as Promise<ProbeOutcome<T>>
  }

  async run<T>(probe: ProbeRequest<T>): Promise<ProbeOutcome<T>> {
    const trace: Trace = { attempts: 0, startedAt: this.o.clock.now() }
    try {
      const value = await this.o.limit(
        () =>
          this.o.breaker.execute(
            admission => this.attempts(probe, trace, admission),
            this.abort.signal,
            isFailedRequest
          ),
        this.abort.signal
      )
      return { ok: true, value, record: this.record(probe, trace) }
    } catch (thrown) {
      return this.failed(probe, trace, thrown)
    }
  }

  /** The request's attempts; each retry first asks the breaker whether it opened meanwhile. */
  private attempts<T>(probe: ProbeRequest<T>, trace: Trace, admission: Admission): Promise<T> {
    const policy = {
      retries: this.o.retries,
      baseDelayMs: RETRY_BASE_MS,
      maxDelayMs: RETRY_MAX_MS,
      isTransient,
      serverDelayMs: (err: unknown) => (err instanceof ProbeError ? err.retryAfter?.ms : undefined),
      clock: this.o.clock
    }
    const attempt = async (signal: AbortSignal, attemptNo: number): Promise<T> => {
      if (attemptNo > 1) {
        admission.throwIfOpened()
        this.retriesUsed++
      }
      return this.attempt(probe, trace, signal)
    }
    return withRetry(policy, attempt, this.abort.signal)
  }

  private async attempt<T>(probe: ProbeRequest<T>, trace: Trace, signal: AbortSignal): Promise<T> {
    trace.attempts++
    trace.startedAt = this.o.clock.now()
    trace.response = undefined
    try {
      trace.response = await this.o.http({
        url: probe.url,
        timeoutMs: this.o.timeoutMs,
        maxBytes: probe.maxBytes,
        firstBytes: probe.firstBytes,
        signal
      })
      return await judge(trace.response, probe, this.o.timeoutMs, this.o.clock.now())
    } catch (err) {
      trace.error = err
      if (err instanceof ProbeError && err.retryAfter) trace.retryAfter = err.retryAfter
      // A timeout ends the candidate: no retry, and its other requests are cancelled.
      if (isTimeout(err)) this.abort.abort(err)
      throw err
    }
  }

  private failed(probe: ProbeRequest<unknown>, trace: Trace, thrown: unknown): ProbeOutcome<never> {
    const aborted = this.abort.signal.aborted
    const byBreaker = thrown instanceof BreakerOpenError
    // When the breaker or an abort cut the retries short, the last attempt's failure is what it
    // met; a probe that never got to send is named as such, not with its sibling's failure.
    const err = (byBreaker || aborted) && trace.error !== undefined ? trace.error : thrown
    let problem: string
    if (byBreaker) problem = breakerProblem(thrown, trace)
    else if (trace.attempts === 0 && aborted)
      problem = 'not sent: another request to this candidate timed out'
    else problem = describe(err, this.abort.signal)
    const record = this.record(probe, trace, problem)
    record.timedOut = (!byBreaker && trace.attempts > 0 && isTimeout(err)) || undefined
    if (byBreaker) record.breakerOpen = true
    const notFound = err instanceof ProbeError && (err.status === 404 || err.status === 410)
    return { ok: false, record, notFound }
  }

  private record(probe: ProbeRequest<unknown>, trace: Trace, problem?: string): ProbeRecord {
    const { attempts, startedAt, response, retryAfter } = trace
    return {
      endpoint: probe.endpoint,
      module: probe.module,
      url: redactUrl(probe.url),
      status: response?.status,
      latencyMs: response?.timing.headersMs,
      ...(response?.timing.phases && { phases: response.timing.phases }),
      totalMs: attempts === 0 ? 0 : this.o.clock.now() - startedAt,
      attempts,
      ok: problem === undefined,
      problem,
      ...(retryAfter && { rateLimited: { retryAfterMs: retryAfter.ms } })
    }
  }
}

/** Names the breaker: it refused the request, or stopped its retries after the attempts made. */
function breakerProblem(err: BreakerOpenError, trace: Trace): string {
  if (trace.attempts === 0) return `not asked: ${err.message}`
  const last = trace.error instanceof Error ? trace.error.message : String(trace.error)
  return `not retried: ${err.message} (attempt ${trace.attempts}: ${last})`
}

/**
 * A 200's content, or the error the answer stands for. A 429 or 503 may say how long to wait
 * (Retry-After): when that fits in a request's timeout the retry waits so long, else it is over.
 */
async function judge<T>(
  res: HttpResponse,
  probe: ProbeRequest<T>,
  timeoutMs: number,
  now: number
): Promise<T> {
  if (res.status === 200) return probe.accept(res)
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

function isTimeout(err: unknown): boolean {
  return err instanceof HttpError && err.kind === 'timeout'
}

function describe(err: unknown, candidate: AbortSignal): string {
  if (isTimeout(err)) return `timed out: ${(err as HttpError).message}`
  if (candidate.aborted && !(err instanceof ProbeError)) {
    return 'not completed: another request to this candidate timed out'
  }
  if (err instanceof Error) return err.message
  return String(err)
}
