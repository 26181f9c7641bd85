// A checksum-database log built in memory for the tests, plus an independent RFC 6962 root
// computed the textbook recursive way (not through stored hash indexes).
import { createHash } from 'node:crypto'
import type { Tree } from '../../src/xmod/sumdb/note.js'
import { readTileData, storedHashes, tilePath, treeHash } from '../../src/xmod/sumdb/tlog.js'
import type { Tile } from '../../src/xmod/sumdb/tlog.js'

export interface TestLog {
  records: Buffer[]
  hashes: Buffer[]
  /** The signed-tree view of the first `size` records. */
  tree(size: number): Tree
  /** The bytes a server sends for each tile, keyed by tile path. */
  tiles(tiles: Tile[]): Map<string, Buffer>
}

/** Record i of the test logs; with no salt, the records the Go reference values were built on. */
export function recordText(i: number, salt = ''): Buffer {
  return Buffer.from(`record ${salt}${i}\n`)
}

export function buildLog(size: number, record: (i: number) => Buffer = recordText): TestLog {
  const records: Buffer[] = []
  const hashes: Buffer[] = []
  for (let i = 0; i < size; i++) {
    records.push(record(i))
    hashes.push(...storedHashes(i, records[i], index => hashes[index]))
  }
  const read = (indexes: number[]): Buffer[] => indexes.map(index => hashes[index])
  return {
    records,
    hashes,
    tree: treeSize => ({ size: treeSize, hash: treeHash(treeSize, read) }),
    tiles: tiles => new Map(tiles.map(tile => [tilePath(tile), readTileData(tile, read)]))
  }
}

function sha256(...parts: Buffer[]): Buffer {
  const hash = createHash('sha256')
  parts.forEach(part => hash.update(part))
  return hash.digest()
}

/** RFC 6962 §2.1 MTH over leaves [lo, hi), straight from the definition. */
export function naiveRoot(records: Buffer[], lo = 0, hi = records.length): Buffer {
  if (hi === lo) return sha256()
  if (hi - lo === 1) return sha256(Buffer.of(0), records[lo])
  let k = 1
  while (k * 2 < hi - lo) k *= 2
  return sha256(Buffer.of(1), naiveRoot(records, lo, lo + k), naiveRoot(records, lo + k, hi))
}
