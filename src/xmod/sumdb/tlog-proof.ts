// Checking a signed tree with hash tiles, as the go command's sumdb client does: the tiles that
// hold the tree's complete-subtree hashes must fold into the signed root; every other tile must
// hash to the entry its parent tile holds. Only then is a hash read from a tile trusted.
// The caller fetches the tiles (tilesForProof says which) and hands them in by tilePath.
import { SumdbError } from './errors.js'
import type { Tree } from './note-tree.js'
import {
  EMPTY_TREE_HASH,
  HASH_SIZE,
  foldSubtreeHashes,
  recordHash,
  storedHashIndex,
  subtreeIndexes
} from './tlog-hash.js'
import { TILE_HEIGHT, hashFromTile, tileForIndex, tileHash, tileInTree, tilePath } from './tiles.js'
import type { Tile } from './tiles.js'

interface TilePlan {
  rootIndexes: number[]
  /** The tiles to read; each tile comes after the tile holding its parent hash. */
  tiles: Tile[]
  /** The first rootTileCount tiles hold the root's subtree hashes. */
  rootTileCount: number
}

// The tile, as wide as the tree fills it, that holds the hash with this stored index.
function homeTile(index: number, treeSize: number): Tile {
  const tile = tileInTree(tileForIndex(TILE_HEIGHT, index), 0, treeSize)
  if (!tile) throw new RangeError(`hash index ${index} is not in a tree of size ${treeSize}`)
  return tile
}

// From each target's home tile, climb to the first tile already planned: every tile passed on
// the way is full and is authenticated by the hash its parent tile holds for it.
function planTiles(treeSize: number, targets: number[]): TilePlan {
  const tiles: Tile[] = []
  const planned = new Set<string>()
  const add = (tile: Tile): void => {
    if (!planned.has(tilePath(tile))) {
      planned.add(tilePath(tile))
      tiles.push(tile)
    }
  }
  const rootIndexes = subtreeIndexes(treeSize)
  for (const index of rootIndexes) add(homeTile(index, treeSize))
  const rootTileCount = tiles.length
  for (const index of targets) {
    const base = tileForIndex(TILE_HEIGHT, index)
    const chain: Tile[] = []
    for (let up = 0; ; up++) {
      const tile = tileInTree(base, up, treeSize)
      if (!tile) throw new RangeError(`hash index ${index} is not in a tree of size ${treeSize}`)
      if (planned.has(tilePath(tile))) break
      chain.push(tile)
    }
    chain.reverse().forEach(add)
  }
  return { rootIndexes, tiles, rootTileCount }
}

function tileBytes(tile: Tile, tiles: Map<string, Buffer>): Buffer {
  const path = tilePath(tile)
  const data = tiles.get(path)
  if (!data) throw new SumdbError('bad-tile', `missing tile ${path}`)
  if (data.length !== tile.width * HASH_SIZE) {
    throw new SumdbError(
      'bad-tile',
      `tile ${path} has ${data.length} bytes, want ${tile.width * HASH_SIZE}`
    )
  }
  return data
}

// Authenticates the planned tiles against the signed tree; returns a reader of trusted hashes.
function authenticateTiles(
  tree: Tree,
  plan: TilePlan,
  tiles: Map<string, Buffer>
): (index: number) => Buffer {
  const data = new Map(plan.tiles.map(tile => [tilePath(tile), tileBytes(tile, tiles)]))
  const readFrom = (tile: Tile, index: number): Buffer =>
    hashFromTile(tile, data.get(tilePath(tile)) as Buffer, index)
  const read = (index: number): Buffer => readFrom(homeTile(index, tree.size), index)

  const root = foldSubtreeHashes(plan.rootIndexes.map(read))
  if (!root.equals(tree.hash)) {
    const paths = plan.tiles.slice(0, plan.rootTileCount).map(tilePath).join(', ')
    throw new SumdbError(
      'bad-tree',
      `downloaded inconsistent tile: ${paths} do not hash to the signed root ` +
        `${tree.hash.toString('base64')} of the tree of size ${tree.size}`
    )
  }
  for (const tile of plan.tiles.slice(plan.rootTileCount)) {
    const parent = tileInTree(tile, 1, tree.size) as Tile
    const expected = readFrom(parent, storedHashIndex(parent.level * parent.height, tile.n))
    if (!tileHash(data.get(tilePath(tile)) as Buffer).equals(expected)) {
      throw new SumdbError(
        'bad-tree',
        `downloaded inconsistent tile: ${tilePath(tile)} does not hash to the entry for it in ` +
          `${tilePath(parent)} in the signed tree of size ${tree.size}`
      )
    }
  }
  return read
}

function checkRecordId(id: number, treeSize: number): void {
  if (!Number.isSafeInteger(id) || id < 0 || id >= treeSize) {
    throw new SumdbError('bad-record', `cannot validate record ${id} in tree of size ${treeSize}`)
  }
}

function checkOrder(older: Tree | undefined, newerSize: number): void {
  if (older && older.size > newerSize) {
    throw new RangeError(`older tree (size ${older.size}) is larger than the newer (${newerSize})`)
  }
}

// The older tree's subtree hashes that must be read from the newer tree; none when the sizes
// alone settle it (an empty older tree, or equal sizes).
function olderTargets(older: Tree | undefined, newerSize: number): number[] {
  if (!older || older.size === 0 || older.size === newerSize) return []
  return subtreeIndexes(older.size)
}

/**
 * Every tile needed to authenticate a tree of `treeSize` records, read the leaf hash of each of
 * `recordIds`, and prove `olderTree` a prefix of it: the tiles the go command would fetch.
 */
export function tilesForProof(treeSize: number, recordIds: number[], olderTree?: Tree): Tile[] {
  recordIds.forEach(id => checkRecordId(id, treeSize))
  checkOrder(olderTree, treeSize)
  const targets = recordIds.map(id => storedHashIndex(0, id))
  return planTiles(treeSize, [...targets, ...olderTargets(olderTree, treeSize)]).tiles
}

/** Checks that each record is the leaf with its id in the signed tree, using the given tiles. */
export function verifyRecordsInTree(
  tree: Tree,
  records: { id: number; data: Buffer }[],
  tiles: Map<string, Buffer>
): void {
  records.forEach(record => checkRecordId(record.id, tree.size))
  const leaves = records.map(record => storedHashIndex(0, record.id))
  const read = authenticateTiles(tree, planTiles(tree.size, leaves), tiles)
  records.forEach((record, i) => {
    if (!read(leaves[i]).equals(recordHash(record.data))) {
      throw new SumdbError(
        'not-in-tree',
        `cannot authenticate record data in server response: record ${record.id} is not ` +
          `the leaf the signed tree of size ${tree.size} holds`
      )
    }
  })
}

function forkError(older: Tree, newer: Tree, olderHashInNewer: Buffer): SumdbError {
  return new SumdbError(
    'fork',
    'SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n' +
      `old database: tree of size ${older.size}, hash ${older.hash.toString('base64')}\n` +
      `new database: tree of size ${newer.size}, hash ${newer.hash.toString('base64')}\n` +
      `proof of misbehavior: the new tree's hash of its first ${older.size} records is ` +
      olderHashInNewer.toString('base64')
  )
}

/** Checks that `older` is a prefix of `newer` (equal sizes must have equal hashes). */
export function verifyConsistency(older: Tree, newer: Tree, tiles: Map<string, Buffer>): void {
  checkOrder(older, newer.size)
  const targets = olderTargets(older, newer.size)
  let hashInNewer: Buffer
  if (older.size === newer.size) {
    hashInNewer = newer.hash
  } else if (older.size === 0) {
    hashInNewer = EMPTY_TREE_HASH
  } else {
    const read = authenticateTiles(newer, planTiles(newer.size, targets), tiles)
    hashInNewer = foldSubtreeHashes(targets.map(read))
  }
  if (!hashInNewer.equals(older.hash)) throw forkError(older, newer, hashInNewer)
}
