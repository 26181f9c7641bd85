import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SumdbError } from '../../src/xmod/sumdb/errors.js'
import {
  hashFromTile,
  newTiles,
  parseTilePath,
  splitStoredHashIndex,
  storedHashCount,
  storedHashIndex,
  tileForIndex,
  tilePath
} from '../../src/xmod/sumdb/tlog.js'
import type { Tile } from '../../src/xmod/sumdb/tlog.js'
import { buildLog } from './testlog.js'
import { caught } from './vectors.js'

const tile = (height: number, level: number, n: number, width: number): Tile => ({
  height,
  level,
  n,
  width
})

describe('tile paths', () => {
  // Expected paths printed by x/mod's Tile.Path.
  it.each([
    [tile(8, 0, 0, 256), 'tile/8/0/000'],
    [tile(8, 0, 1234, 5), 'tile/8/0/x001/234.p/5'],
    [tile(8, 2, 1234067, 256), 'tile/8/2/x001/x234/067'],
    [tile(8, -1, 5, 3), 'tile/8/data/005.p/3'],
    [tile(3, 4, 1234067, 1), 'tile/3/4/x001/x234/067.p/1'],
    [tile(8, 1, 999, 256), 'tile/8/1/999'],
    [tile(8, 1, 1000, 256), 'tile/8/1/x001/000'],
    [tile(8, 0, 1000000, 255), 'tile/8/0/x001/x000/000.p/255']
  ])('%j is %s and back', (t, path) => {
    expect(tilePath(t)).toBe(path)
    expect(parseTilePath(path)).toEqual({ ...t, data: t.level === -1 })
  })

  it.each([
    'tile/8/0/0',
    'tile/8/0/0000',
    'tile/8/0/x000/234',
    'tile/8/0/001/234',
    'tile/8/0/x1/234',
    'tile/08/0/000',
    'tile/8/00/000',
    'tile/8/-1/000',
    'tile/0/0/000',
    'tile/31/0/000',
    'tile/8/0/000.p/256',
    'tile/8/0/000.p/0',
    'tile/8/0/000.p/05',
    'tile/8/0/000.p',
    'tile/8/0/000/',
    '/tile/8/0/000',
    'tile/8/0',
    'tiles/8/0/000',
    'tile/8/0/x123/x456/x789/x012/x345/678'
  ])('rejects %j', path => {
    const err = caught(() => parseTilePath(path))
    expect([err.code, err.message]).toEqual([
      'bad-tile',
      `malformed tile path ${JSON.stringify(path)}`
    ])
  })

  it('parseTilePath throws nothing but SumdbError and inverts tilePath', () => {
    const piece = fc.constantFrom('tile', '8', '0', 'data', 'x001', '234', '000.p', '5', '.p', '/')
    const pathish = fc.oneof(
      fc.string(),
      fc.array(piece, { maxLength: 8 }).map(parts => parts.join('/'))
    )
    fc.assert(
      fc.property(pathish, path => {
        try {
          const parsed = parseTilePath(path)
          expect(tilePath(parsed)).toBe(path)
        } catch (err) {
          if (!(err instanceof SumdbError)) throw err
        }
      }),
      { numRuns: 200 }
    )
    const anyTile = fc
      .record({ height: fc.integer({ min: 1, max: 30 }), level: fc.integer({ min: -1, max: 63 }) })
      .chain(({ height, level }) =>
        fc.record({
          height: fc.constant(height),
          level: fc.constant(level),
          n: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
          width: fc.integer({ min: 1, max: 2 ** height })
        })
      )
    fc.assert(
      fc.property(anyTile, t => {
        expect(parseTilePath(tilePath(t))).toEqual({ ...t, data: t.level === -1 })
      }),
      { numRuns: 200 }
    )
  })
})

describe('stored hash indexes', () => {
  it('orders hashes as x/mod does', () => {
    // (level, n) in storage order for the first 4 records.
    const order = [
      [0, 0],
      [0, 1],
      [1, 0],
      [0, 2],
      [0, 3],
      [1, 1],
      [2, 0]
    ]
    order.forEach(([level, n], index) => {
      expect(storedHashIndex(level, n)).toBe(index)
      expect(splitStoredHashIndex(index)).toEqual({ level, n })
    })
    // Values printed by tlog.SplitStoredHashIndex and StoredHashCount.
    expect(splitStoredHashIndex(1000)).toEqual({ level: 2, n: 125 })
    expect(splitStoredHashIndex(123456789)).toEqual({ level: 0, n: 61728402 })
    expect(splitStoredHashIndex(2 ** 40)).toEqual({ level: 0, n: 549755813889 })
    expect(storedHashCount(1000)).toBe(1994)
    expect(storedHashCount(2 ** 40)).toBe(2199023255551)
  })

  it('splitStoredHashIndex inverts storedHashIndex beyond 32 bits', () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.nat({ max: 2 ** 40 }), (level, n) => {
        const index = storedHashIndex(level, Math.floor(n / 2 ** level))
        expect(splitStoredHashIndex(index)).toEqual({ level, n: Math.floor(n / 2 ** level) })
      }),
      { numRuns: 200 }
    )
  })

  it('counts the hashes a log stores', () => {
    const log = buildLog(600)
    expect(storedHashCount(600)).toBe(log.hashes.length)
  })
})

describe('tiles of a log', () => {
  it.each([
    // [level, n, path of the least tile holding it], printed by tlog.TileForIndex.
    [0, 1234, 'tile/8/0/004.p/211'],
    [8, 0, 'tile/8/1/000.p/1'],
    [3, 5, 'tile/8/0/000.p/48'],
    [0, 0, 'tile/8/0/000.p/1'],
    [16, 1, 'tile/8/2/000.p/2'],
    [9, 300, 'tile/8/1/002.p/90'],
    [7, 1, 'tile/8/0/000']
  ])('hash (%d, %d) is in %s', (level, n, path) => {
    expect(tilePath(tileForIndex(8, storedHashIndex(level, n)))).toBe(path)
  })

  it.each([
    [0, 1, 'tile/8/0/000.p/1'],
    [0, 256, 'tile/8/0/000,tile/8/1/000.p/1'],
    [255, 256, 'tile/8/0/000,tile/8/1/000.p/1'],
    [256, 257, 'tile/8/0/001.p/1'],
    [65535, 65537, 'tile/8/0/255,tile/8/0/256.p/1,tile/8/1/000,tile/8/2/000.p/1'],
    [0, 1000, 'tile/8/0/000,tile/8/0/001,tile/8/0/002,tile/8/0/003.p/232,tile/8/1/000.p/3']
  ])('growing from %d to %d publishes %s', (from, to, paths) => {
    expect(newTiles(8, from, to).map(tilePath).sort().join(',')).toBe(paths)
  })

  it('reads any hash back from the tile that holds it', () => {
    const log = buildLog(1000)
    const tiles = newTiles(8, 0, 1000)
    const data = log.tiles(tiles)
    for (let index = 0; index < log.hashes.length; index += 7) {
      const home = tileForIndex(8, index)
      const holder = tiles.find(t => t.level === home.level && t.n === home.n) as Tile
      const hash = hashFromTile(holder, data.get(tilePath(holder)) as Buffer, index)
      expect(hash.equals(log.hashes[index])).toBe(true)
    }
  })

  it('refuses tile data that is too short', () => {
    const t = tile(8, 1, 0, 3)
    expect(() => hashFromTile(t, Buffer.alloc(95), storedHashIndex(8, 0))).toThrow(
      'tile tile/8/1/000.p/3 has 95 bytes, want 96'
    )
  })
})
