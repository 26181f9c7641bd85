// Opening a module zip where Go's archive/zip finds it (readDirectoryEnd): the end of central
// directory record is the last one in the file's final 65 KiB, its comment must fit in the bytes
// left, and any bytes after the comment are ignored. yauzl insists the comment runs to the end of
// the file, so it is handed a view of the zip that ends where Go's record does. Only the tail of a
// file is read to find it.
import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { Options, RandomAccessReader, ZipFile } from 'yauzl'

type Yauzl = typeof import('yauzl')

/** A module zip in memory, or on disk (a build's zip, spooled there as it downloads). */
export type ZipSource = Buffer | { file: string }

const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]) // "PK\x05\x06"
/** The end record up to its comment; the comment's length is its last two bytes. */
const END_LENGTH = 22
/** How far from the end of the file archive/zip looks for the end record. */
const END_SEARCH_BYTES = 65 * 1024

/** Bytes read from the file at a time. */
const READ_CHUNK = 64 * 1024

const NOT_FOUND =
  'End of central directory record signature not found. Either not a zip file, or file is truncated.'

/**
 * The length of the zip as Go reads it, given the last END_SEARCH_BYTES (or all) of a file of
 * `size` bytes: up to the end of the last end record's comment. Throws when there is no record,
 * or when the last one's comment claims more bytes than the file has left (Go gives up then too).
 */
export function zipLength(tail: Buffer, size: number): number {
  const at = tail.length < END_LENGTH ? -1 : tail.lastIndexOf(END_SIGNATURE, -END_LENGTH)
  if (at < 0) throw new Error(NOT_FOUND)
  const commentLength = tail.readUInt16LE(at + END_LENGTH - 2)
  const left = tail.length - at - END_LENGTH
  const offset = size - tail.length + at
  if (commentLength > left) {
    throw new Error(
      `invalid comment length: the end of central directory record at offset ${offset} declares a ${commentLength}-byte comment, but only ${left} bytes follow it`
    )
  }
  return offset + END_LENGTH + commentLength
}

/** Opens `zip` with yauzl, as far as Go's end record reaches (see zipLength). */
export async function openZip(yauzl: Yauzl, zip: ZipSource, options: Options): Promise<ZipFile> {
  if (Buffer.isBuffer(zip)) {
    const length = zipLength(zip.subarray(-END_SEARCH_BYTES), zip.length)
    return yauzl.fromBufferPromise(zip.subarray(0, length), options)
  }
  const handle = await open(zip.file, 'r')
  try {
    const { size } = await handle.stat()
    const tail = Buffer.alloc(Math.min(size, END_SEARCH_BYTES))
    const { bytesRead } = await handle.read(tail, 0, tail.length, size - tail.length)
    if (bytesRead < tail.length) throw new Error(`${zip.file} shrank while it was read`)
    const reader = fileReader(yauzl, handle)
    // Closing the zipfile releases the reader, which closes the file.
    return await yauzl.fromRandomAccessReaderPromise(reader, zipLength(tail, size), {
      ...options,
      autoClose: false
    })
  } catch (err) {
    await handle.close()
    throw err
  }
}

let FileReader: (new (handle: FileHandle) => RandomAccessReader) | undefined

/**
 * A yauzl reader of an open file (yauzl's own takes its size from the file, not from us). Its
 * streams read with positions: a destroyed fs stream would close the file under the others.
 */
function fileReader(yauzl: Yauzl, handle: FileHandle): RandomAccessReader {
  FileReader ??= class extends yauzl.RandomAccessReader {
    readonly #handle: FileHandle
    constructor(file: FileHandle) {
      super()
      this.#handle = file
    }
    override _readStreamForRange(start: number, end: number): Readable {
      return Readable.from(readRange(this.#handle, start, end), { objectMode: false })
    }
    override close(callback: (err: Error | null) => void): void {
      this.#handle.close().then(() => callback(null), callback)
    }
  }
  return new FileReader(handle)
}

/** Bytes `start` to `end` (exclusive) of the file, a chunk at a time; fewer at its end. */
async function* readRange(handle: FileHandle, start: number, end: number): AsyncGenerator<Buffer> {
  for (let position = start; position < end;) {
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, end - position))
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position)
    if (bytesRead === 0) return // yauzl reports the missing bytes
    position += bytesRead
    yield chunk.subarray(0, bytesRead)
  }
}
