import type { Limit } from '../resilience/limiter.js'
import type { Endpoint, ProbeRecord } from './record.js'
import type { Clock } from '../clock.js'
import { redactUrl } from '../credentials/redact.js'
import { LocalError, type HttpGet, type HttpResponse } from './types.js'
import type { Admission, CandidateBreaker } from '../resilience/breaker.js'
import { withRetry } from '../resilience/retry.js'
import { ContentError, isFailedRequest, isTransient, ProbeError } from './probe-errors.js'
import { judge } from './judge.js'
import { CandidateStopped, failure, isTimeout, lastAttemptFailure, type Trace } from './trace.js'
import { FirstContact } from './first-contact.js'

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
  /** Keep a 200 answer's body out of memory (see HttpRequest.spoolTo). */
  spoolTo?: () => Promise<string>
  /** Told once the request's connection is up (see HttpRequest.onConnected). */
  onConnected?: () => void
  /** Parses a 200 answer; throws ContentError when it is wrong. */
  accept: (res: HttpResponse) => T | Promise<T>
  /**
   * Its failure says nothing of the files builds fetch: the breaker does not count it (nor lets
   * it close the breaker as a failed trial), and its timeout is not retried and does not stop
   * the candidate.
   */
  advisory?: boolean
}

/** What a probe asks a candidate through. */
export type Requests = Pick<CandidateRequester, 'run' | 'runShared' | 'signal'>

export type ProbeOutcome<T> =
  | { ok: true; value: T; record: ProbeRecord }
  | {
      ok: false
      record: ProbeRecord
      notFound: boolean
      /** A 200 whose content was refused (`accept` threw a ContentError). */
      badContent: boolean
      /** What its own last attempt met (see lastAttemptFailure); undefined if never sent. */
      lastFailure?: string
    }

const ignored = (): 'ignored' => 'ignored'

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
  private firstContact?: FirstContact

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
   * the same request made again by a module's probes share one request and one record. An
   * advisory request is shared only with advisory ones, so which comes first never decides.
   */
  runShared<T>(probe: ProbeRequest<T>): Promise<ProbeOutcome<T>> {
    const key = probe.advisory ? `advisory ${probe.url}` : probe.url
    let outcome = this.shared.get(key)
    if (!outcome) {
      outcome = probe.advisory ? this.advisoryOnce(probe) : this.run(probe)
      this.shared.set(key, outcome)
    }
    return outcome as Promise<ProbeOutcome<T>>
  }

  /** An advisory request, unless the same one asked for a build already has its answer. */
  private async advisoryOnce<T>(probe: ProbeRequest<T>): Promise<ProbeOutcome<unknown>> {
    const asked = this.shared.get(probe.url)
    const answered = asked && (await asked)
    return answered?.ok ? answered : this.run(probe)
  }

  /** The same candidate's requests, every one advisory (see ProbeRequest.advisory). */
  advisory(): Requests {
    return {
      run: probe => this.run({ ...probe, advisory: true }),
      runShared: probe => this.runShared({ ...probe, advisory: true }),
      signal: this.signal
    }
  }

  /**
   * The candidate's first contact. Requests started while it is in flight ride beside it: they
   * are sent once its connection is up (so an unreachable candidate gets nothing else), take only
   * request slots nobody waits for, and retry only once it has settled; once one of its attempts
   * has failed, riders not yet sent wait for it too. When it fails the candidate is stopped: a
   * dead candidate costs the contact's attempts and one attempt of each rider already sent, and
   * a slow one gets its next requests one round trip sooner. Once the contact has gone
   * unanswered for `overdueMs` (slow at best), a rider still waiting for its answer gives its
   * slot to a request that is due, and is sent again once the contact has settled.
   */
  contact<T>(probe: ProbeRequest<T>, overdueMs: number): Promise<ProbeOutcome<T>> {
    const first = new FirstContact(probe.url, overdueMs, this.abort.signal)
    this.firstContact = first
    return this.runShared({ ...probe, onConnected: first.connected }).then(o => {
      if (!o.ok) this.abort.abort(new CandidateStopped('its first contact failed'))
      first.end()
      return o
    })
  }

  async run<T>(probe: ProbeRequest<T>): Promise<ProbeOutcome<T>> {
    const first = this.firstContact
    const beside = first?.pending && first.url !== probe.url ? first : undefined
    const trace: Trace = { attempts: 0, startedAt: this.o.clock.now(), beside }
    try {
      const value = await this.o.breaker.execute(
        admission => this.attempts(probe, trace, admission),
        this.abort.signal,
        probe.advisory ? ignored : isFailedRequest
      )
      return { ok: true, value, record: this.record(probe, trace) }
    } catch (thrown) {
      // The runner's own failure (its disk) is no answer of the proxy's: it ends the run.
      if (thrown instanceof LocalError) throw thrown
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
      // Go waits as long as it takes; an advisory request is not worth a second timeout.
      isTransient: (err: unknown) => isTransient(err) && !(probe.advisory && isTimeout(err)),
      serverDelayMs: (err: unknown) => (err instanceof ProbeError ? err.retryAfter?.ms : undefined),
      clock: this.o.clock
    }
    const attempt = async (signal: AbortSignal, attemptNo: number): Promise<T> => {
      const { beside } = trace
      // A rider is sent once the contact is connected, and retries once it has settled.
      await (attemptNo > 1 ? beside?.settled : beside?.boarding)
      let riding = attemptNo === 1 && beside?.pending
      for (;;) {
        const outcome = await this.inSlot(probe, trace, admission, signal, attemptNo, riding)
        if (outcome.done) return outcome.value
        // Held back or given way: asked again, as due, once the contact has settled.
        await beside?.settled
        riding = false
      }
    }
    return withRetry(policy, attempt, this.abort.signal)
  }

  /**
   * One attempt in a request slot. A rider (`riding`) takes an idle slot; it is held back, unsent,
   * if the contact stumbled meanwhile, and may be cut short to give its slot away: then it is
   * not done, and no attempt is counted.
   */
  private async inSlot<T>(
    probe: ProbeRequest<T>,
    trace: Trace,
    admission: Admission,
    signal: AbortSignal,
    attemptNo: number,
    riding: boolean | undefined
  ): Promise<{ done: true; value: T } | { done: false }> {
    const beside = riding ? trace.beside : undefined
    let cutShort = false
    try {
      const value = await this.o.limit(
        taken => {
          admission.throwIfOpened()
          if (beside?.stumbled) throw HELD_BACK
          if (attemptNo > 1) this.retriesUsed++
          let ended = false
          taken?.addEventListener('abort', () => (cutShort = !ended), { once: true })
          const sending = this.attempt(
            probe,
            trace,
            taken ? AbortSignal.any([signal, taken]) : signal
          )
          const end = (): void => void (ended = true)
          void sending.then(end, end)
          return sending
        },
        { signal, idleUntil: beside?.settled, giveableFrom: beside?.overdue }
      )
      return { done: true, value }
    } catch (err) {
      if (err === HELD_BACK) return { done: false }
      if (!cutShort || signal.aborted) throw err
      gaveWay(trace)
      return { done: false }
    }
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
        spoolTo: probe.spoolTo,
        onConnected: probe.onConnected,
        signal
      })
      return await judge(trace.response, probe.accept, this.o.timeoutMs, this.o.clock.now())
    } catch (err) {
      trace.error = err
      if (err instanceof ProbeError && err.retryAfter) trace.retryAfter = err.retryAfter
      if (probe.url === this.firstContact?.url) this.firstContact.stumbled = true
      // A timeout ends the candidate: no retry, and its other requests are cancelled; a rider's
      // only once the contact has settled, so that it never decides the contact's outcome. An
      // advisory request's ends only itself: which of its answers came first never decides.
      if (isTimeout(err) && !probe.advisory) {
        const { beside } = trace
        if (beside?.pending) void beside.settled.then(() => this.abort.abort(err))
        else this.abort.abort(err)
      }
      throw err
    }
  }

  private failed(probe: ProbeRequest<unknown>, trace: Trace, thrown: unknown): ProbeOutcome<never> {
    const { problem, err, byBreaker } = failure(trace, thrown, this.abort.signal)
    const record = this.record(probe, trace, problem)
    record.timedOut = (!byBreaker && trace.attempts > 0 && isTimeout(err)) || undefined
    if (byBreaker) record.breakerOpen = true
    const notFound = err instanceof ProbeError && (err.status === 404 || err.status === 410)
    const badContent = err instanceof ContentError
    return { ok: false, record, notFound, badContent, lastFailure: lastAttemptFailure(trace) }
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

/** A send cut short to free its slot is no attempt: the request is sent again, whole. */
function gaveWay(trace: Trace): void {
  trace.attempts--
  trace.gaveWay = (trace.gaveWay ?? 0) + 1
  trace.error = undefined
  trace.response = undefined
}

/** Thrown in a slot by a rider whose contact stumbled: it waits, unsent, for the contact. */
const HELD_BACK = new Error('held back until the first contact settles')
