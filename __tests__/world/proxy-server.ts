/**
 * The test world's Go module proxies: one HTTP server on 127.0.0.1 hosting many personas, each at
 * its own base path (`http://127.0.0.1:PORT/<persona>`), each a proxy with one injected fault.
 * The world knows the truth: every persona says whether a correct checker must find it usable.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import type { ModuleVersion } from './modules.js'
import { admitted, faultHandlers, type Fault, type Persona } from './faults.js'
import { indexModules, notFound } from './protocol.js'
import type { TlsIdentity } from './tls.js'

export type { Fault, Persona } from './faults.js'

/** One request as the world received it: which persona, and the headers that matter. */
export interface SeenRequest {
  persona: string
  path: string
  /** The Host header (host:port the client asked for). */
  host: string
  authorization?: string
  /** `performance.now()` in the world's process when the request arrived. */
  at?: number
  /** The persona's fault when the request arrived: the one that answered it. */
  fault?: Fault
}

export interface WorldOptions {
  /** Serve https with this identity instead of http. */
  tls?: TlsIdentity
}

export interface ProxyWorld {
  readonly port: number
  /** The persona's base URL; `host` replaces 127.0.0.1 (e.g. a name only a forward proxy knows). */
  url(persona: string, host?: string): string
  /** Every request since the world started, in arrival order. */
  seen(): SeenRequest[]
  /** Requests the persona received since the world started (or since `resetCounts`). */
  requests(persona: string): number
  totalRequests(): number
  resetCounts(): void
  setFault(persona: string, fault: Fault): void
  /** A URL on which nothing listens: connection refused. */
  readonly refusedUrl: string
  close(): Promise<void>
}

export async function startProxyWorld(
  modules: ModuleVersion[],
  personas: Persona[],
  options: WorldOptions = {}
): Promise<ProxyWorld> {
  const served = indexModules(modules)
  const table = new Map(personas.map(p => [p.name, { ...p }]))
  const counts = new Map<string, number>()
  const seen: SeenRequest[] = []
  const sockets = new Set<Socket>()
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://world')
    // Proxies decode the go command's %XX escapes (it sends `!` as %21).
    const [, name, ...rest] = url.pathname.split('/').map(decodeURIComponent)
    const persona = table.get(name)
    counts.set(name, (counts.get(name) ?? 0) + 1)
    const path = '/' + rest.join('/')
    const { host = '', authorization } = req.headers
    seen.push({
      persona: name,
      path,
      host,
      ...(authorization && { authorization }),
      at: performance.now(),
      fault: persona?.fault
    })
    if (!persona) return notFound(res, url.pathname)
    if (persona.closeAfterAnswer) res.setHeader('connection', 'close')
    const ctx = { persona, path, req, res, served, base: `/${name}` }
    if (admitted(ctx)) faultHandlers[persona.fault](ctx)
  }
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler)
  const scheme = options.tls ? 'https' : 'http'
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const refusedUrl = await closedPortUrl()
  return {
    port,
    refusedUrl,
    url: (name, host = '127.0.0.1') => `${scheme}://${host}:${port}/${name}`,
    seen: () => [...seen],
    requests: name => counts.get(name) ?? 0,
    totalRequests: () => [...counts.values()].reduce((a, b) => a + b, 0),
    resetCounts: () => counts.clear(),
    setFault: (name, fault) => {
      const persona = table.get(name)
      if (!persona) throw new Error(`no persona ${name}`)
      persona.fault = fault
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

async function closedPortUrl(): Promise<string> {
  const probe = http.createServer()
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as AddressInfo).port
  await new Promise<void>(resolve => probe.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}
