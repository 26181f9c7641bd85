// Builds zip bytes by hand, for the bad zips yazl refuses to write: names with "..", a backslash,
// invalid UTF-8 or a newline, and headers whose sizes or CRC lie.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

export interface RawEntry {
  name: string | Buffer
  /** The content; stored deflated unless `compressed` is given. */
  data?: Buffer
  /** Already deflated bytes (then `data` is not needed). */
  compressed?: Buffer
  /** Overrides the uncompressed size written in the headers. */
  declaredSize?: number
  /** Overrides the CRC-32 written in the headers. */
  crc?: number
}

/** A zip (deflate, no data descriptors, no zip64) holding the entries in order. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const data = entry.data ?? Buffer.alloc(0)
    const body = entry.compressed ?? deflateRawSync(data)
    const crc = entry.crc ?? crc32(data)
    const size = entry.declaredSize ?? data.length
    const fields = { crc, compressed: body.length, size, nameLength: name.length }
    const local = header(0x04034b50, 30, fields)
    locals.push(local, name, body)
    const central = header(0x02014b50, 46, fields)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

interface HeaderFields {
  crc: number
  compressed: number
  size: number
  nameLength: number
}

/** A local (30 bytes) or central (46 bytes) header; the central one is 4 bytes further along. */
function header(signature: number, length: 30 | 46, f: HeaderFields): Buffer {
  const b = Buffer.alloc(length)
  const at = length === 46 ? 2 : 0 // the central header adds "version made by"
  b.writeUInt32LE(signature, 0)
  if (length === 46) b.writeUInt16LE(20, 4)
  b.writeUInt16LE(20, 4 + at) // version needed: 2.0
  b.writeUInt16LE(0x800, 6 + at) // names are UTF-8
  b.writeUInt16LE(8, 8 + at) // deflate
  b.writeUInt32LE(f.crc >>> 0, 14 + at)
  b.writeUInt32LE(f.compressed, 18 + at)
  b.writeUInt32LE(f.size, 22 + at)
  b.writeUInt16LE(f.nameLength, 26 + at)
  return b
}

/**
 * Deflates `total` zero bytes without holding them: the same 1 MiB chunk is written again and
 * again. Returns the compressed bytes and the CRC-32 of the zeros.
 */
export async function deflatedZeros(total: number): Promise<{ compressed: Buffer; crc: number }> {
  const chunk = Buffer.alloc(Math.min(total, 1 << 20))
  const deflate = createDeflateRaw()
  const out: Buffer[] = []
  deflate.on('data', (piece: Buffer) => out.push(piece))
  const done = new Promise(resolve => deflate.on('end', resolve))
  let crc = 0
  for (let written = 0; written < total; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - written))
    crc = crc32(piece, crc)
    if (!deflate.write(piece)) await new Promise(resolve => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return { compressed: Buffer.concat(out), crc }
}
