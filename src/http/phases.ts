// Per-request phase timings from the socket's own events, as blackbox_exporter's http prober
// reports them (its httptrace hooks have these Node equivalents: 'lookup', 'connect',
// 'secureConnect', 'response').
import type * as http from 'node:http'
import type { HttpPhases } from './types.js'

/** When one request of a redirect chain reached each step (performance.now() times). */
interface Hop {
  start: number
  socket?: number
  lookup?: number
  connect?: number
  secure?: number
  headers?: number
}

export interface PhaseTrace {
  /** Watches one request (one hop of the chain) from its creation. */
  watch(req: http.ClientRequest): void
  /** The phases summed over the hops, the body having been read at `end`. */
  phases(end: number): HttpPhases
}

export function tracePhases(now: () => number = () => performance.now()): PhaseTrace {
  const hops: Hop[] = []
  return {
    watch(req) {
      const hop: Hop = { start: now() }
      hops.push(hop)
      req.once('socket', socket => {
        hop.socket = now()
        // An earlier request connected a kept-alive socket: this one has no DNS, connect or TLS.
        if (req.reusedSocket) return
        socket.once('lookup', () => (hop.lookup = now()))
        socket.once('connect', () => (hop.connect = now()))
        socket.once('secureConnect', () => (hop.secure = now()))
      })
      req.once('response', () => (hop.headers = now()))
    },
    phases(end) {
      const sums: HttpPhases = {}
      const add = (phase: keyof HttpPhases, from: number, to: number | undefined): void => {
        if (to !== undefined) sums[phase] = (sums[phase] ?? 0) + Math.max(0, to - from)
      }
      for (const hop of hops) {
        // Node gives no "DNS started": the lookup starts as the request takes its new socket.
        add('dnsMs', hop.start, hop.lookup)
        add('connectMs', hop.lookup ?? hop.start, hop.connect)
        add('tlsMs', hop.connect ?? hop.socket ?? hop.start, hop.secure)
        add('firstByteMs', ready(hop), hop.headers)
      }
      const last = hops.at(-1)
      if (last?.headers !== undefined) add('transferMs', last.headers, end)
      return Object.fromEntries(
        Object.entries(sums).map(([phase, ms]) => [phase, Math.round(ms * 10) / 10])
      )
    }
  }
}

/** When the connection could carry the request: after TLS, TCP, or at once for a kept-alive one. */
function ready(hop: Hop): number {
  return hop.secure ?? hop.connect ?? hop.socket ?? hop.start
}
