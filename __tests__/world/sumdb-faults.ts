// How a misbehaving checksum database bends its answers: the signed tree note, the record a
// lookup returns and the tile bytes. The HTTP-level faults (hang, slow, status-500, not-found)
// and the fork are decided by the server itself.
import { createHash } from 'node:crypto'
import { formatTreeNote, signNote } from '../../src/xmod/sumdb/note.js'
import type { Signer } from '../../src/xmod/sumdb/note.js'
import { HASH_SIZE, parseTilePath, tilePath } from '../../src/xmod/sumdb/tlog.js'
import type { MemoryLog } from './sumdb-log.js'

/**
 * - `hang` never answers; `slow` answers after the world's delayMs; `status-500` answers 500
 * - `bad-signature`: our name and key hash, a signature by another key; `unknown-key`: signed by
 *   another key of the same name
 * - `fork`: once a lookup has been answered honestly, a log one record larger that does not
 *   extend the honest one (self-consistent and correctly signed)
 * - `missing-record`: a lookup's record has another zip hash than the leaf stored at its id
 * - `truncated-tile` drops the last 16 bytes of every tile; `wrong-tile` flips a bit of byte 0
 * - `oversized-note`: ~10 MB of foreign signature lines after ours (100 lines: Go accepts it)
 * - `many-signatures`: 100 foreign signature lines after ours (101: Go rejects it)
 * - `not-found`: every lookup 404 (tiles and /latest still served)
 * - `partial-tile-500`, `partial-tile-403`: every partial hash tile answers that status (full
 *   tiles and data tiles are served)
 * - `short-full-tile`: every partial level-0 tile 404, and a full level-0 tile the log does not
 *   hold yet is served with the hashes it has (a naive mirror)
 */
export type SumdbFault =
  | 'healthy'
  | 'hang'
  | 'slow'
  | 'status-500'
  | 'bad-signature'
  | 'unknown-key'
  | 'fork'
  | 'missing-record'
  | 'truncated-tile'
  | 'wrong-tile'
  | 'oversized-note'
  | 'many-signatures'
  | 'not-found'
  | 'partial-tile-500'
  | 'partial-tile-403'
  | 'short-full-tile'

/** The database's own key and a second key of the same name (a rotated or foreign key). */
export interface DatabaseKeys {
  signer: Signer
  other: Signer
}

// Go stops at 100 signature lines; one more makes the note malformed.
const MANY_SIGNATURES = 101
// Ninety-nine 80 000-byte signatures next to the real one: about 10 MB, but within Go's 100 lines.
const OVERSIZED_LINES = 99
const OVERSIZED_SIGNATURE_BYTES = 80_000

function foreignSignatureLines(count: number, bytes: number, label: string): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    // Well-formed lines by keys nobody knows: a verifier ignores them.
    const sig = Buffer.alloc(bytes, i + 1).toString('base64')
    lines.push(`— ${label}${i}.example ${sig}\n`)
  }
  return lines.join('')
}

let manyLines: Buffer | undefined
let oversizedLines: Buffer | undefined

function extraLines(fault: 'many-signatures' | 'oversized-note'): Buffer {
  if (fault === 'many-signatures') {
    manyLines ??= Buffer.from(foreignSignatureLines(MANY_SIGNATURES - 1, 68, 'other'))
    return manyLines
  }
  oversizedLines ??= Buffer.from(
    foreignSignatureLines(OVERSIZED_LINES, OVERSIZED_SIGNATURE_BYTES, 'bulk')
  )
  return oversizedLines
}

/** The signed tree note of `log` as the database serves it under `fault`. */
export function treeNoteFor(fault: SumdbFault, log: MemoryLog, keys: DatabaseKeys): Buffer {
  switch (fault) {
    case 'bad-signature': {
      // The right name and key hash, but a signature by another private key.
      const impostor = { ...keys.signer, privateKey: keys.other.privateKey }
      return signNote(formatTreeNote(log.tree()), impostor)
    }
    case 'unknown-key':
      return signNote(formatTreeNote(log.tree()), keys.other)
    case 'many-signatures':
    case 'oversized-note':
      return Buffer.concat([log.signedTree(), extraLines(fault)])
    default:
      return log.signedTree()
  }
}

/** The record text a lookup returns: for `missing-record`, one the log does not hold. */
export function recordFor(fault: SumdbFault, record: Buffer): Buffer {
  if (fault !== 'missing-record') return record
  const fake = createHash('sha256').update('a record the log never stored').digest('base64')
  // Swap the zip hash (the first line's); the go.mod line stays as stored.
  return Buffer.from(record.toString('utf8').replace(/ h1:[^\n]*\n/, ` h1:${fake}\n`))
}

/** Tile bytes as the database serves them under `fault`. */
export function tileFor(fault: SumdbFault, data: Buffer): Buffer {
  if (fault === 'truncated-tile') return data.subarray(0, Math.max(0, data.length - HASH_SIZE / 2))
  if (fault === 'wrong-tile') {
    const flipped = Buffer.from(data)
    flipped[0] ^= 0x01
    return flipped
  }
  return data
}

/**
 * What the database answers for the tile at `path` under `fault`, in place of the log's bytes: an
 * HTTP status, other bytes, or undefined to serve the log's. Throws SumdbError on a bad path.
 */
export function tileFault(
  fault: SumdbFault,
  path: string,
  log: MemoryLog
): number | Buffer | undefined {
  const tile = parseTilePath(path)
  const full = 2 ** tile.height
  if (tile.data) return undefined
  if (tile.width < full) {
    if (fault === 'partial-tile-500') return 500
    if (fault === 'partial-tile-403') return 403
    return fault === 'short-full-tile' && tile.level === 0 ? 404 : undefined
  }
  if (fault !== 'short-full-tile' || tile.level !== 0 || log.tile(path)) return undefined
  const held = log.size - tile.n * full
  return held > 0 ? log.tile(tilePath({ ...tile, width: held })) : undefined
}
