/**
 * The test world's Go module proxies: one HTTP server on 127.0.0.1 hosting many personas, each at
 * its own base path (`http://127.0.0.1:PORT/<persona>`), each a proxy with one injected fault.
 * The world knows the truth: every persona says whether a correct checker must find it usable.
 */
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { ModuleVersion } from './modules.js'
import { faultHandlers, type Fault, type Persona } from './faults.js'
import { indexModules, notFound } from './protocol.js'

export type { Fault, Persona } from './faults.js'

export interface ProxyWorld {
  readonly port: number
  url(persona: string): string
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
  personas: Persona[]
): Promise<ProxyWorld> {
  const served = indexModules(modules)
  const table = new Map(personas.map(p => [p.name, { ...p }]))
  const counts = new Map<string, number>()
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://world')
    // Proxies decode the go command's %XX escapes (it sends `!` as %21).
    const [, name, ...rest] = url.pathname.split('/').map(decodeURIComponent)
    const persona = table.get(name)
    counts.set(name, (counts.get(name) ?? 0) + 1)
    if (!persona) return notFound(res, url.pathname)
    const path = '/' + rest.join('/')
    faultHandlers[persona.fault]({ persona, path, req, res, served, base: `/${name}` })
  })
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
    url: name => `http://127.0.0.1:${port}/${name}`,
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
