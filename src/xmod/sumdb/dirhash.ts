// The "h1:" directory hash of golang.org/x/mod/sumdb/dirhash, as recorded in go.sum and the
// checksum database: SHA-256 over the lines "<hex sha256 of content>  <name>\n", names sorted.
import { createHash } from 'node:crypto'

/** A file name the h1 summary cannot represent (Go refuses names with a newline). */
export class DirHashError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DirHashError'
  }
}

const NEWLINE = 0x0a
const HEX_SHA256 = /^[0-9a-f]{64}$/

/** The SHA-256 of some bytes as lower-case hex, the form a Hash1 line carries. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Builds an h1 hash one file at a time, so a zip reader can stream each entry through SHA-256
 * and keep only its digest. Names are sorted by their UTF-8 bytes (Go's string order), not by
 * JavaScript's UTF-16 order; a name given as bytes is used as is (zip names need not be UTF-8).
 */
export class Hash1Builder {
  private readonly lines: { name: Buffer; sha256hex: string }[] = []

  add(name: string | Uint8Array, sha256hex: string): void {
    const bytes = typeof name === 'string' ? Buffer.from(name, 'utf8') : Buffer.from(name)
    if (bytes.includes(NEWLINE)) {
      throw new DirHashError(
        `dirhash: filenames with newlines are not supported: ${JSON.stringify(bytes.toString())}`
      )
    }
    if (!HEX_SHA256.test(sha256hex)) {
      throw new DirHashError(`dirhash: not a lower-case hex SHA-256: ${JSON.stringify(sha256hex)}`)
    }
    this.lines.push({ name: bytes, sha256hex })
  }

  digest(): string {
    const sorted = [...this.lines].sort((a, b) => Buffer.compare(a.name, b.name))
    const summary = createHash('sha256')
    for (const { name, sha256hex } of sorted) {
      summary.update(`${sha256hex}  `)
      summary.update(name)
      summary.update('\n')
    }
    return 'h1:' + summary.digest('base64')
  }
}

/** Go's dirhash.Hash1 over files held in memory. */
export function hash1(files: readonly { name: string; data: Uint8Array }[]): string {
  const builder = new Hash1Builder()
  for (const { name, data } of files) builder.add(name, sha256Hex(data))
  return builder.digest()
}

/** The go.sum hash of a go.mod file (recorded under `<version>/go.mod`), as the go command's goModSum. */
export function hashGoMod(gomod: Uint8Array): string {
  return hash1([{ name: 'go.mod', data: gomod }])
}
