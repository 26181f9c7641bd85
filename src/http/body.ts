import type { IncomingMessage } from 'node:http'
import { open, type FileHandle } from 'node:fs/promises'
import { pipeline, type Readable } from 'node:stream'
import { goGunzips } from './framing.js'
import { cannotWrite, HttpError, LocalError } from './types.js'

/**
 * Reads a response body, decoding gzip as Go's client does, and stops at `maxBytes` of decoded
 * data: a gzip bomb or an endless body costs at most the cap in memory. With `firstBytes`, reading stops once that many
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
  const gunzip = goGunzips(res)
  // pipeline, not pipe: when a reset or the deadline destroys the response, the decoder must end
  // too, or the loop below would wait for gzip data that never comes.
  const source: Readable = gunzip
    ? pipeline(res, process.getBuiltinModule('node:zlib').createGunzip(), () => undefined)
    : res
  const chunks: Buffer[] = []
  let spool: FileHandle | undefined
  let total = 0
  let rawBytes = 0
  if (gunzip) res.on('data', (chunk: Buffer) => void (rawBytes += chunk.length))
  const cut = watchForReset(res)
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
    if (code.startsWith('Z_')) {
      // Go's gzip reader reads an empty body as empty; and an error answer is read for its words
      // at best, so what could not be decoded leaves its status alone.
      if (rawBytes === 0 && res.complete) return Buffer.alloc(0)
      if (res.statusCode !== 200) return Buffer.concat(chunks, total)
      throw new HttpError('decode', 'invalid gzip body')
    }
    if (code === 'ECONNRESET' && !cut.reset()) throw unexpectedEof(res, gunzip ? -1 : total)
    throw err
  } finally {
    cut.dispose()
    res.destroy()
    source.destroy()
    await spool?.close().catch(() => undefined)
  }
  // A body cut short (the server closed early) must not pass as a complete answer.
  if (!res.complete) throw unexpectedEof(res, gunzip ? -1 : total)
  return spool ? Buffer.alloc(0) : Buffer.concat(chunks, total)
}

/**
 * Tells a connection the server reset (a socket error: Go's "connection reset by peer") from one
 * it closed before the body ended, which Node reports as a reset too (code ECONNRESET, message
 * "aborted") but Go as "unexpected EOF".
 */
function watchForReset(res: IncomingMessage): { reset(): boolean; dispose(): void } {
  const socket = res.socket
  let reset = false
  const note = (): void => void (reset = true)
  socket?.on('error', note)
  return { reset: () => reset, dispose: () => void socket?.off('error', note) }
}

/**
 * A body that ended early, in Go's words, with how much of its Content-Length came when that is
 * known (`read` is -1 for a decoded body, whose length is not the header's). Like a reset, it is
 * worth another attempt.
 */
function unexpectedEof(res: IncomingMessage, read: number): HttpError {
  const length = Number(res.headers['content-length'])
  const known = read >= 0 && Number.isSafeInteger(length) && read < length
  const detail = known ? `: the body ended after ${read} of ${length} bytes` : ''
  return new HttpError('reset', `unexpected EOF${detail}`)
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
