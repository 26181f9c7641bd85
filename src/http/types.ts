import type { IncomingHttpHeaders } from 'node:http'

export interface HttpRequest {
  /** Absolute http(s) URL (file: URLs are served by http/file.ts). User info in it is sent as Basic auth and never logged. */
  url: string
  /** One deadline for the whole attempt: connect, headers, redirects and body. */
  timeoutMs: number
  /** Cap on the decoded body; a longer body fails with `too-large`. */
  maxBytes: number
  /**
   * Stop reading after this many bytes: the answer's start is enough. The connection is closed
   * unless the rest is short (see readBody).
   */
  firstBytes?: number
  /**
   * Keep a 200 answer's decoded body out of memory (the answer's body is then empty, and
   * `bodyFile` names where it is): a build's zip may be 500 MiB, and several are read at once. A
   * body from the network is written to the file this gives, asked for only then; a file://
   * proxy's is already a file, read in place. Any other answer is read into memory, as its words
   * name the problem.
   */
  spoolTo?: () => Promise<string>
  signal?: AbortSignal
  /**
   * Told once the connection can carry the request (TCP, and TLS for https, are up; at once on a
   * kept-alive connection), or at the latest when the answer's headers arrive.
   */
  onConnected?: () => void
  /**
   * Headers by name (GOAUTH's credentials: netrc, git, commands), sent over https only and to the
   * URL's own host only (never along a redirect to another host). An Authorization among them
   * wins over the URL's user info.
   */
  headers?: Record<string, string[]>
}

export interface HttpTiming {
  /** Milliseconds from the start of the attempt until the final response's headers. */
  headersMs: number
  /** Where the time went; absent for file:// answers, which have no network phases. */
  phases?: HttpPhases
}

/**
 * blackbox_exporter's http phases, in milliseconds, summed over the redirects: `resolve` (DNS),
 * `connect` (TCP), `tls` (the handshake), `processing` (connection ready → response headers,
 * here firstByteMs) and `transfer` (headers → body read, final answer only). A phase that did
 * not happen (an IP literal needs no DNS; a kept-alive connection no connect or TLS) is absent,
 * never 0.
 */
export interface HttpPhases {
  dnsMs?: number
  connectMs?: number
  tlsMs?: number
  firstByteMs?: number
  transferMs?: number
}

export interface HttpResponse {
  status: number
  contentType: string
  headers: IncomingHttpHeaders
  body: Buffer
  /** Where the body is when `spoolTo` kept it out of memory: the spool file, or the proxy's own. */
  bodyFile?: string
  timing: HttpTiming
}

export type HttpFailure =
  | 'timeout'
  | 'aborted'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'tls'
  /** The forward proxy (HTTPS_PROXY/HTTP_PROXY) refused the tunnel or could not be reached. */
  | 'proxy'
  | 'protocol'
  | 'too-large'
  | 'too-many-redirects'
  | 'insecure-redirect'
  | 'bad-redirect'
  | 'insecure-credentials'
  | 'decode'

/**
 * A failure on the runner itself, never the server's: writing a build's zip to its folder under
 * RUNNER_TEMP (a full or unwritable disk). It ends the run with its message instead of counting
 * against a proxy (no retry, no breaker, no verdict).
 */
export class LocalError extends Error {
  override name = 'LocalError'
}

/** Why writing to `path` on the runner failed, as a LocalError. */
export function cannotWrite(path: string, err: unknown): LocalError {
  const reason =
    (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))
  return new LocalError(`cannot write the build's zip to ${path}: ${reason}`)
}

/** A request that got no usable HTTP answer. `message` never contains credentials. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly kind: HttpFailure,
    message: string
  ) {
    super(message)
  }
}

/** The engine's only way onto the network; tests pass the real one pointed at the test world. */
export type HttpGet = (request: HttpRequest) => Promise<HttpResponse>
