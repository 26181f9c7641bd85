// The transparency log as the go command's checksum database client uses it: RFC 6962 hashing,
// height-8 hash tiles, checking records and tree growth against a signed tree, /lookup answers.
export {
  EMPTY_TREE_HASH,
  HASH_SIZE,
  MAX_TREE_SIZE,
  nodeHash,
  recordHash,
  splitStoredHashIndex,
  storedHashCount,
  storedHashIndex,
  storedHashes,
  subtreeIndexes,
  treeHash
} from './tlog-hash.js'
export {
  TILE_HEIGHT,
  hashFromTile,
  newTiles,
  parseTilePath,
  readTileData,
  tileForIndex,
  tileHash,
  tileInTree,
  tilePath
} from './tiles.js'
export type { Tile } from './tiles.js'
export { tilesForProof, verifyConsistency, verifyRecordsInTree } from './tlog-proof.js'
export { parseLookup, parseRecordLines } from './tlog-record.js'
export type { LookupAnswer } from './tlog-record.js'
