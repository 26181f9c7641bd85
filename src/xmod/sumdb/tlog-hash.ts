// RFC 6962 Merkle tree hashing and the dense "stored hash index" order in which x/mod's tlog
// keeps every complete subtree hash (Crosby & Wallach, §3.3). Sizes are JavaScript numbers, so
// the arithmetic avoids 32-bit bit operators.
import { createHash } from 'node:crypto'

export const HASH_SIZE = 32

/**
 * The largest tree we handle. Stored hash indexes reach about twice the tree size and must stay
 * exact as numbers; real logs are many orders of magnitude smaller.
 */
export const MAX_TREE_SIZE = 2 ** 50

/** The root hash of the empty tree: SHA-256 of nothing. */
export const EMPTY_TREE_HASH = createHash('sha256').digest()

const LEAF_PREFIX = Buffer.of(0x00)
const NODE_PREFIX = Buffer.of(0x01)

/** SHA-256(0x00 ‖ data): the leaf hash of a record. */
export function recordHash(data: Buffer): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest()
}

/** SHA-256(0x01 ‖ left ‖ right): an interior node. */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest()
}

/** floor(x / 2^k) for non-negative integers beyond 32 bits. */
export function shiftDown(x: number, k: number): number {
  return Math.floor(x / 2 ** k)
}

function trailingOnes(n: number): number {
  let count = 0
  for (let x = n; x % 2 === 1; x = shiftDown(x, 1)) count++
  return count
}

/** Where the hash of node `n` at `level` sits in the dense storage order. */
export function storedHashIndex(level: number, n: number): number {
  // Node (level, n) is stored right after node (level-1, 2n+1), its right child.
  let leaf = n
  for (let l = level; l > 0; l--) leaf = 2 * leaf + 1
  // Leaf m is stored after m + m/2 + m/4 + ... hashes.
  let index = 0
  for (let m = leaf; m > 0; m = shiftDown(m, 1)) index += m
  return index + level
}

/** The inverse of storedHashIndex. */
export function splitStoredHashIndex(index: number): { level: number; n: number } {
  // Leaf n's index is below 2n, so the leaf stored last before `index` is at most a few past index/2.
  let n = shiftDown(index, 1)
  let leafIndex = storedHashIndex(0, n)
  for (;;) {
    // Writing leaf n stores the leaf hash plus one hash per subtree it completes.
    const next = leafIndex + 1 + trailingOnes(n)
    if (next > index) break
    n++
    leafIndex = next
  }
  const level = index - leafIndex
  return { level, n: shiftDown(n, level) }
}

/** How many hashes a log of `size` records stores. */
export function storedHashCount(size: number): number {
  return size === 0 ? 0 : storedHashIndex(0, size - 1) + 1 + trailingOnes(size - 1)
}

/**
 * The hashes to store, from index storedHashIndex(0, n) on, when appending record `n`: its leaf
 * hash, then one hash per subtree it completes (reading the left siblings through `hashAt`).
 */
export function storedHashes(n: number, data: Buffer, hashAt: (index: number) => Buffer): Buffer[] {
  let hash = recordHash(data)
  const hashes = [hash]
  for (let level = 0; level < trailingOnes(n); level++) {
    hash = nodeHash(hashAt(storedHashIndex(level, shiftDown(n, level) - 1)), hash)
    hashes.push(hash)
  }
  return hashes
}

/**
 * The stored indexes of the complete subtrees that make up the first `size` records, largest
 * (leftmost) first: the hashes from which the tree's RFC 6962 root is folded.
 */
export function subtreeIndexes(size: number): number[] {
  const indexes: number[] = []
  for (let start = 0; start < size;) {
    let level = 0
    while (2 ** (level + 1) <= size - start) level++
    indexes.push(storedHashIndex(level, start / 2 ** level))
    start += 2 ** level
  }
  return indexes
}

/** Folds the subtree hashes of subtreeIndexes (in that order) into one hash, right to left. */
export function foldSubtreeHashes(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_TREE_HASH
  let hash = hashes[hashes.length - 1]
  for (let i = hashes.length - 2; i >= 0; i--) hash = nodeHash(hashes[i], hash)
  return hash
}

/** The root hash of the first `size` records, from stored hashes read in one call. */
export function treeHash(size: number, readHashes: (indexes: number[]) => Buffer[]): Buffer {
  if (size === 0) return EMPTY_TREE_HASH
  const indexes = subtreeIndexes(size)
  const hashes = readHashes(indexes)
  if (hashes.length !== indexes.length) {
    throw new Error(`treeHash: asked for ${indexes.length} hashes, got ${hashes.length}`)
  }
  return foldSubtreeHashes(hashes)
}
