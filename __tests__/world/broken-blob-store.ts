/**
 * A blob store that has gone wrong, for signed URLs to point at instead of Azurite: one that
 * answers every request with 500 InternalError, or one that accepts requests and never answers.
 * `release()` answers the held requests, and all later ones, with 403 AuthenticationFailed: the
 * one failure neither @actions/cache's HTTP client nor @azure/storage-blob retries, so the
 * library's abandoned work ends at once instead of outliving the test.
 */
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type BrokenBehaviour = 'status-500' | 'hang'

export interface BrokenBlobStore {
  /** `http://127.0.0.1:PORT`, for BlobRoute `{ origin }`. */
  readonly origin: string
  /** Every request as `METHOD status`, or `METHOD held`, in arrival order. */
  readonly log: string[]
  /** Requests held without an answer right now. */
  held(): number
  release(): void
  close(): Promise<void>
}

const azureError = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`

export async function startBrokenBlobStore(behaviour: BrokenBehaviour): Promise<BrokenBlobStore> {
  const log: string[] = []
  const held = new Set<http.ServerResponse>()
  const sockets = new Set<Socket>()
  let released = false

  const answer = (res: http.ServerResponse, status: number, code: string, message: string) => {
    const body = azureError(code, message)
    res.writeHead(status, {
      'content-type': 'application/xml',
      'content-length': Buffer.byteLength(body),
      'x-ms-error-code': code
    })
    res.end(body)
  }
  const refuse = (res: http.ServerResponse): void =>
    answer(res, 403, 'AuthenticationFailed', 'Signature not valid in the specified time frame')

  const server = http.createServer((req, res) => {
    req.resume()
    if (released) {
      log.push(`${req.method} 403`)
      return refuse(res)
    }
    if (behaviour === 'status-500') {
      log.push(`${req.method} 500`)
      return answer(res, 500, 'InternalError', 'The server encountered an internal error.')
    }
    log.push(`${req.method} held`)
    held.add(res)
    res.on('close', () => held.delete(res))
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    held: () => held.size,
    release() {
      released = true
      for (const res of held) refuse(res)
      held.clear()
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
