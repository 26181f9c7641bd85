import type { Clock } from '../clock.js'
import { redactUrl } from '../goenv/redact.js'
import { HttpError } from '../http/types.js'
import type { Credentials, HttpGet, HttpResponse } from '../http/types.js'
import type { CandidateBreaker } from '../resilience/policy.js'
import { BreakerOpenError, withRetry } from '../resilience/policy.js'
import { isTransient, ProbeError } from './errors.js'
import type { Endpoint, ProbeRecord } from './types.js'

export interface RequesterOptions {
  http: HttpGet
  clock: Clock
  breaker: CandidateBreaker
  limit: <T>(fn: () => Promise<T>, signal?: AbortSignal) => Promise<T>
  timeoutMs: number
  retries: number
  credentials?: Credentials
}

/** What a probe asks for: a URL, how big an answer may be, and how to judge a 200. */
export interface ProbeRequest<T> {
  endpoint: Endpoint
  module: string
  url: string
  maxBytes: number
  /** Parses a 200 answer; throws ContentError when it is wrong. */
  accept: (res: HttpResponse) => T | Promise<T>
}

export type ProbeOutcome<T> =
  | { ok: true; value: T; record: ProbeRecord }
  | { ok: false; record: ProbeRecord; notFound: boolean }

const RETRY_BASE_MS = 250
const RETRY_MAX_MS = 2000

/**
 * Runs a candidate's probes: each through the overall concurrency limit, the candidate's breaker
 * and the retry policy. The first timeout aborts the candidate, so it gets no further requests.
 */
export class CandidateRequester {
  private readonly abort = new AbortController()
  private readonly shared = new Map<string, Promise<ProbeOutcome<unknown>>>()
  private retriesUsed = 0

  constructor(private readonly o: RequesterOptions) {}

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
    const last: { attempts: number; startedAt: number; response?: HttpResponse; error?: unknown } =
      {
        attempts: 0,
        startedAt: this.o.clock.now()
      }
    const attempt = async (signal: AbortSignal): Promise<T> => {
      last.attempts++
      last.startedAt = this.o.clock.now()
      last.response = undefined
      try {
        last.response = await this.o.http({
          url: probe.url,
          timeoutMs: this.o.timeoutMs,
          maxBytes: probe.maxBytes,
          signal,
          credentials: this.o.credentials
        })
        return await judge(last.response, probe)
      } catch (err) {
        last.error = err
        // A timeout ends the candidate: no retry, and its other requests are cancelled.
        if (isTimeout(err)) this.abort.abort(err)
        throw err
      }
    }
    const policy = {
      retries: this.o.retries,
      baseDelayMs: RETRY_BASE_MS,
      maxDelayMs: RETRY_MAX_MS,
      isTransient,
      clock: this.o.clock
    }
    try {
      const value = await this.o.limit(
        () =>
          withRetry(policy, this.o.breaker, attempt, this.abort.signal, () => this.retriesUsed++),
        this.abort.signal
      )
      return {
        ok: true,
        value,
        record: this.record(probe, last.startedAt, last.attempts, last.response)
      }
    } catch (thrown) {
      // When the breaker or an abort cut the retries short, the last attempt's failure is the reason;
      // a probe that never got to send is named as such, not with its sibling's timeout.
      const stopped = thrown instanceof BreakerOpenError || this.abort.signal.aborted
      const err = stopped && last.error !== undefined ? last.error : thrown
      const problem =
        last.attempts === 0 && this.abort.signal.aborted
          ? 'not sent: another request to this candidate timed out'
          : describe(err, this.abort.signal)
      const record = this.record(probe, last.startedAt, last.attempts, last.response, problem)
      record.timedOut = (last.attempts > 0 && isTimeout(err)) || undefined
      const notFound = err instanceof ProbeError && (err.status === 404 || err.status === 410)
      return { ok: false, record, notFound }
    }
  }

  private record(
    probe: ProbeRequest<unknown>,
    started: number,
    attempts: number,
    res: HttpResponse | undefined,
    problem?: string
  ): ProbeRecord {
    return {
      endpoint: probe.endpoint,
      module: probe.module,
      url: redactUrl(probe.url),
      status: res?.status,
      latencyMs: res?.timing.headersMs,
      totalMs: attempts === 0 ? 0 : this.o.clock.now() - started,
      attempts,
      ok: problem === undefined,
      problem
    }
  }
}

async function judge<T>(res: HttpResponse, probe: ProbeRequest<T>): Promise<T> {
  if (res.status === 200) return probe.accept(res)
  const transient = res.status === 429 || res.status >= 500
  throw new ProbeError(`${res.status} ${statusText(res)}`, transient, res.status)
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
  if (err instanceof BreakerOpenError)
    return 'not asked: circuit breaker open after too many failures'
  if (isTimeout(err)) return `timed out: ${(err as HttpError).message}`
  if (candidate.aborted && !(err instanceof ProbeError)) {
    return 'not completed: another request to this candidate timed out'
  }
  if (err instanceof Error) return err.message
  return String(err)
}
