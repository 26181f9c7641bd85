// Checks a module zip the way the go command does before it trusts one: x/mod zip's CheckZip
// rules and limits, and the h1: hash of every entry (modfetch hashZip → dirhash.HashZip).
// Nothing in the zip's headers is trusted: sizes are counted as the bytes are inflated.
import { messageOf } from '../logger.js'
import type { ZipProblem } from './zipnames.js'
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import type { Entry, ZipFile } from 'yauzl'
import { Hash1Builder, sha256Hex } from './sumdb/dirhash.js'
import { checkEntryName, CollisionChecker } from './zipnames.js'
import { consume, LimitReached, nextEntry, openEntry } from './zip-entries.js'
import { openZip, type ZipSource } from './zip-open.js'

export interface ZipLimits {
  /** Total bytes of all entries once inflated. */
  maxUncompressed: number
  /** Bytes of the root go.mod and of the root LICENSE, each. */
  maxGoModOrLicense: number
  /** Entries in the central directory (Go sets no such limit). */
  maxEntries?: number
  /** Bytes of the zip file itself. */
  maxZipBytes?: number
}

/** x/mod zip's MaxZipFile: the most bytes of a module zip, and of its content once inflated. */
export const MAX_ZIP_FILE = 500 << 20

/** x/mod zip's limits: MaxZipFile for the zip and its content, MaxGoMod and MaxLICENSE. */
export const GO_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxUncompressed: MAX_ZIP_FILE,
  maxGoModOrLicense: 16 << 20,
  maxZipBytes: MAX_ZIP_FILE
})

export type { ZipProblem }

export type { ZipSource }

export interface ZipCheck {
  ok: boolean
  problems: ZipProblem[]
  /** File entries seen (directory entries not counted). */
  files: number
  /** Bytes actually inflated. */
  uncompressedBytes: number
  /** The go command's hash of the zip; set when every entry could be read within the limits. */
  h1?: string
  /** Content of `<path>@<version>/go.mod`, when the zip has one. */
  goMod?: Buffer
}

/** One entry's contribution to the hash: its raw name and the SHA-256 of its content. */
interface HashedEntry {
  name: Buffer
  sha256hex: string
}

/** The running state of one check. */
interface Scan {
  readonly prefix: string
  readonly limits: ZipLimits
  readonly signal?: AbortSignal
  readonly problems: ZipProblem[]
  readonly collisions: CollisionChecker
  readonly hashed: HashedEntry[]
  files: number
  declaredBytes: number
  uncompressedBytes: number
  /** False once a limit is exceeded or an entry cannot be read: names are still checked. */
  reading: boolean
  goMod?: Buffer
}

const EMPTY_SHA256 = sha256Hex(Buffer.alloc(0))
const DATA_DESCRIPTOR_FLAG = 0x8

/**
 * yauzl, loaded with the first zip (a chunk of the bundle of its own): a run that reads none (a
 * warm cache, `checks: quick`) never loads it.
 */
export async function loadZipReader(): Promise<typeof import('yauzl')> {
  return (await import('yauzl')).default
}

/**
 * Checks `zip` (in memory or on disk) as the module zip of `path`@`version` (both unescaped). Bad
 * input never throws: it is reported in `problems` (bytes that are not a zip give 'bad-zip').
 * Rejects only with `signal.reason` when `signal` aborts, or when the reader cannot be loaded.
 */
export async function checkModuleZip(
  zip: ZipSource,
  path: string,
  version: string,
  limits: ZipLimits,
  signal?: AbortSignal
): Promise<ZipCheck> {
  signal?.throwIfAborted()
  const scan: Scan = {
    prefix: `${path}@${version}/`,
    limits,
    signal,
    problems: [],
    collisions: new CollisionChecker(),
    hashed: [],
    files: 0,
    declaredBytes: 0,
    uncompressedBytes: 0,
    reading: true
  }
  const bytes = Buffer.isBuffer(zip) ? zip.length : (await stat(zip.file)).size
  if (limits.maxZipBytes !== undefined && bytes > limits.maxZipBytes) {
    const message = `module zip file is too large (${bytes} bytes; limit is ${limits.maxZipBytes} bytes)`
    return result(scan, { code: 'too-large', message })
  }
  const yauzl = await loadZipReader()
  let zipfile: ZipFile
  try {
    const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }
    zipfile = await openZip(yauzl, zip, options)
  } catch (err) {
    return result(scan, { code: 'bad-zip', message: `not a valid zip file: ${messageOf(err)}` })
  }
  // Errors outside a read are not ours to report (reads report their own); never let one crash.
  zipfile.on('error', () => {})
  try {
    if (limits.maxEntries !== undefined && zipfile.entryCount > limits.maxEntries) {
      const message = `zip has ${zipfile.entryCount} entries (limit is ${limits.maxEntries})`
      return result(scan, { code: 'too-many-entries', message })
    }
    await scanEntries(zipfile, scan)
    return result(scan)
  } finally {
    zipfile.close()
  }
}

function result(scan: Scan, problem?: ZipProblem): ZipCheck {
  if (problem !== undefined) {
    scan.problems.push(problem)
    scan.reading = false
  }
  return {
    ok: scan.problems.length === 0,
    problems: scan.problems,
    files: scan.files,
    uncompressedBytes: scan.uncompressedBytes,
    h1: scan.reading ? hashEntries(scan.hashed) : undefined,
    goMod: scan.reading ? scan.goMod : undefined
  }
}

/**
 * Go's HashZip hashes every entry, directories included, by its full name; when a name occurs
 * twice its file map keeps the last entry, so every line for that name uses the last content.
 * A name with a newline makes Go's hash fail, so there is no hash (the name is reported anyway).
 */
function hashEntries(hashed: readonly HashedEntry[]): string | undefined {
  if (hashed.some(entry => entry.name.includes(0x0a))) return undefined
  const key = (name: Buffer): string => name.toString('latin1') // one string per byte sequence
  const last = new Map(hashed.map(entry => [key(entry.name), entry.sha256hex]))
  const builder = new Hash1Builder()
  for (const { name, sha256hex } of hashed) builder.add(name, last.get(key(name)) ?? sha256hex)
  return builder.digest()
}

async function scanEntries(zipfile: ZipFile, scan: Scan): Promise<void> {
  for (;;) {
    scan.signal?.throwIfAborted()
    let entry: Entry | undefined
    try {
      entry = await nextEntry(zipfile, scan.signal)
    } catch (err) {
      scan.signal?.throwIfAborted()
      failRead(scan, { code: 'bad-zip', message: `not a valid zip file: ${messageOf(err)}` })
      return
    }
    if (entry === undefined) return
    await scanEntry(zipfile, entry, scan)
  }
}

async function scanEntry(zipfile: ZipFile, entry: Entry, scan: Scan): Promise<void> {
  const named = checkEntryName(entry.fileNameRaw, scan.prefix, scan.collisions)
  const isDir = entry.fileNameRaw.at(-1) === 0x2f // '/': Go's test for a directory entry
  const file = entry.fileNameRaw.toString()
  if (named !== null && 'code' in named) scan.problems.push(named)
  if (!isDir) scan.files++
  const rel = named !== null && !('code' in named) ? named.rel : undefined
  checkDeclaredSize(scan, file, rel, entry.uncompressedSize)
  if (!scan.reading) return
  if (isDir) {
    if (entry.uncompressedSize !== 0) {
      const message = `${file}: directory entry has ${entry.uncompressedSize} bytes of data`
      return failRead(scan, { code: 'bad-zip', file, message })
    }
    scan.hashed.push({ name: entry.fileNameRaw, sha256hex: EMPTY_SHA256 })
    return
  }
  await readEntry(zipfile, entry, scan, file, rel)
}

/** x/mod's limits on the sizes the headers declare: the total, the root go.mod and LICENSE. */
function checkDeclaredSize(scan: Scan, file: string, rel: string | undefined, size: number): void {
  const { maxUncompressed, maxGoModOrLicense } = scan.limits
  scan.declaredBytes += size
  if (scan.declaredBytes > maxUncompressed && scan.reading) {
    failRead(scan, totalTooLarge(maxUncompressed))
  }
  if (hasOwnLimit(rel) && size > maxGoModOrLicense) {
    failRead(scan, fileTooLarge(file, rel, maxGoModOrLicense))
  }
}

function hasOwnLimit(rel: string | undefined): rel is 'go.mod' | 'LICENSE' {
  return rel === 'go.mod' || rel === 'LICENSE'
}

function totalTooLarge(max: number): ZipProblem {
  const message = `total uncompressed size of module contents too large (max size is ${max} bytes)`
  return { code: 'too-large', message }
}

function fileTooLarge(file: string, rel: string, max: number): ZipProblem {
  return {
    code: 'too-large',
    file,
    message: `${file}: ${rel} file too large (max size is ${max} bytes)`
  }
}

/** Records a problem after which the content is no longer read (so there will be no hash). */
function failRead(scan: Scan, problem: ZipProblem): void {
  scan.problems.push(problem)
  scan.reading = false
}

/**
 * Streams one entry through SHA-256 and CRC-32, counting the inflated bytes against the limits
 * again (yauzl also stops an entry that inflates past its declared size). Keeps go.mod's bytes.
 */
async function readEntry(
  zipfile: ZipFile,
  entry: Entry,
  scan: Scan,
  file: string,
  rel: string | undefined
): Promise<void> {
  const { maxUncompressed, maxGoModOrLicense } = scan.limits
  const sha = createHash('sha256')
  // yauzl has loaded zlib by now; a static import would load it for runs that read no zip.
  const { crc32 } = process.getBuiltinModule('node:zlib')
  const kept: Buffer[] = []
  let crc = 0
  let size = 0
  try {
    const stream = await openEntry(zipfile, entry)
    await consume(stream, scan.signal, chunk => {
      size += chunk.length
      scan.uncompressedBytes += chunk.length
      sha.update(chunk)
      crc = crc32(chunk, crc)
      if (rel === 'go.mod') kept.push(chunk)
      if (scan.uncompressedBytes > maxUncompressed) return totalTooLarge(maxUncompressed)
      if (hasOwnLimit(rel) && size > maxGoModOrLicense) {
        return fileTooLarge(file, rel, maxGoModOrLicense)
      }
      return undefined
    })
  } catch (err) {
    scan.signal?.throwIfAborted()
    if (err instanceof LimitReached) return failRead(scan, err.problem)
    return failRead(scan, { code: 'bad-zip', file, message: `${file}: ${messageOf(err)}` })
  }
  // As Go's zip reader: a CRC of 0 without a data descriptor means "not recorded".
  const crcRecorded =
    entry.crc32 !== 0 || (entry.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) !== 0
  if (crcRecorded && crc >>> 0 !== entry.crc32 >>> 0) {
    return failRead(scan, { code: 'bad-zip', file, message: `${file}: zip: checksum error` })
  }
  scan.hashed.push({ name: entry.fileNameRaw, sha256hex: sha.digest('hex') })
  if (rel === 'go.mod') scan.goMod = Buffer.concat(kept)
}
