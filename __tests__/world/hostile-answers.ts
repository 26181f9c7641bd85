/**
 * Answers of hostile proxies, for the faults of faults.ts: a gzip body that inflates far past any
 * cap, a chain of redirects of chosen length, and text that is not UTF-8.
 */
import type * as http from 'node:http'
import { deflatedZeros } from '../sumdb/rawzip.js'

/** What a gzip bomb inflates to: past every body cap of the action (64 MiB for a zip). */
export const GZIP_BOMB_BYTES = 128 << 20

// A gzip member: magic, deflate, no flags, no mtime, no extra flags, OS "unknown".
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])

/** `total` zero bytes as one gzip member, built without ever holding the zeros. */
export async function gzippedZeros(total: number): Promise<Buffer> {
  const { compressed, crc } = await deflatedZeros(total)
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(total % 2 ** 32, 4)
  return Buffer.concat([GZIP_HEADER, compressed, trailer])
}

let bomb: Promise<Buffer> | undefined

/**
 * How a gzip bomb is delivered: `whole`; `reset`, 256 bytes (inflating to far less than any cap) and then the connection is destroyed;
 * `dribble`, one byte every 200 ms (at most 600, then the connection is destroyed).
 */
export type Delivery = 'whole' | 'reset' | 'dribble'

const DRIBBLE_MS = 200
const DRIBBLE_MAX_BYTES = 600

/** A 200 whose ~130 KB gzip body would inflate to GZIP_BOMB_BYTES zeros. */
export function gzipBomb(res: http.ServerResponse, delivery: Delivery = 'whole'): void {
  bomb ??= gzippedZeros(GZIP_BOMB_BYTES)
  void bomb.then(body => {
    if (res.destroyed) return
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': body.length
    })
    if (delivery === 'whole') return void res.end(body)
    if (delivery === 'reset') {
      res.write(body.subarray(0, 256))
      return void setTimeout(() => res.socket?.destroy(), 20)
    }
    dribble(res, body)
  })
}

function dribble(res: http.ServerResponse, body: Buffer): void {
  let sent = 0
  const timer = setInterval(() => {
    if (res.destroyed || sent >= DRIBBLE_MAX_BYTES) {
      clearInterval(timer)
      return void res.socket?.destroy()
    }
    res.write(body.subarray(sent, ++sent))
  }, DRIBBLE_MS)
  res.on('close', () => clearInterval(timer))
}

/**
 * One step of a redirect chain of `redirects` hops: `/hop/<n>/<path>` is the n-th hop. Gives the
 * next hop's location (relative to the persona) or, after the last, the path to answer.
 */
export function hopAnswer(path: string, redirects: number): { path: string; location?: string } {
  const hop = /^\/hop\/(\d+)(\/.*)$/.exec(path)
  const count = hop ? Number(hop[1]) : 0
  const rest = hop ? hop[2] : path
  return count < redirects ? { path: rest, location: `/hop/${count + 1}${rest}` } : { path: rest }
}

export type Garble = 'invalid-utf8' | 'nul'

const GARBLE_BYTES: Record<Garble, Buffer> = {
  // A lead byte without its continuation, then a byte UTF-8 never uses.
  'invalid-utf8': Buffer.from([0xc3, 0x28, 0xff]),
  nul: Buffer.from([0x00])
}

/**
 * `body` with the garble added where a sloppy server would put it: in a JSON object, as one more
 * string field; in a list, as one more line.
 */
export function garbledText(body: Buffer, garble: Garble): Buffer {
  const bytes = GARBLE_BYTES[garble]
  const text = body.toString('utf8').trimEnd()
  if (text.endsWith('}')) {
    const head = Buffer.from(`${text.slice(0, -1)},"Note":"`)
    return Buffer.concat([head, bytes, Buffer.from('"}')])
  }
  return Buffer.concat([body, bytes, Buffer.from('\n')])
}
