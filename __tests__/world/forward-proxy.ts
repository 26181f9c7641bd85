/**
 * The test world's corporate forward proxy: an HTTP proxy on 127.0.0.1 that tunnels `CONNECT
 * host:port` (https targets, and http ones through @actions/http-client's tunnel agents) and
 * forwards absolute-URI requests (`GET http://host:port/path`). It resolves host names only from
 * its own map, so a name like goproxy.corp.test exists only through it and no request can leave
 * the machine. It records every target it was asked for and can require Proxy-Authorization.
 */
import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'

export interface ForwardProxyOptions {
  /** Host name → address. goproxy.corp.test, localhost and 127.0.0.1 always map to 127.0.0.1. */
  hosts?: Record<string, string>
  /** Answer 407 unless the client sends these Basic credentials in Proxy-Authorization. */
  requireAuth?: { username: string; password: string }
  /** Accept CONNECT requests but never answer them (a proxy that black-holes traffic). */
  hangConnect?: boolean
}

export interface ForwardProxy {
  /** The value for HTTPS_PROXY / HTTP_PROXY. */
  readonly url: string
  /**
   * Every target asked for, in arrival order: `CONNECT host:port → status` or
   * `GET http://host:port/path → status`.
   */
  readonly log: string[]
  /** Sockets still open, on the client side and to targets. */
  openSockets(): number
  close(): Promise<void>
}

/** Tunnels idle this long are closed, so a forgotten client cannot hold the proxy open. */
const IDLE_MS = 15_000

const BUILT_IN_HOSTS: Record<string, string> = {
  'goproxy.corp.test': '127.0.0.1',
  localhost: '127.0.0.1',
  '127.0.0.1': '127.0.0.1'
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const hosts = { ...BUILT_IN_HOSTS, ...options.hosts }
  const log: string[] = []
  const sockets = new Set<Duplex>()
  const track = (socket: Duplex): void => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }
  const gate = (req: http.IncomingMessage): number =>
    !authorized(req, options.requireAuth) ? 407 : 200

  const server = http.createServer((req, res) => {
    const target = safeUrl(req.url)
    const status = !target ? 400 : gate(req)
    if (status !== 200 || !target) return refuse(res, status, log, `${req.method} ${req.url}`)
    forward(req, res, target, hosts, log)
  })
  server.on('connection', track)
  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    track(client)
    // A reset is the client's choice, not the world's failure.
    client.on('error', () => client.destroy())
    const target = req.url ?? ''
    const status = gate(req)
    if (status !== 200) {
      log.push(`CONNECT ${target} → ${status}`)
      closeWhenClientLeaves(client)
      return void client.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${challenge(status)}\r\n`
      )
    }
    if (options.hangConnect) {
      log.push(`CONNECT ${target} → (no answer)`)
      return closeWhenClientLeaves(client)
    }
    tunnel(target, client, head, hosts, log, track)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/**
 * The http server keeps a CONNECT socket half-open and paused: read it to the end and close it,
 * or a client that hung up would stay counted as open.
 */
function closeWhenClientLeaves(client: Duplex): void {
  client.on('end', () => client.destroy())
  client.resume()
}

function authorized(
  req: http.IncomingMessage,
  wanted: ForwardProxyOptions['requireAuth']
): boolean {
  if (!wanted) return true
  const token = Buffer.from(`${wanted.username}:${wanted.password}`).toString('base64')
  return req.headers['proxy-authorization'] === `Basic ${token}`
}

function challenge(status: number): string {
  return status === 407 ? 'Proxy-Authenticate: Basic realm="corp-proxy"\r\n' : ''
}

function safeUrl(text: string | undefined): URL | undefined {
  try {
    const url = new URL(text ?? '')
    return url.protocol === 'http:' ? url : undefined
  } catch {
    return undefined
  }
}

function refuse(res: http.ServerResponse, status: number, log: string[], what: string): void {
  log.push(`${what} → ${status}`)
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/plain; charset=utf-8' }
  if (status === 407) headers['proxy-authenticate'] = 'Basic realm="corp-proxy"'
  res.writeHead(status, headers)
  res.end(`${status} ${http.STATUS_CODES[status]} (test forward proxy)\n`)
}

/** `host:port` → the mapped address, or undefined for a name the proxy does not know. */
function resolveTarget(
  target: string,
  hosts: Record<string, string>
): { address: string; port: number } | undefined {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target)
  const address = match && hosts[match[1].toLowerCase()]
  return address ? { address, port: Number(match[2]) } : undefined
}

function tunnel(
  target: string,
  client: Duplex,
  head: Buffer,
  hosts: Record<string, string>,
  log: string[],
  track: (socket: Duplex) => void
): void {
  const to = resolveTarget(target, hosts)
  if (!to) {
    log.push(`CONNECT ${target} → 502`)
    closeWhenClientLeaves(client)
    return void client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  }
  const upstream = net.connect(to.port, to.address)
  track(upstream)
  let open = false
  upstream.once('connect', () => {
    open = true
    log.push(`CONNECT ${target} → 200`)
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) upstream.write(head)
    upstream.pipe(client)
    client.pipe(upstream)
  })
  upstream.on('error', () => {
    // Once the tunnel is open an error only ends it (the close handlers below).
    if (open) return
    log.push(`CONNECT ${target} → 502`)
    closeWhenClientLeaves(client)
    client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  })
  upstream.setTimeout(IDLE_MS, () => upstream.destroy())
  client.on('close', () => upstream.destroy())
  upstream.on('close', () => client.destroy())
}

function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: URL,
  hosts: Record<string, string>,
  log: string[]
): void {
  const what = `${req.method} ${target.href}`
  const to = resolveTarget(target.host.includes(':') ? target.host : `${target.host}:80`, hosts)
  if (!to) return refuse(res, 502, log, what)
  const headers = { ...req.headers }
  delete headers['proxy-authorization']
  delete headers['proxy-connection']
  const upstream = http.request(
    {
      host: to.address,
      port: to.port,
      method: req.method,
      path: target.pathname + target.search,
      headers
    },
    answer => {
      log.push(`${what} → ${answer.statusCode}`)
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    }
  )
  upstream.setTimeout(IDLE_MS, () => upstream.destroy())
  upstream.on('error', () => (res.headersSent ? res.destroy() : refuse(res, 502, log, what)))
  req.pipe(upstream)
}
