import type { IncomingHttpHeaders } from 'node:http'

export interface Credentials {
  username: string
  password: string
}

export interface HttpRequest {
  /** Absolute http(s) URL (file: URLs are served by http/file.ts). User info in it is sent as Basic auth and never logged. */
  url: string
  /** One deadline for the whole attempt: connect, headers, redirects and body. */
  timeoutMs: number
  /** Cap on the decoded body; a longer body fails with `too-large`. */
  maxBytes: number
  signal?: AbortSignal
  /** Sent as Basic auth to the URL's own host when the URL carries none (netrc). */
  credentials?: Credentials
}

export interface HttpTiming {
  /** Milliseconds from the start of the attempt until the final response's headers. */
  headersMs: number
  /** Milliseconds from the start of the attempt until the body was read. */
  totalMs: number
}

export interface HttpResponse {
  status: number
  /** The final URL after redirects, without credentials. */
  url: string
  contentType: string
  headers: IncomingHttpHeaders
  body: Buffer
  /** Each URL redirected to, in order, without credentials. */
  redirects: string[]
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

/** A request that got no usable HTTP answer. `message` never contains credentials. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly kind: HttpFailure,
    message: string,
    readonly elapsedMs = 0
  ) {
    super(message)
  }
}

/** The engine's only way onto the network; tests pass the real one pointed at the test world. */
export type HttpGet = (request: HttpRequest) => Promise<HttpResponse>
