import * as http from 'node:http'
import { deadlineSignal } from '../abort.js'
import { USER_AGENT } from '../constants.js'
import { createAgents } from './agents.js'
import { readBody } from './body.js'
import { classifyNetworkError } from './errors.js'
import { transferEncodingProblem } from './framing.js'
import { HttpError, LocalError } from './types.js'
import type { HttpGet, HttpRequest, HttpResponse, HttpTiming } from './types.js'
import { tracePhases, type PhaseTrace } from './phases.js'

/**
 * The go command's limit (net/http's default policy): a fetch makes at most 10 requests, so the
 * 10th redirect answer ends it with "stopped after 10 redirects" and 9 are followed at most.
 */
export const MAX_REDIRECTS = 10

export interface HttpGetter {
  get: HttpGet
  /** Closes kept-alive connections so the process can exit. */
  close(): void
}

/**
 * A GET with the go command's rules (at most 10 requests a fetch, never to http once a fetch
 * began at https, Transfer-Encoding only as Go's client takes it, Basic auth only over https)
 * plus what the go command lacks: one deadline over the whole attempt, so a server that dribbles
 * bytes cannot hold it, and a cap on the decoded body.
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured through @actions/http-client's agents (see
 * agents.ts).
 */
export function createHttpGetter(options: HttpGetterOptions = {}): HttpGetter {
  let ca: string[] | undefined
  let loading: Promise<void> | undefined
  const trustLoaded = (): Promise<void> =>
    (loading ??= Promise.resolve(options.trust?.()).then(list => void (ca = list)))
  const agents = createAgents({ ca: () => ca })
  const get: HttpGet = request => fetchFollowing(request, agents.agentFor, trustLoaded)
  return { get, close: agents.close }
}

export interface HttpGetterOptions {
  /**
   * Reads the CA certificates to trust (see trust.ts). Called once, before the first https
   * request: reading the trust store takes tens of ms that a run over plain http never needs.
   */
  trust?: () => Promise<string[] | undefined>
}

type AgentFor = (url: URL) => http.Agent

async function fetchFollowing(
  request: HttpRequest,
  agentFor: AgentFor,
  trustLoaded: () => Promise<void>
): Promise<HttpResponse> {
  // Before the request's clock starts: reading the trust store is not the server's time.
  if (/^https:/i.test(request.url)) await trustLoaded()
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  const deadline = deadlineSignal(request.signal, request.timeoutMs)
  const { signal } = deadline
  let redirects = 0
  const trace = tracePhases()
  try {
    const target = new URL(request.url)
    const auth = secretHeaders(target, request)
    const origin = target.host
    const secureChain = target.protocol === 'https:'
    target.username = ''
    target.password = ''
    let current = target
    for (;;) {
      const hopAuth = current.host === origin ? auth : undefined
      if (current.protocol === 'https:') await trustLoaded()
      const res = await send(current, hopAuth, agentFor, signal, trace, request.onConnected)
      const location = res.statusCode && isRedirect(res.statusCode) && res.headers.location
      if (!location) {
        const headersMs = elapsed()
        const spoolTo = res.statusCode === 200 ? await request.spoolTo?.() : undefined
        const firstBytes = res.statusCode === 200 ? request.firstBytes : errorTextBytes(request)
        const body = await readBody(res, request.maxBytes, signal, firstBytes, spoolTo)
        const timing = { headersMs, phases: trace.phases(performance.now()) }
        return response(res, body, timing, spoolTo)
      }
      // A redirect's body is never read: close it rather than drain what may never end.
      res.destroy()
      current = nextLocation(current, location, redirects++, secureChain)
    }
  } catch (err) {
    if (err instanceof LocalError) throw err
    throw asHttpError(err, deadline.expired(), request)
  } finally {
    deadline.dispose()
  }
}

/** Enough of an error answer to quote its words, when only the first bytes of a 200 are read. */
const ERROR_TEXT_BYTES = 1024

function errorTextBytes(request: HttpRequest): number | undefined {
  return request.firstBytes === undefined
    ? undefined
    : Math.max(request.firstBytes, ERROR_TEXT_BYTES)
}

/**
 * What only the URL's own host may see: GOAUTH's headers, else Basic auth from the URL's user
 * info. Like Basic auth, the headers go over https only.
 */
function secretHeaders(url: URL, request: HttpRequest): http.OutgoingHttpHeaders | undefined {
  const headers: http.OutgoingHttpHeaders = {}
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = values
  }
  const basic = headers.authorization ? undefined : basicAuthorization(url)
  if (basic) headers.authorization = basic
  if (Object.keys(headers).length === 0) return undefined
  if (url.protocol !== 'https:') {
    // The go command refuses this too: Basic auth over http would send the password in clear.
    throw new HttpError(
      'insecure-credentials',
      `refusing to pass credentials to insecure URL: ${url.protocol}//${url.host}${url.pathname}`
    )
  }
  return headers
}

function basicAuthorization(url: URL): string | undefined {
  if (!url.username) return undefined
  const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
  return `Basic ${Buffer.from(user).toString('base64')}`
}

function send(
  url: URL,
  auth: http.OutgoingHttpHeaders | undefined,
  agentFor: AgentFor,
  signal: AbortSignal,
  trace: PhaseTrace,
  onConnected?: () => void
): Promise<http.IncomingMessage> {
  const headers: http.OutgoingHttpHeaders = {
    'user-agent': USER_AGENT,
    'accept-encoding': 'gzip'
  }
  Object.assign(headers, auth)
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
    const answered = (res: http.IncomingMessage): void => {
      const refused = transferEncodingProblem(res)
      if (!refused) return resolve(res)
      // Go's client reads no byte of such a body; neither do we.
      res.destroy()
      reject(new HttpError('protocol', refused))
    }
    const req = transport.get(
      url,
      { headers, agent: agentFor(url), signal, maxHeaderSize: GO_MAX_RESPONSE_HEADER_BYTES },
      settle(answered)
    )
    trace.watch(req)
    if (onConnected) whenConnected(req, url.protocol === 'https:', onConnected)
    req.on('error', settle(reject))
  })
}

/**
 * The header block Go's client reads before it gives up (Transport.MaxResponseHeaderBytes'
 * default): Node's own 16 KiB would fail a proxy behind a gateway that adds large cookies.
 */
const GO_MAX_RESPONSE_HEADER_BYTES = 10 << 20

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

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/**
 * Where a redirect leads, checked as the go command checks it. `secureChain`: the fetch began at
 * an https URL, so no hop may lead to http (web/http.go judges the chain by its first URL:
 * http → https → http is followed).
 */
function nextLocation(from: URL, location: string, count: number, secureChain: boolean): URL {
  // `count` redirects followed so far means count + 1 requests made: Go's len(via).
  if (count + 1 >= MAX_REDIRECTS) {
    throw new HttpError('too-many-redirects', `stopped after ${MAX_REDIRECTS} redirects`)
  }
  let next: URL
  try {
    next = new URL(location, from)
  } catch {
    throw new HttpError('bad-redirect', `redirect to an invalid URL: ${location}`)
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new HttpError('bad-redirect', `refusing redirect to ${next.protocol} URL`)
  }
  if (secureChain && next.protocol === 'http:') {
    throw new HttpError(
      'insecure-redirect',
      `refusing redirect from https to insecure URL http://${next.host}${next.pathname}`
    )
  }
  next.username = ''
  next.password = ''
  return next
}

function response(
  res: http.IncomingMessage,
  body: Buffer,
  timing: HttpTiming,
  bodyFile: string | undefined
): HttpResponse {
  return {
    status: res.statusCode ?? 0,
    contentType: String(res.headers['content-type'] ?? ''),
    headers: res.headers,
    body,
    ...(bodyFile !== undefined && { bodyFile }),
    timing
  }
}

function asHttpError(err: unknown, expired: boolean, request: HttpRequest): HttpError {
  if (err instanceof HttpError) return err
  if (expired) {
    return new HttpError('timeout', `no complete answer within ${request.timeoutMs} ms`)
  }
  if (request.signal?.aborted) return new HttpError('aborted', 'request cancelled')
  const { kind, message } = classifyNetworkError(err)
  return new HttpError(kind, message)
}
