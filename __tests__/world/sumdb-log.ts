// The test world's checksum database log, held in memory: its records in order, every stored
// hash (x/mod tlog's dense order), the module@version → record id index, and the signed tree.
import { formatTreeNote, signNote } from '../../src/xmod/sumdb/note.js'
import type { Signer, Tree } from '../../src/xmod/sumdb/note.js'
import { parseTilePath, readTileData, storedHashes, treeHash } from '../../src/xmod/sumdb/tlog.js'
import { goSumLines, type ModuleVersion } from './modules.js'

/** The record sum.golang.org keeps for a module version: its two go.sum lines. */
export function moduleRecord(m: ModuleVersion): Buffer {
  return Buffer.from(goSumLines([m]))
}

export class MemoryLog {
  private readonly records: Buffer[] = []
  private readonly hashes: Buffer[] = []
  private readonly ids = new Map<string, number>()
  private readonly keys: (string | undefined)[] = []
  private signed?: { size: number; note: Buffer }

  constructor(private readonly signer: Signer) {}

  get size(): number {
    return this.records.length
  }

  /** Appends one record; `key` ("path@version") makes it findable by lookup. */
  append(record: Buffer, key?: string): void {
    if (key !== undefined && this.ids.has(key)) throw new Error(`log already holds ${key}`)
    const id = this.records.length
    this.records.push(record)
    this.hashes.push(...storedHashes(id, record, index => this.hashes[index]))
    this.keys.push(key)
    if (key !== undefined) this.ids.set(key, id)
  }

  /** A log signed by the same key that starts with `first` and then holds every record of this one. */
  forkWith(first: Buffer): MemoryLog {
    const fork = new MemoryLog(this.signer)
    fork.append(first)
    this.records.forEach((record, id) => fork.append(record, this.keys[id]))
    return fork
  }

  addModules(modules: readonly ModuleVersion[]): void {
    for (const m of modules) this.append(moduleRecord(m), `${m.path}@${m.version}`)
  }

  /** The record id and text for path@version, or undefined when the log has none. */
  lookup(path: string, version: string): { id: number; record: Buffer } | undefined {
    const id = this.ids.get(`${path}@${version}`)
    return id === undefined ? undefined : { id, record: this.records[id] }
  }

  tree(): Tree {
    return { size: this.size, hash: treeHash(this.size, indexes => this.read(indexes)) }
  }

  /** The signed note of the current tree, signed once per tree size. */
  signedTree(): Buffer {
    if (this.signed?.size !== this.size) {
      this.signed = { size: this.size, note: signNote(formatTreeNote(this.tree()), this.signer) }
    }
    return this.signed.note
  }

  /**
   * The bytes of the tile at `path` ("tile/H/L/NNN[.p/W]"), or undefined when the tree does not
   * (yet) hold all of it. Data tiles hold each record followed by a blank line, as Go's server
   * writes them. Throws SumdbError on a malformed path.
   */
  tile(path: string): Buffer | undefined {
    const tile = parseTilePath(path)
    const first = tile.n * 2 ** tile.height
    if (tile.data) {
      if (first + tile.width > this.size) return undefined
      const records = this.records.slice(first, first + tile.width)
      return Buffer.concat(records.flatMap(record => [record, Buffer.from('\n')]))
    }
    const hashesAtLevel = Math.floor(this.size / 2 ** (tile.height * tile.level))
    if (first + tile.width > hashesAtLevel) return undefined
    return readTileData(tile, indexes => this.read(indexes))
  }

  private read(indexes: number[]): Buffer[] {
    return indexes.map(index => this.hashes[index])
  }
}
