/**
 * The faults a test-world persona can inject. Each handler answers one request the way a broken
 * (or healthy) proxy in the wild does. Loops are bounded: an endless body stops after 64 MiB or
 * when the client goes away, a dribble after 120 bytes. The hostile answers (gzip bombs, redirect
 * chains, text that is not UTF-8) are made in hostile-answers.ts.
 */
import type * as http from 'node:http'
import { notFound, protocolAnswer, type Served } from './protocol.js'
import { gzipBomb, hopAnswer, garbledText, type Garble } from './hostile-answers.js'

export type Fault =
  | 'healthy'
  | 'slow'
  | 'hang'
  | 'status-500'
  | 'status-502'
  | 'status-503'
  | 'status-404'
  | 'status-410'
  | 'captive-portal'
  | 'broken-json'
  | 'wrong-info-version'
  | 'html-list'
  | 'redirect-loop'
  | 'cdn-redirect'
  | 'endless-body'
  | 'dribble'
  | 'reset-mid-body'
  | 'flaky-503'
  | 'fail-first-attempt'
  | 'dies-after-first-contact'
  | 'stale'
  | 'tampered'
  | 'gzip-bomb'
  | 'gzip-bomb-zip'
  | 'gzip-reset-mid-body'
  | 'gzip-dribble'
  | 'redirect-chain'
  | 'redirect-away'
  | 'list-invalid-utf8'
  | 'list-nul'
  | 'info-invalid-utf8'
  | 'info-nul'
  | 'refuse-list'

export interface FaultContext {
  persona: Persona
  path: string
  base: string
  req: http.IncomingMessage
  res: http.ServerResponse
  served: Served
}

export interface Persona {
  name: string
  fault: Fault
  /** Milliseconds before each answer, for `slow`. */
  delayMs?: number
  /** Handler for `/sumdb/<name>/…` paths; absent means the persona does not proxy a database. */
  sumdb?: (rest: string, res: http.ServerResponse) => void
  /** What a `tampered` persona serves instead of the honest modules. */
  tamperedServed?: Served
  /**
   * Answer 401 to requests without these credentials (the `/cdn/` path excepted): Basic auth, or
   * a header with this exact value (a token).
   */
  requireAuth?: { username: string; password: string } | { header: string; value: string }
  /** Host name `cdn-redirect` sends zips to (same port), instead of a path on the same host. */
  cdnHost?: string
  /** For `redirect-chain`: how many redirects come before the answer. */
  redirects?: number
  /** For `redirect-away`: the URL prefix every request is sent to (another scheme or host). */
  redirectTo?: string
  /** For `fail-first-attempt`: how each path's first request fails (default 503). */
  firstAttempt?: number | 'reset'
  /** For `fail-first-attempt`: the paths it fails (default every path). */
  faultPaths?: RegExp
  /** The Retry-After header sent with a `fail-first-attempt` status. */
  retryAfter?: string
  /** Close every connection after its answer: no request then rides a kept-alive connection. */
  closeAfterAnswer?: boolean
}

type Handler = (ctx: FaultContext) => void

const ENDLESS_LIMIT = 64 * 1024 * 1024

function serve(ctx: FaultContext, served: Served = ctx.served): void {
  const { path, res, persona } = ctx
  const sumdb = /^\/sumdb\/(.+)$/.exec(path)
  if (sumdb) {
    if (persona.sumdb) return persona.sumdb(sumdb[1], res)
    return notFound(res, path)
  }
  const answer = protocolAnswer(served, path)
  if (!answer) return notFound(res, path)
  res.writeHead(200, { 'content-type': answer.type, 'content-length': answer.body.length })
  res.end(answer.body)
}

function status(code: number): Handler {
  return ({ res }) => {
    res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`${code} ${code === 404 || code === 410 ? 'not found' : 'upstream failure'}\n`)
  }
}

function endless({ res, req }: FaultContext): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream' })
  const chunk = Buffer.alloc(64 * 1024, 0x61)
  let sent = 0
  const pump = (): void => {
    while (sent < ENDLESS_LIMIT && !res.destroyed) {
      sent += chunk.length
      if (!res.write(chunk)) return void res.once('drain', pump)
    }
    res.end()
  }
  req.socket.on('close', () => (sent = ENDLESS_LIMIT))
  pump()
}

function dribble({ res }: FaultContext): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  let sent = 0
  const timer = setInterval(() => {
    if (res.destroyed || sent++ >= 120) {
      clearInterval(timer)
      return void res.end()
    }
    res.write('{')
  }, 1000)
  res.on('close', () => clearInterval(timer))
}

function resetMidBody(ctx: FaultContext): void {
  const answer = protocolAnswer(ctx.served, ctx.path)
  const body = answer?.body ?? Buffer.from('{"Version":"v1.0.0"}')
  ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length * 2 })
  ctx.res.write(body)
  setTimeout(() => ctx.req.socket.destroy(), 20)
}

const blipped = new WeakSet<Persona>()

/** A one-off outage: the persona's first request gets a 503, every later one is served. */
function flaky503(ctx: FaultContext): void {
  if (blipped.has(ctx.persona)) return serve(ctx)
  blipped.add(ctx.persona)
  status(503)(ctx)
}

const pathsFailed = new WeakMap<Persona, Set<string>>()

/**
 * A server under load: the first request for each path fails (a status, with the persona's
 * Retry-After if any, or a reset connection); the next one for that path is served.
 */
function failFirstAttempt(ctx: FaultContext): void {
  const { persona, path, req, res } = ctx
  const failed = pathsFailed.get(persona) ?? new Set<string>()
  pathsFailed.set(persona, failed)
  if (failed.has(path) || !(persona.faultPaths ?? /./).test(path)) return serve(ctx)
  failed.add(path)
  const how = persona.firstAttempt ?? 503
  if (how === 'reset') return void req.socket.destroy()
  const retryAfter = persona.retryAfter === undefined ? {} : { 'retry-after': persona.retryAfter }
  res.writeHead(how, { 'content-type': 'text/plain; charset=utf-8', ...retryAfter })
  res.end(`${how} busy, try again later\n`)
}

const contacted = new WeakSet<Persona>()

/** A proxy that goes down right after its first answer: every later request gets a 503. */
function diesAfterFirstContact(ctx: FaultContext): void {
  if (contacted.has(ctx.persona)) return status(503)(ctx)
  contacted.add(ctx.persona)
  serve(ctx)
}

function stale(ctx: FaultContext): void {
  const older: Served = { byPath: new Map() }
  for (const [key, versions] of ctx.served.byPath) {
    older.byPath.set(key, versions.length > 1 ? versions.slice(0, -1) : versions)
  }
  serve(ctx, older)
}

/** `scheme://cdnHost:port` of the persona's CDN, or '' for a path on the same host. */
function cdnOrigin({ persona, req }: FaultContext): string {
  if (!persona.cdnHost) return ''
  const scheme = 'encrypted' in req.socket ? 'https' : 'http'
  return `${scheme}://${persona.cdnHost}:${req.socket.localPort}`
}

/**
 * For a `requireAuth` persona, answers 401 (with a Basic challenge) to a request without its
 * credentials and returns false. The CDN path needs none: it stands for a signed URL.
 */
export function admitted({ persona, path, req, res }: FaultContext): boolean {
  const wanted = persona.requireAuth
  if (!wanted || path.startsWith('/cdn/')) return true
  const ok =
    'header' in wanted
      ? req.headers[wanted.header.toLowerCase()] === wanted.value
      : req.headers.authorization ===
        `Basic ${Buffer.from(`${wanted.username}:${wanted.password}`).toString('base64')}`
  if (ok) return true
  res.writeHead(401, {
    'content-type': 'text/plain; charset=utf-8',
    'www-authenticate': 'Basic realm="corp"'
  })
  res.end('401 unauthorized: credentials required\n')
  return false
}

function jsonFault(body: (ctx: FaultContext) => string): Handler {
  return ctx => {
    if (!/(\/@latest|\.info)$/.test(ctx.path)) return serve(ctx)
    ctx.res.writeHead(200, { 'content-type': 'application/json' })
    ctx.res.end(body(ctx))
  }
}

export const faultHandlers: Record<Fault, Handler> = {
  healthy: ctx => serve(ctx),
  slow: ctx => void setTimeout(() => serve(ctx), ctx.persona.delayMs ?? 1500),
  hang: () => undefined,
  'status-500': status(500),
  'status-502': status(502),
  'status-503': status(503),
  'status-404': status(404),
  'status-410': status(410),
  'captive-portal': ({ res }) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><html><body><form>Sign in to the network</form></body></html>\n')
  },
  'broken-json': jsonFault(() => '{"Version": "v1.'),
  'wrong-info-version': jsonFault(() => '{"Version":"v0.0.1","Time":"2020-01-01T00:00:00Z"}'),
  'html-list': ctx => {
    if (!ctx.path.endsWith('/@v/list')) return serve(ctx)
    ctx.res.writeHead(200, { 'content-type': 'text/html' })
    ctx.res.end('<html><body>Index of /</body></html>\n')
  },
  // An allow-listing mirror: it serves the versions it admits, but lists none (403).
  'refuse-list': ctx => {
    if (!/(\/@v\/list|\/@latest)$/.test(ctx.path)) return serve(ctx)
    ctx.res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
    ctx.res.end('This module version is not available.\n')
  },
  'redirect-loop': ({ res, base, path }) => {
    res.writeHead(302, { location: `${base}${path}` })
    res.end()
  },
  'cdn-redirect': ctx => {
    const cdn = /^\/cdn(\/.*)$/.exec(ctx.path)
    if (cdn) return serve({ ...ctx, path: cdn[1] })
    if (!ctx.path.endsWith('.zip')) return serve(ctx)
    ctx.res.writeHead(302, { location: `${cdnOrigin(ctx)}${ctx.base}/cdn${ctx.path}` })
    ctx.res.end()
  },
  'endless-body': endless,
  dribble,
  'reset-mid-body': resetMidBody,
  'flaky-503': flaky503,
  'fail-first-attempt': failFirstAttempt,
  'dies-after-first-contact': diesAfterFirstContact,
  stale,
  tampered: ctx => serve(ctx, ctx.persona.tamperedServed ?? ctx.served),
  'gzip-bomb': ctx => gzipBomb(ctx.res),
  'gzip-bomb-zip': ctx => (ctx.path.endsWith('.zip') ? gzipBomb(ctx.res) : serve(ctx)),
  'gzip-reset-mid-body': ctx => gzipBomb(ctx.res, 'reset'),
  'gzip-dribble': ctx => gzipBomb(ctx.res, 'dribble'),
  'redirect-chain': ctx => {
    const hop = hopAnswer(ctx.path, ctx.persona.redirects ?? 0)
    if (hop.location === undefined) return serve({ ...ctx, path: hop.path })
    ctx.res.writeHead(302, { location: `${ctx.base}${hop.location}` })
    ctx.res.end()
  },
  'redirect-away': ({ res, persona, path }) => {
    res.writeHead(302, { location: `${persona.redirectTo ?? ''}${path}` })
    res.end()
  },
  'list-invalid-utf8': garbled('list', 'invalid-utf8'),
  'list-nul': garbled('list', 'nul'),
  'info-invalid-utf8': garbled('info', 'invalid-utf8'),
  'info-nul': garbled('info', 'nul')
}

/** Serves the honest answer, except that `where` gets bytes that are not UTF-8 text. */
function garbled(where: 'list' | 'info', garble: Garble): Handler {
  return ctx => {
    const answer = protocolAnswer(ctx.served, ctx.path)
    if (!answer || answer.kind !== where) return serve(ctx)
    ctx.res.writeHead(200, { 'content-type': answer.type })
    ctx.res.end(garbledText(answer.body, garble))
  }
}
