/**
 * A raw TCP front for a test-world persona: each request is answered with the persona's own
 * answer, framed byte by byte as `frame` says (Transfer-Encoding lines, a status node:http would
 * not send with that body, a Content-Length the body does not fill). One request a connection,
 * which then closes; every loop is bounded by the one request it answers.
 */
import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'

/** The persona's answer to one request. */
export interface Answer {
  path: string
  status: number
  contentType: string
  body: Buffer
}

/** The bytes to send for `answer`; the connection closes after them. */
export type Framing = (answer: Answer) => Buffer

export interface RawFront {
  /** http://127.0.0.1:PORT: a GOPROXY serving the persona's modules. */
  readonly url: string
  close(): Promise<void>
}

/** Bounds what a request may send before its headers end. */
const MAX_REQUEST_BYTES = 64 << 10

/** A front on 127.0.0.1 for `upstream` (a persona's base URL). */
export async function startRawFront(upstream: string, frame: Framing): Promise<RawFront> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer(socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    let head = ''
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1')
      if (head.length > MAX_REQUEST_BYTES) return void socket.destroy()
      if (!head.includes('\r\n\r\n')) return
      socket.off('data', onData)
      const path = head.split(' ')[1] ?? '/'
      void fetchAnswer(upstream, path).then(
        answer => socket.end(frame(answer)),
        () => socket.destroy()
      )
    }
    socket.on('data', onData)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function fetchAnswer(upstream: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      // Bounded: the upstream is a local test proxy, but a test must never wait forever.
      .get(`${upstream}${path}`, { agent: false, timeout: 10_000 }, res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () =>
          resolve({
            path,
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks)
          })
        )
      })
      .on('timeout', function (this: http.ClientRequest) {
        this.destroy(new Error(`upstream gave no answer to ${path} within 10 s`))
      })
      .on('error', reject)
  })
}

/** An HTTP/1.x answer as bytes: status line, header lines as given (repeats kept), body. */
export function rawAnswer(statusLine: string, headers: [string, string][], body: Buffer): Buffer {
  const lines = [statusLine, ...headers.map(([name, value]) => `${name}: ${value}`), '', '']
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body])
}

/** `body` as one chunk of a chunked body, with the last chunk after it. */
export function chunked(body: Buffer): Buffer {
  const size = Buffer.from(`${body.length.toString(16)}\r\n`, 'latin1')
  return Buffer.concat([size, body, Buffer.from('\r\n0\r\n\r\n', 'latin1')])
}
