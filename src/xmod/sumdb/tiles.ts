// Hash tiles (x/mod sumdb/tlog tile.go): a tile of height H at level L, number N lists W
// consecutive hashes of tree level H·L starting at hash N·2^H; W = 2^H is a full tile, fewer is
// the partial tile at the right edge. Level -1 ("data") holds the records themselves.
import { SumdbError } from './errors.js'
import { quote } from '../../gostd/strings.js'
import {
  HASH_SIZE,
  nodeHash,
  shiftDown,
  splitStoredHashIndex,
  storedHashIndex
} from './tlog-hash.js'

/** The tile height the go command reads. */
export const TILE_HEIGHT = 8

export interface Tile {
  height: number
  level: number
  n: number
  width: number
}

const MAX_HEIGHT = 30
const PATH_GROUP = 1000
const TILE_PATH = /^tile\/([0-9]+)\/(data|[0-9]+)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([0-9]+))?$/

function threeDigits(n: number): string {
  return String(n % PATH_GROUP).padStart(3, '0')
}

/** "tile/H/L/NNN[.p/W]", N in groups of three digits with "x" before all but the last group. */
export function tilePath(tile: Tile): string {
  let rest = tile.n
  let digits = threeDigits(rest)
  while (rest >= PATH_GROUP) {
    rest = Math.floor(rest / PATH_GROUP)
    digits = `x${threeDigits(rest)}/${digits}`
  }
  const partial = tile.width === 2 ** tile.height ? '' : `.p/${tile.width}`
  const level = tile.level === -1 ? 'data' : String(tile.level)
  return `tile/${tile.height}/${level}/${digits}${partial}`
}

function badPath(path: string): SumdbError {
  return new SumdbError('bad-tile', `malformed tile path ${quote(path)}`)
}

/** The inverse of tilePath; only the canonical spelling of a tile is accepted, as in Go. */
export function parseTilePath(path: string): Tile & { data: boolean } {
  const match = TILE_PATH.exec(path)
  if (!match) throw badPath(path)
  const [, heightText, levelText, digits, widthText] = match
  const height = Number(heightText)
  if (height < 1 || height > MAX_HEIGHT) throw badPath(path)
  const data = levelText === 'data'
  const n = digits
    .split('/')
    .reduce((sum, group) => sum * PATH_GROUP + Number(group.replace('x', '')), 0)
  const width = widthText === undefined ? 2 ** height : Number(widthText)
  if (!Number.isSafeInteger(n) || width < 1 || width > 2 ** height) throw badPath(path)
  const tile = { height, level: data ? -1 : Number(levelText), n, width }
  // Leading zeros, an empty "x000" group or ".p/2^H" are not the canonical form.
  if (tilePath(tile) !== path) throw badPath(path)
  return { ...tile, data }
}

// The tile of least width that stores `index`, and where that hash's subtree lies in its data.
function locate(height: number, index: number): { tile: Tile; start: number; end: number } {
  const { level, n } = splitStoredHashIndex(index)
  const tileLevel = Math.floor(level / height)
  const levelInTile = level - tileLevel * height
  const tileN = shiftDown(n * 2 ** levelInTile, height)
  const nInTile = n - tileN * 2 ** (height - levelInTile)
  const width = (nInTile + 1) * 2 ** levelInTile
  const tile = { height, level: tileLevel, n: tileN, width }
  return { tile, start: nInTile * 2 ** levelInTile * HASH_SIZE, end: width * HASH_SIZE }
}

/** The tile of least width that stores the hash with this stored hash index. */
export function tileForIndex(height: number, index: number): Tile {
  return locate(height, index).tile
}

/** The hash of the complete subtree whose leaves are the hashes in `data` (2^k of them). */
export function tileHash(data: Buffer): Buffer {
  if (data.length === HASH_SIZE) return data
  const half = data.length / 2
  return nodeHash(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)))
}

/** The hash with stored index `index`, read from `tile` (tileForIndex's tile or a wider one). */
export function hashFromTile(tile: Tile, data: Buffer, index: number): Buffer {
  const fullWidth = 2 ** tile.height
  const badWidth = tile.width < 1 || tile.width > fullWidth
  if (tile.height < 1 || tile.height > MAX_HEIGHT || tile.level < 0 || badWidth) {
    throw new RangeError(`invalid tile ${tilePath(tile)}`)
  }
  if (data.length < tile.width * HASH_SIZE) {
    throw new SumdbError(
      'bad-tile',
      `tile ${tilePath(tile)} has ${data.length} bytes, want ${tile.width * HASH_SIZE}`
    )
  }
  const { tile: home, start, end } = locate(tile.height, index)
  if (home.level !== tile.level || home.n !== tile.n || home.width > tile.width) {
    throw new RangeError(`hash index ${index} is in ${tilePath(home)}, not ${tilePath(tile)}`)
  }
  return tileHash(data.subarray(start, end))
}

/**
 * The tile `levelsUp` tile levels above `tile` (0: the tile itself), as wide as a tree of
 * `treeSize` records fills it; undefined if that tree has no hashes there.
 */
export function tileInTree(tile: Tile, levelsUp: number, treeSize: number): Tile | undefined {
  const level = tile.level + levelsUp
  const n = shiftDown(tile.n, levelsUp * tile.height)
  const available = shiftDown(treeSize, level * tile.height)
  const first = n * 2 ** tile.height
  if (first >= available) return undefined
  return { height: tile.height, level, n, width: Math.min(2 ** tile.height, available - first) }
}

/** The tiles a server publishes when its log grows from `oldTreeSize` to `newTreeSize`. */
export function newTiles(height: number, oldTreeSize: number, newTreeSize: number): Tile[] {
  const tiles: Tile[] = []
  const full = 2 ** height
  for (let level = 0; shiftDown(newTreeSize, height * level) > 0; level++) {
    const oldCount = shiftDown(oldTreeSize, height * level)
    const newCount = shiftDown(newTreeSize, height * level)
    if (oldCount === newCount) continue
    for (let n = shiftDown(oldCount, height); n < shiftDown(newCount, height); n++) {
      tiles.push({ height, level, n, width: full })
    }
    const last = shiftDown(newCount, height)
    const width = newCount - last * full
    if (width > 0) tiles.push({ height, level, n: last, width })
  }
  return tiles
}

/** A hash tile's bytes, from the log's stored hashes (what a server sends for tilePath(tile)). */
export function readTileData(tile: Tile, readHashes: (indexes: number[]) => Buffer[]): Buffer {
  const first = tile.n * 2 ** tile.height
  const indexes = Array.from({ length: tile.width }, (_, i) =>
    storedHashIndex(tile.height * tile.level, first + i)
  )
  const hashes = readHashes(indexes)
  if (hashes.length !== indexes.length) {
    throw new Error(`readTileData: asked for ${indexes.length} hashes, got ${hashes.length}`)
  }
  return Buffer.concat(hashes)
}
