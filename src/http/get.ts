import * as http from 'node:http'
import { deadlineSignal } from '../abort.js'
import { createAgents } from './agents.js'
import { goTls } from './go-tls.js'
import { readBody } from './body.js'
import { classifyNetworkError } from './errors.js'
import { HttpError, LocalError } from './types.js'
import type { HttpGet, HttpRequest, HttpResponse, HttpTiming } from './types.js'
import { tracePhases } from './phases.js'
import { send, type AgentFor } from './send.js'
import { isRedirect, nextLocation, RedirectCredentials } from './redirect.js'

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
  const agents = createAgents({ ca: () => ca, goTls: goTls(options.godebug) })
  const get: HttpGet = request => fetchFollowing(request, agents.agentFor, trustLoaded)
  return { get, close: agents.close }
}

export interface HttpGetterOptions {
  /**
   * Reads the CA certificates to trust (see trust.ts). Called once, before the first https
   * request: reading the trust store takes tens of ms that a run over plain http never needs.
   */
  trust?: () => Promise<string[] | undefined>
  /** The job's GODEBUG: some of its settings change which TLS servers Go's client accepts. */
  godebug?: string
}

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
    const credentials = fetchCredentials(target, request)
    const secureChain = target.protocol === 'https:'
    target.username = ''
    target.password = ''
    let current = target
    let hopAuth = credentials.first()
    const { onConnected } = request
    for (;;) {
      if (current.protocol === 'https:') await trustLoaded()
      const res = await send({ url: current, auth: hopAuth, agentFor, signal, trace, onConnected })
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
      hopAuth = credentials.next(location)
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
 * The fetch's credentials: GOAUTH's headers, and Basic auth from the URL's user info (used when
 * GOAUTH gives no Authorization). Like Basic auth, the headers go over https only; which hops of
 * a redirect get them is RedirectCredentials' rule.
 */
function fetchCredentials(url: URL, request: HttpRequest): RedirectCredentials {
  const headers: http.OutgoingHttpHeaders = {}
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = values
  }
  const basic = basicAuthorization(url)
  if ((Object.keys(headers).length > 0 || basic) && url.protocol !== 'https:') {
    // The go command refuses this too: Basic auth over http would send the password in clear.
    throw new HttpError(
      'insecure-credentials',
      `refusing to pass credentials to insecure URL: ${url.protocol}//${url.host}${url.pathname}`
    )
  }
  return new RedirectCredentials(request.url, headers, basic)
}

function basicAuthorization(url: URL): string | undefined {
  if (!url.username) return undefined
  const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
  return `Basic ${Buffer.from(user).toString('base64')}`
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
