// An overall concurrency cap. cockatiel's bulkhead is not used: a queued call whose signal aborts
// stays queued until a slot frees, and a cancelled call taken from the queue does not hand its
// slot on, which can leave the calls behind it waiting forever. Nor does it know idle calls.
import { onAbort } from '../abort.js'

export interface LimitOptions {
  signal?: AbortSignal
  /**
   * Until this settles the call is idle work, sent early on a guess: it takes only a slot no due
   * call waits for, and gives its slot back to one that comes to wait. Then it is due like any
   * other.
   */
  idleUntil?: Promise<unknown>
  /** An idle call gives its slot away only once this settles (default: from the start). */
  giveableFrom?: Promise<unknown>
}

/**
 * Runs `fn` once a slot is free; a call whose signal aborts while it waits leaves the queue. An
 * idle call's `fn` gets `slotTaken`, which aborts with SlotTaken when a due call needs its slot:
 * it should then stop soon, and may ask again.
 */
export type Limit = <T>(
  fn: (slotTaken?: AbortSignal) => Promise<T>,
  options?: LimitOptions
) => Promise<T>

/** The reason an idle call's `slotTaken` aborts. */
export class SlotTaken extends Error {
  override name = 'SlotTaken'
  constructor() {
    super('gave its request slot to a request that was due')
  }
}

interface Call {
  due: boolean
  giveable: boolean
  /** While idle and running: aborts when it must give its slot away. */
  slot?: AbortController
  /** When it got its slot, in slots handed out so far. */
  startedAs?: number
  gaveWay?: boolean
  /** Moves the call, if it still waits, from the idle queue into the line. */
  promote?: () => void
}

/**
 * Runs at most `concurrency` calls at once; the rest wait in order of arrival, due calls before
 * idle ones. Idle calls leave a quarter of the slots to due ones, and a due call that still has
 * to wait takes the slot of the idle call that started last, once that one may give it away.
 */
export function createLimiter(concurrency: number): Limit {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`)
  }
  const slots = new Slots(concurrency)
  return async (fn, { signal, idleUntil, giveableFrom } = {}) => {
    const call: Call = { due: !idleUntil, giveable: !giveableFrom }
    const becomeDue = (): void => slots.becomeDue(call)
    void idleUntil?.then(becomeDue, becomeDue)
    const becomeGiveable = (): void => slots.becomeGiveable(call)
    void giveableFrom?.then(becomeGiveable, becomeGiveable)
    await slots.acquire(call, signal)
    try {
      return await fn(call.slot?.signal)
    } finally {
      slots.release(call)
    }
  }
}

type Grant = () => void

class Slots {
  private running = 0
  /** Slots idle calls leave free for due ones. */
  private readonly reserve: number
  // Sets iterate in insertion order: first come, first served.
  private readonly inLine = new Set<Grant>()
  private readonly idle = new Set<Grant>()
  /** Idle calls running that may give their slot away. */
  private readonly giveable = new Set<Call>()
  /** Idle calls told to give their slot away whose slot has not come back yet. */
  private givingWay = 0
  private handedOut = 0

  constructor(private readonly concurrency: number) {
    this.reserve = Math.floor(concurrency / 4)
  }

  acquire(call: Call, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        stopListening()
        this.started(call)
        resolve()
      }
      ;(call.due ? this.inLine : this.idle).add(grant)
      call.promote = () => {
        if (this.idle.delete(grant)) this.inLine.add(grant)
      }
      // Hundreds may wait on one candidate's signal: onAbort keeps that to one real listener.
      const stopListening = signal
        ? onAbort(signal, () => {
            this.inLine.delete(grant)
            this.idle.delete(grant)
            reject(signal.reason)
          })
        : () => undefined
      this.drain()
    })
  }

  becomeDue(call: Call): void {
    call.due = true
    this.giveable.delete(call)
    call.promote?.()
    this.drain()
  }

  becomeGiveable(call: Call): void {
    call.giveable = true
    if (call.due || !call.slot) return
    this.giveable.add(call)
    // Once every call that became giveable with it is in the set, so the latest started goes.
    queueMicrotask(() => this.makeRoom())
  }

  release(call: Call): void {
    // Ended: it never gives a slot away again.
    call.slot = undefined
    this.giveable.delete(call)
    if (call.gaveWay) this.givingWay--
    this.running--
    this.drain()
  }

  /** Starts waiting calls while slots are free: due ones first, idle ones outside the reserve. */
  private drain(): void {
    while (this.running < this.concurrency) {
      const due = first(this.inLine)
      const next =
        due ?? (this.running < this.concurrency - this.reserve ? first(this.idle) : undefined)
      if (!next) break
      this.inLine.delete(next)
      this.idle.delete(next)
      this.running++
      next()
    }
    this.makeRoom()
  }

  private started(call: Call): void {
    if (call.due) return
    call.startedAs = this.handedOut++
    call.slot = new AbortController()
    if (call.giveable) this.giveable.add(call)
  }

  /** One idle call gives its slot away for each due call in line, the latest started first. */
  private makeRoom(): void {
    while (this.inLine.size > this.givingWay) {
      const victim = latestStarted(this.giveable)
      if (!victim) return
      this.giveable.delete(victim)
      victim.gaveWay = true
      this.givingWay++
      victim.slot?.abort(new SlotTaken())
    }
  }
}

function first<T>(set: Set<T>): T | undefined {
  return set.values().next().value
}

function latestStarted(calls: Set<Call>): Call | undefined {
  let latest: Call | undefined
  for (const call of calls) if ((call.startedAs ?? 0) >= (latest?.startedAs ?? 0)) latest = call
  return latest
}
