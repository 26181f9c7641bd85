// One GET on the wire, as net/http's Transport sends it for the go command: the headers it reads,
// the framing it refuses, and a request resent when a kept-alive connection turns out closed.
import * as http from 'node:http'
import { USER_AGENT } from '../constants.js'
import { transferEncodingProblem } from './framing.js'
import type { PhaseTrace } from './phases.js'
import { HttpError } from './types.js'

export type AgentFor = (url: URL) => http.Agent

/**
 * The header block Go's client reads before it gives up (Transport.MaxResponseHeaderBytes'
 * default): Node's own 16 KiB would fail a proxy behind a gateway that adds large cookies.
 */
const GO_MAX_RESPONSE_HEADER_BYTES = 10 << 20

/**
 * How many kept-alive connections in a row may turn out closed before the request fails: each
 * one is dropped from the pool, so a few are enough to reach a fresh connection.
 */
const MAX_STALE_CONNECTIONS = 8

/** A request that failed on a reused connection before any byte of an answer came back. */
class StaleConnection extends Error {
  constructor(readonly failure: unknown) {
    super('kept-alive connection closed by the server')
  }
}

/** One GET: its URL, the credentials of this hop, and what the fetch shares across its hops. */
export interface Hop {
  url: URL
  auth: http.OutgoingHttpHeaders | undefined
  agentFor: AgentFor
  signal: AbortSignal
  trace: PhaseTrace
  onConnected?: () => void
}

/**
 * Sends a GET and resolves with its answer's head. A GET that fails on a reused connection before
 * any answer (the server closed the idle connection as the request went out: its keep-alive
 * timeout racing ours) is sent again, as net/http resends a replayable request then; a fresh
 * connection failing is the server's failure.
 */
export async function send(hop: Hop): Promise<http.IncomingMessage> {
  for (let stale = 0; ; stale++) {
    try {
      return await sendOnce(hop)
    } catch (err) {
      if (!(err instanceof StaleConnection)) throw err
      if (stale + 1 >= MAX_STALE_CONNECTIONS) throw err.failure
    }
  }
}

function sendOnce({
  url,
  auth,
  agentFor,
  signal,
  trace,
  onConnected
}: Hop): Promise<http.IncomingMessage> {
  const headers = { 'user-agent': USER_AGENT, 'accept-encoding': 'gzip', ...auth }
  // https (and tls with it) is loaded for the first https URL: a run over plain http never is.
  const transport = url.protocol === 'https:' ? process.getBuiltinModule('node:https') : http
  return new Promise((resolve, reject) => {
    // A request still waiting for a socket (a proxy tunnel not yet open) emits no error when the
    // signal destroys it, so the abort itself must settle the promise.
    const abort = (): void => reject(signal.reason)
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    const settle =
      <T>(fn: (value: T) => void) =>
      (value: T): void => {
        signal.removeEventListener('abort', abort)
        fn(value)
      }
    const req = transport.get(url, {
      headers,
      agent: agentFor(url),
      signal,
      maxHeaderSize: GO_MAX_RESPONSE_HEADER_BYTES
    })
    // Go limits the header block by its size alone; Node would also drop lines past 2000.
    req.maxHeadersCount = 0
    trace.watch(req)
    if (onConnected) whenConnected(req, url.protocol === 'https:', onConnected)
    // Bytes the connection had read before this request: if none more came, the server sent no
    // byte of an answer (Go resends then, and only then).
    let readBefore: number | undefined
    req.once('socket', socket => void (readBefore = socket.bytesRead))
    req.on('response', settle(acceptFraming(resolve, reject)))
    // A GET never asks to switch protocols: Go fails such an answer at once.
    req.on('upgrade', (res: http.IncomingMessage, socket: NodeJS.Socket & { destroy(): void }) => {
      socket.destroy()
      settle(reject)(new HttpError('protocol', `unexpected ${res.statusCode} ${res.statusMessage}`))
    })
    req.on('error', err => {
      const silent = readBefore !== undefined && req.socket?.bytesRead === readBefore
      const stale = req.reusedSocket && silent && isConnectionDrop(err)
      settle(reject)(stale ? new StaleConnection(err) : err)
    })
  })
}

/** Resolves with an answer whose framing Go's client reads, else rejects in Go's words. */
function acceptFraming(
  resolve: (res: http.IncomingMessage) => void,
  reject: (err: Error) => void
): (res: http.IncomingMessage) => void {
  return res => {
    const refused = transferEncodingProblem(res)
    if (!refused) return resolve(res)
    // Go's client reads no byte of such a body; neither do we.
    res.destroy()
    reject(new HttpError('protocol', refused))
  }
}

function isConnectionDrop(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED'
}

function whenConnected(req: http.ClientRequest, secure: boolean, connected: () => void): void {
  let told = false
  const tell = (): void => {
    if (!told) connected()
    told = true
  }
  req.once('socket', socket => {
    if (req.reusedSocket) return tell()
    socket.once(secure ? 'secureConnect' : 'connect', tell)
  })
  // A tunnel through a proxy may hand over its socket already connected.
  req.once('response', tell)
}
