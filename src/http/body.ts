import type { IncomingMessage } from 'node:http'
import { open, type FileHandle } from 'node:fs/promises'
import { pipeline, type Readable } from 'node:stream'
import { cannotWrite, HttpError, LocalError } from './types.js'

/**
 * Reads a response body, decoding gzip, and stops at `maxBytes` of decoded data: a gzip bomb or an
 * endless body costs at most the cap in memory. With `firstBytes`, reading stops once that many
 * bytes have come: enough to see what a body starts with (a short rest is read to keep the
 * connection, a long one closes it).
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
    encoding === 'gzip'
      ? pipeline(res, process.getBuiltinModule('node:zlib').createGunzip(), () => undefined)
      : res
  const chunks: Buffer[] = []
  let spool: FileHandle | undefined
  let total = 0
  try {
    if (spoolTo !== undefined) spool = await open(spoolTo, 'w').catch(fail(spoolTo))
    for await (const chunk of source) {
      const buf = chunk as Buffer
      total += buf.length
      if (total > maxBytes) {
        throw new HttpError('too-large', `body larger than ${maxBytes} bytes`)
      }
      // Each chunk is written before the next is read, so the socket waits for the disk.
      if (spool && spoolTo !== undefined) await spool.write(buf).catch(fail(spoolTo))
      else chunks.push(buf)
      if (firstBytes !== undefined && total >= firstBytes) {
        if (restIsShort(res, total)) await drainRest(source)
        return Buffer.concat(chunks, total).subarray(0, firstBytes)
      }
    }
  } catch (err) {
    if (err instanceof HttpError || err instanceof LocalError || signal.aborted) throw err
    const code = (err as NodeJS.ErrnoException).code ?? ''
    if (code.startsWith('Z_')) throw new HttpError('decode', 'invalid gzip body')
    throw err
  } finally {
    res.destroy()
    source.destroy()
    await spool?.close().catch(() => undefined)
  }
  // A body cut short (the server closed early) must not pass as a complete answer.
  if (!res.complete) throw new HttpError('reset', 'connection closed before the body ended')
  return spool ? Buffer.alloc(0) : Buffer.concat(chunks, total)
}

const fail =
  (path: string) =>
  (err: unknown): never => {
    throw cannotWrite(path, err)
  }

/** What a body may still hold past its first bytes and be read to keep its connection. */
const SHORT_REST = 64 << 10
/** How long a short rest may take; past it, the connection is closed instead. */
const DRAIN_MS = 1000

function restIsShort(res: IncomingMessage, read: number): boolean {
  const length = Number(res.headers['content-length'])
  return (
    Number.isSafeInteger(length) && length - read <= SHORT_REST && !res.headers['content-encoding']
  )
}

/**
 * Reads a short rest so the connection serves the next request, which costs less than a new one
 * (a TLS handshake, on a real proxy). Best effort: a rest that stalls or breaks off only costs
 * the connection, never the first bytes already read.
 */
async function drainRest(source: Readable): Promise<void> {
  const timer = setTimeout(() => source.destroy(), DRAIN_MS)
  try {
    for await (const _ of source) void _
  } catch {
    // The connection is not kept; the answer stands.
  } finally {
    clearTimeout(timer)
  }
}
