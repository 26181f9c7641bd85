import { beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { Tree } from '../../src/xmod/sumdb/note.js'
import {
  EMPTY_TREE_HASH,
  newTiles,
  nodeHash,
  recordHash,
  tilePath,
  tilesForProof,
  verifyConsistency,
  verifyRecordsInTree
} from '../../src/xmod/sumdb/tlog.js'
import { buildLog, naiveRoot, recordText } from './testlog.js'
import { caught } from './vectors.js'
import type { TestLog } from './testlog.js'

const SIZES = [1, 2, 3, 255, 256, 257, 1000, 65536, 70000]

let log: TestLog
// Same size, different records: a server that forked its log.
let forked: TestLog

beforeAll(() => {
  log = buildLog(70000)
  forked = buildLog(1000, i => (i === 137 ? recordText(i, 'forked') : recordText(i)))
})

function idsFor(size: number): number[] {
  return [...new Set([0, 1, 137, 255, 256, 12345, size >> 1, size - 1])].filter(id => id < size)
}

function proveRecords(tree: Tree, ids: number[], source = log): Map<string, Buffer> {
  return source.tiles(tilesForProof(tree.size, ids))
}

describe('hashing', () => {
  it('hashes leaves and nodes as RFC 6962', () => {
    const sha = (hex: string): string =>
      createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')
    expect(recordHash(Buffer.from('ab')).toString('hex')).toBe(sha('006162'))
    const [l, r] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)]
    expect(nodeHash(l, r).toString('hex')).toBe(sha(`01${l.toString('hex')}${r.toString('hex')}`))
    expect(EMPTY_TREE_HASH.toString('base64')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=')
  })

  it.each(SIZES)('builds a log of %d records whose root is the RFC 6962 root', size => {
    expect(log.tree(size).hash.equals(naiveRoot(log.records, 0, size))).toBe(true)
  })

  it('matches the roots x/mod computes for the same records', () => {
    // tlog.TreeHash over tlog.StoredHashes of the same records, "record <i>\n".
    const roots: [number, string][] = [
      [0, '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
      [1, 'hH2/O6WqM8SXbRrP04wkRcdxBnXjSED3frqPG1Slmqo='],
      [3, 'NN1lugKBoC5d4485FURI7Stm1fqIQOgKwtCU4SF6ADo='],
      [257, 'QdJ5V+Qnf4iWgvEVR9xxpPDgVMkVzgEbYXI1DVJk2Kg='],
      [1000, '/OM0wh4QVBZH2yGIJAxlVIH0IqehjKLfQ+JUXW3B0iM='],
      [65537, 'd9SozBjmEAtOFT7v6sp5LqKpM6o8r9CtU1iHCHMGoGI='],
      [70000, 'q9HMCgw+ixVNAypciVz8ZZDQuxUxwzBoB0Bi4V3wbdI=']
    ]
    for (const [size, root] of roots) expect(log.tree(size).hash.toString('base64')).toBe(root)
  })
})

describe('tilesForProof', () => {
  // The tiles x/mod's TileHashReader fetches for the same reads.
  it.each([
    [1, 0, 'tile/8/0/000.p/1'],
    [2, 1, 'tile/8/0/000.p/2'],
    [256, 5, 'tile/8/0/000,tile/8/1/000.p/1'],
    [257, 3, 'tile/8/0/000,tile/8/0/001.p/1,tile/8/1/000.p/1'],
    [1000, 999, 'tile/8/0/003.p/232,tile/8/1/000.p/3'],
    [65536, 100, 'tile/8/0/000,tile/8/1/000,tile/8/2/000.p/1'],
    [
      70000,
      12345,
      'tile/8/0/048,tile/8/0/273.p/112,tile/8/1/000,tile/8/1/001.p/17,tile/8/2/000.p/1'
    ]
  ])('tree %d, record %d: %s', (size, id, paths) => {
    expect(tilesForProof(size, [id]).map(tilePath).sort().join(',')).toBe(paths)
  })

  it.each([
    [1000, 300, 'tile/8/0/001,tile/8/0/003.p/232,tile/8/1/000.p/3'],
    [70000, 256, 'tile/8/0/273.p/112,tile/8/1/000,tile/8/1/001.p/17,tile/8/2/000.p/1'],
    [257, 256, 'tile/8/0/001.p/1,tile/8/1/000.p/1']
  ])('tree %d, older tree %d: %s', (size, olderSize, paths) => {
    const older = { size: olderSize, hash: Buffer.alloc(32) }
    expect(tilesForProof(size, [], older).map(tilePath).sort().join(',')).toBe(paths)
  })

  it('asks only for tiles a server publishes', () => {
    const published = new Set(newTiles(8, 0, 70000).map(tilePath))
    const needed = tilesForProof(70000, idsFor(70000), log.tree(1000)).map(tilePath)
    expect(needed.filter(path => !published.has(path))).toEqual([])
  })

  it('refuses record ids outside the tree', () => {
    expect(caught(() => tilesForProof(1000, [1000])).message).toBe(
      'cannot validate record 1000 in tree of size 1000'
    )
    expect(caught(() => tilesForProof(1000, [-1])).code).toBe('bad-record')
    expect(() => tilesForProof(10, [], log.tree(11))).toThrow(RangeError)
  })
})

describe('verifyRecordsInTree', () => {
  it.each(SIZES)('proves records of a tree of %d', size => {
    const tree = log.tree(size)
    const ids = idsFor(size)
    const records = ids.map(id => ({ id, data: log.records[id] }))
    expect(() => verifyRecordsInTree(tree, records, proveRecords(tree, ids))).not.toThrow()
  })

  it('rejects a record that is not the leaf with its id', () => {
    const tree = log.tree(1000)
    const err = caught(() =>
      verifyRecordsInTree(tree, [{ id: 5, data: log.records[6] }], proveRecords(tree, [5]))
    )
    expect(err.code).toBe('not-in-tree')
    expect(err.message).toBe(
      'cannot authenticate record data in server response: record 5 is not the leaf the signed tree of size 1000 holds'
    )
  })

  it('rejects a record id beyond the tree', () => {
    const tree = log.tree(1000)
    const err = caught(() =>
      verifyRecordsInTree(tree, [{ id: 1000, data: log.records[1000] }], new Map())
    )
    expect([err.code, err.message]).toEqual([
      'bad-record',
      'cannot validate record 1000 in tree of size 1000'
    ])
  })

  it('rejects a missing or truncated tile', () => {
    const tree = log.tree(70000)
    const tiles = proveRecords(tree, [12345])
    const records = [{ id: 12345, data: log.records[12345] }]
    const missing = new Map(tiles)
    missing.delete('tile/8/0/048')
    expect(caught(() => verifyRecordsInTree(tree, records, missing)).message).toBe(
      'missing tile tile/8/0/048'
    )
    const truncated = new Map(tiles)
    truncated.set('tile/8/0/048', (tiles.get('tile/8/0/048') as Buffer).subarray(0, 8160))
    const err = caught(() => verifyRecordsInTree(tree, records, truncated))
    expect([err.code, err.message]).toEqual([
      'bad-tile',
      'tile tile/8/0/048 has 8160 bytes, want 8192'
    ])
  })

  it('rejects any tile altered by one byte', () => {
    const tree = log.tree(70000)
    const ids = [12345, 69999]
    const records = ids.map(id => ({ id, data: log.records[id] }))
    const tiles = proveRecords(tree, ids)
    for (const [path, data] of tiles) {
      for (const offset of [0, 31, data.length >> 1, data.length - 1]) {
        const altered = Buffer.from(data)
        altered[offset] ^= 0x01
        const err = caught(() =>
          verifyRecordsInTree(tree, records, new Map(tiles).set(path, altered))
        )
        expect(err.code).toBe('bad-tree')
        expect(err.message).toMatch(/^downloaded inconsistent tile: /)
      }
    }
  })

  it('rejects the tiles of another log, even holding the record', () => {
    const tree = log.tree(1000)
    const records = [{ id: 137, data: forked.records[137] }]
    const err = caught(() => verifyRecordsInTree(tree, records, proveRecords(tree, [137], forked)))
    expect(err.code).toBe('bad-tree')
    expect(err.message).toBe(
      'downloaded inconsistent tile: tile/8/1/000.p/3, tile/8/0/003.p/232 do not hash to the signed root ' +
        `${tree.hash.toString('base64')} of the tree of size 1000`
    )
  })

  it('checks the root of an empty tree', () => {
    expect(() =>
      verifyRecordsInTree({ size: 0, hash: EMPTY_TREE_HASH }, [], new Map())
    ).not.toThrow()
    expect(
      caught(() => verifyRecordsInTree({ size: 0, hash: Buffer.alloc(32) }, [], new Map())).code
    ).toBe('bad-tree')
  })
})

describe('verifyConsistency', () => {
  const growth = [
    [0, 5],
    [1, 2],
    [1, 1000],
    [7, 7],
    [255, 256],
    [256, 257],
    [300, 1000],
    [1000, 70000],
    [65536, 70000],
    [69999, 70000]
  ]

  it.each(growth)('accepts a tree of %d growing to %d', (olderSize, newerSize) => {
    const [older, newer] = [log.tree(olderSize), log.tree(newerSize)]
    const tiles = log.tiles(tilesForProof(newerSize, [], older))
    expect(() => verifyConsistency(older, newer, tiles)).not.toThrow()
  })

  it('proves records and growth from one set of tiles', () => {
    const [older, newer] = [log.tree(300), log.tree(70000)]
    const ids = [5, 69999]
    const tiles = log.tiles(tilesForProof(newer.size, ids, older))
    verifyConsistency(older, newer, tiles)
    verifyRecordsInTree(
      newer,
      ids.map(id => ({ id, data: log.records[id] })),
      tiles
    )
  })

  it('detects a fork: an older tree of another log', () => {
    const [older, newer] = [forked.tree(300), log.tree(1000)]
    const tiles = log.tiles(tilesForProof(newer.size, [], older))
    const err = caught(() => verifyConsistency(older, newer, tiles))
    expect(err.code).toBe('fork')
    expect(err.message).toBe(
      'SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n' +
        `old database: tree of size 300, hash ${older.hash.toString('base64')}\n` +
        `new database: tree of size 1000, hash ${newer.hash.toString('base64')}\n` +
        `proof of misbehavior: the new tree's hash of its first 300 records is ${log.tree(300).hash.toString('base64')}`
    )
  })

  it('detects a fork between trees of the same size, and a non-empty empty tree', () => {
    expect(caught(() => verifyConsistency(forked.tree(500), log.tree(500), new Map())).code).toBe(
      'fork'
    )
    const bogusEmpty = { size: 0, hash: Buffer.alloc(32) }
    expect(caught(() => verifyConsistency(bogusEmpty, log.tree(5), new Map())).code).toBe('fork')
  })

  it('does not trust tiles that do not hash to the newer root', () => {
    const [older, newer] = [log.tree(300), log.tree(1000)]
    const tiles = log.tiles(tilesForProof(newer.size, [], older))
    const altered = Buffer.from(tiles.get('tile/8/0/001') as Buffer)
    altered[100] ^= 0xff
    const err = caught(() =>
      verifyConsistency(older, newer, new Map(tiles).set('tile/8/0/001', altered))
    )
    expect(err.code).toBe('bad-tree')
  })

  it('refuses an older tree larger than the newer', () => {
    expect(() => verifyConsistency(log.tree(11), log.tree(10), new Map())).toThrow(RangeError)
  })
})
