/**
 * A raw TCP server on 127.0.0.1 that starts an HTTP answer and never finishes its headers, as
 * node:http would never let a test server do. Every loop is bounded: at most 64 MiB or 600 slow
 * lines a connection, and nothing more once the client has gone.
 */
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * - `endless-headers`: header lines as fast as the client reads them
 * - `huge-header`: one header line that never ends
 * - `slow-headers`: one short header line every 100 ms
 */
export type RawBehaviour = 'endless-headers' | 'huge-header' | 'slow-headers'

export interface RawServer {
  /** http://127.0.0.1:PORT, a base for any path. */
  readonly url: string
  /** Connections accepted so far. */
  connections(): number
  close(): Promise<void>
}

const MAX_BYTES_PER_CONNECTION = 64 << 20
const SLOW_LINE_MS = 100
const MAX_SLOW_LINES = 600
const FILLER = 'a'.repeat(1000)

export async function startRawServer(behaviour: RawBehaviour): Promise<RawServer> {
  const sockets = new Set<net.Socket>()
  let accepted = 0
  const server = net.createServer(socket => {
    accepted++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    // Answer once the request has arrived, as a real server would.
    socket.once('data', () => misbehave(socket, behaviour))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function misbehave(socket: net.Socket, behaviour: RawBehaviour): void {
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n')
  if (behaviour === 'slow-headers') return slowLines(socket)
  let sent = 0
  let n = 0
  const line = (): string =>
    behaviour === 'huge-header' ? FILLER : `X-Filler-${n++}: ${FILLER}\r\n`
  if (behaviour === 'huge-header') socket.write('X-Huge: ')
  const pump = (): void => {
    while (sent < MAX_BYTES_PER_CONNECTION && !socket.destroyed) {
      const chunk = line()
      sent += chunk.length
      if (!socket.write(chunk)) return void socket.once('drain', pump)
    }
    socket.destroy()
  }
  pump()
}

function slowLines(socket: net.Socket): void {
  let n = 0
  const timer = setInterval(() => {
    if (socket.destroyed || n >= MAX_SLOW_LINES) {
      clearInterval(timer)
      return void socket.destroy()
    }
    socket.write(`X-Slow-${n++}: x\r\n`)
  }, SLOW_LINE_MS)
  socket.on('close', () => clearInterval(timer))
}
