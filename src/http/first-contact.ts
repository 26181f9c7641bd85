import { systemClock } from '../clock.js'

/**
 * A candidate's first contact while it is in flight, and when the requests riding beside it may
 * move (see CandidateRequester.contact).
 */
export class FirstContact {
  pending = true
  /** An attempt of the contact failed: riders not yet sent wait until it has settled. */
  stumbled = false
  /** Settles once the contact has (after the candidate is stopped, if it failed). */
  readonly settled: Promise<void>
  /** Settles once the contact's connection is up, or it has settled: riders may be sent. */
  readonly boarding: Promise<void>
  /** Settles once the contact has gone unanswered for `overdueMs`; never if it answers sooner. */
  readonly overdue: Promise<void>
  /** Told by the transport once the contact's connection is up. */
  readonly connected: () => void
  private readonly settle: () => void

  constructor(
    readonly url: string,
    overdueMs: number,
    stopped: AbortSignal
  ) {
    let connected = (): void => undefined
    let settle = (): void => undefined
    const connecting = new Promise<void>(resolve => (connected = resolve))
    this.settled = new Promise<void>(resolve => (settle = resolve))
    this.connected = connected
    this.settle = settle
    this.boarding = Promise.race([connecting, this.settled])
    const answered = new AbortController()
    void this.settled.then(() => answered.abort())
    // Real time, not the run's clock: this only schedules requests, and a test clock that ends
    // every sleep at once would have every rider give way at once.
    this.overdue = systemClock
      .sleep(overdueMs, AbortSignal.any([answered.signal, stopped]))
      .catch(() => new Promise<never>(() => undefined))
  }

  end(): void {
    this.pending = false
    this.settle()
  }
}
