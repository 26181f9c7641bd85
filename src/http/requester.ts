import type { Limit } from '../resilience/limiter.js'
import type { Endpoint, ProbeRecord } from './record.js'
import { systemClock, type Clock } from '../clock.js'
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
  /** Told once the request's connection is up (see HttpRequest.onConnected). */
  onConnected?: () => void
  /** Parses a 200 answer; throws ContentError when it is wrong. */
  accept: (res: HttpResponse) => T | Promise<T>
}

export type ProbeOutcome<T> =
  | { ok: true; value: T; record: ProbeRecord }
  | { ok: false; record: ProbeRecord; notFound: boolean }

/** What the attempts of one request left behind, for its record. */
interface Trace {
  attempts: number
  /** Asked beside the first contact, before it settled (see CandidateRequester.contact). */
  riding?: Promise<unknown>
  /** Settles once that contact's connection is up, or it has settled: then it may be sent. */
  boarding?: Promise<unknown>
  /** Settles once that contact is overdue. */
  overdue?: Promise<unknown>
  /** Sends given up before their answer, to free a request slot (see Limit). */
  gaveWay?: number
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
  /** The first contact while it is in flight. */
  private contactPending?: Promise<unknown>
  /** Settles once the pending contact is overdue (see contact()). */
  private contactOverdue?: Promise<unknown>
  /** Settles once the pending contact's connection is up, or it has settled. */
  private contactBoarding?: Promise<unknown>

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

  /**
   * The candidate's first contact. Requests started while it is in flight ride beside it: they
   * are sent once its connection is up, take only request slots nobody waits for, and retry
   * only once it has settled. When it fails
   * the candidate is stopped, so a dead candidate costs the contact's attempts and one attempt of
   * each rider, and a slow one gets its next requests one round trip sooner. Once the contact
   * has gone unanswered for `overdueMs` (it is slow at best), a rider still waiting for its
   * answer gives its slot to a request that is due, and is sent again once the contact settles.
   */
  contact<T>(probe: ProbeRequest<T>, overdueMs: number): Promise<ProbeOutcome<T>> {
    const settled = new AbortController()
    let connected = (): void => undefined
    const connecting = new Promise<void>(resolve => (connected = resolve))
    const outcome = this.runShared({ ...probe, onConnected: connected }).then(o => {
      settled.abort()
      this.contactPending = undefined
      this.contactOverdue = undefined
      this.contactBoarding = undefined
      if (!o.ok) this.abort.abort(new CandidateStopped('its first contact failed'))
      return o
    })
    this.contactPending = outcome
    // A candidate that cannot be reached (no such host, refused, a bad certificate) gets nothing
    // beside its contact: riders board once the contact's connection is up, or it has settled.
    this.contactBoarding = Promise.race([connecting, outcome])
    // Never settles when the contact answers in time: its riders then never give way. Real time,
    // not the run's clock: this only schedules requests, and a test clock that ends every sleep
    // at once would have every rider give way at once.
    this.contactOverdue = systemClock
      .sleep(overdueMs, AbortSignal.any([settled.signal, this.abort.signal]))
      .catch(() => new Promise<never>(() => undefined))
    return outcome
  }

  async run<T>(probe: ProbeRequest<T>): Promise<ProbeOutcome<T>> {
    const riding = this.contactPending
    const trace: Trace = {
      attempts: 0,
      startedAt: this.o.clock.now(),
      riding,
      boarding: this.contactBoarding,
      overdue: this.contactOverdue
    }
    try {
      const value = await this.o.breaker.execute(
        admission => this.attempts(probe, trace, admission),
        this.abort.signal,
        isFailedRequest
      )
      return { ok: true, value, record: this.record(probe, trace) }
    } catch (thrown) {
      return this.failed(probe, trace, thrown)
    }
  }

  /**
   * The request's attempts, each in a request slot of its own (a backoff holds none); each asks
   * the breaker, once it has its slot, whether it opened meanwhile.
   */
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
      // A rider is sent once the contact is connected, and retries once it has settled.
      await (attemptNo > 1 ? trace.riding : trace.boarding)
      let idleUntil = attemptNo === 1 ? trace.riding : undefined
      for (;;) {
        let slotTaken: AbortSignal | undefined
        try {
          return await this.o.limit(
            taken => {
              slotTaken = taken
              admission.throwIfOpened()
              if (attemptNo > 1) this.retriesUsed++
              return this.attempt(probe, trace, taken ? AbortSignal.any([signal, taken]) : signal)
            },
            { signal, idleUntil, giveableFrom: trace.overdue }
          )
        } catch (err) {
          if (!slotTaken?.aborted || signal.aborted) throw err
          // It gave its slot to a due request: asked again, as due, once the contact has settled.
          gaveWay(trace)
          await trace.riding
          idleUntil = undefined
        }
      }
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
        onConnected: probe.onConnected,
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
    const stopped = aborted ? stopReason(this.abort.signal) : undefined
    let problem: string
    if (byBreaker) problem = breakerProblem(thrown, trace)
    else if (stopped && trace.attempts === 0) problem = `not sent: ${stopped}`
    else if (stopped && awaitedRetry(trace))
      problem = `not retried: ${stopped} (${lastAttempt(trace)})`
    else problem = describe(err, stopped)
    const record = this.record(probe, trace, problem)
    record.timedOut = (!byBreaker && trace.attempts > 0 && isTimeout(err)) || undefined
    if (byBreaker) record.breakerOpen = true
    const notFound = err instanceof ProbeError && (err.status === 404 || err.status === 410)
    return { ok: false, record, notFound }
  }

  private record(probe: ProbeRequest<unknown>, trace: Trace, problem?: string): ProbeRecord {
    const { attempts, startedAt, response, retryAfter, gaveWay } = trace
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
      ...(retryAfter && { rateLimited: { retryAfterMs: retryAfter.ms } }),
      ...(gaveWay && { gaveWay })
    }
  }
}

/** Names the breaker: it refused the request, or stopped its retries after the attempts made. */
function breakerProblem(err: BreakerOpenError, trace: Trace): string {
  if (trace.attempts === 0) return `not asked: ${err.message}`
  return `not retried: ${err.message} (${lastAttempt(trace)})`
}

/** A send cut short to free its slot is no attempt: the request is sent again, whole. */
function gaveWay(trace: Trace): void {
  trace.attempts--
  trace.gaveWay = (trace.gaveWay ?? 0) + 1
  trace.error = undefined
  trace.response = undefined
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
class CandidateStopped extends Error {
  override name = 'CandidateStopped'
}

/** Why a candidate's requests were cut short: a timeout, or a stop with its reason. */
function stopReason(signal: AbortSignal): string {
  return signal.reason instanceof CandidateStopped
    ? signal.reason.message
    : 'another request to this candidate timed out'
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

/** The failure in words; `stopped` says why the candidate's requests were cut short, if they were. */
function describe(err: unknown, stopped: string | undefined): string {
  if (isTimeout(err)) return `timed out: ${(err as HttpError).message}`
  if (stopped && !(err instanceof ProbeError)) return `not completed: ${stopped}`
  if (err instanceof Error) return err.message
  return String(err)
}
