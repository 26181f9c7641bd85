import type { IncomingMessage } from 'node:http'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { pipeline, type Readable } from 'node:stream'
import { HttpError } from './types.js'

/**
 * Reads a response body, decoding gzip, and stops at `maxBytes` of decoded data: a gzip bomb or an
 * endless body costs at most the cap in memory. With `firstBytes`, reading stops (and the
 * connection is closed) once that many bytes have come: enough to see what a body starts with.
 * With `spoolTo`, the body goes to that file, and memory holds one chunk at a time.
 */
export async function readBody(
  res: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
  firstBytes?: number,
  spoolTo?: string
): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase()
  // pipeline, not pipe: when a reset or the deadline destroys the response, the decoder must end
  // too, or the loop below would wait for gzip data that never comes.
  const source: Readable =
    encoding === 'gzip' ? pipeline(res, createGunzip(), () => undefined) : res
  const chunks: Buffer[] = []
  // Each chunk is written before the next is read, so the socket waits for the disk.
  const spool = spoolTo === undefined ? undefined : await open(spoolTo, 'w')
  let total = 0
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer
      total += buf.length
      if (total > maxBytes) {
        throw new HttpError('too-large', `body larger than ${maxBytes} bytes`)
      }
      if (spool) await spool.write(buf)
      else chunks.push(buf)
      if (firstBytes !== undefined && total >= firstBytes) {
        const start = Buffer.concat(chunks, total).subarray(0, firstBytes)
        // A short rest is read too: the connection then serves the next request, which costs
        // less than a new one. A long one is not waited for.
        if (restIsShort(res, total)) for await (const _ of source) void _
        return start
      }
    }
  } catch (err) {
    if (err instanceof HttpError || signal.aborted) throw err
    const code = (err as NodeJS.ErrnoException).code ?? ''
    if (code.startsWith('Z_')) throw new HttpError('decode', 'invalid gzip body')
    throw err
  } finally {
    res.destroy()
    source.destroy()
    await spool?.close()
  }
  // A body cut short (the server closed early) must not pass as a complete answer.
  if (!res.complete) throw new HttpError('reset', 'connection closed before the body ended')
  return spool ? Buffer.alloc(0) : Buffer.concat(chunks, total)
}

/** What a body may still hold past its first bytes and be read to keep its connection. */
const SHORT_REST = 64 << 10

function restIsShort(res: IncomingMessage, read: number): boolean {
  const length = Number(res.headers['content-length'])
  return (
    Number.isSafeInteger(length) && length - read <= SHORT_REST && !res.headers['content-encoding']
  )
}
