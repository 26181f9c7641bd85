import { probeReason, type ProbeRecord } from '../http/record.js'
import { escapePath, escapeVersion } from '../xmod/module.js'
import { pathEscape, webJoin } from '../goenv/urlpath.js'
import { ContentError } from '../http/probe-errors.js'
import type { CandidateRequester } from '../http/requester.js'

import { SumdbError } from '../xmod/sumdb/errors.js'
import { openNote, parseTreeNote, type Tree, type Verifier } from '../xmod/sumdb/note.js'
import {
  HASH_SIZE,
  parseLookup,
  parseRecordLines,
  tilePath,
  TILE_HEIGHT,
  tilesForProof,
  verifyConsistency,
  verifyRecordsInTree,
  type Tile
} from '../xmod/sumdb/tlog.js'

/** A lookup answer is a record and a note: a few hundred bytes; 100 signatures fit in 64 KiB. */
const LOOKUP_CAP = 64 << 10
/** A full tile: 2 ** TILE_HEIGHT hashes. */
const FULL_WIDTH = 2 ** TILE_HEIGHT
/**
 * Go reads a partial tile from a full tile's body of 256 hashes and up to 255 bytes more (see
 * prefixOfFull); any longer tile fails the proof as it fails Go's.
 */
const TILE_CAP = (HASH_SIZE + 1) * FULL_WIDTH - 1

export interface ModuleVersion {
  path: string
  version: string
}

/** The checksum database's hashes for one module version. */
export interface DbRecord extends ModuleVersion {
  modHash?: string
  zipHash?: string
}

/**
 * A route's requesters: one for lookups, one for hash tiles, each with a breaker of its own (see
 * RouteSessions), so that a failed tile never keeps its full tile from being asked.
 */
export interface RouteRequesters {
  lookups: CandidateRequester
  tiles: CandidateRequester
}

export interface RouteVerdict {
  ok: boolean
  /** Set when not ok: one line naming the request and what was wrong. */
  problem?: string
  /** The signed tree the records were proved against. */
  tree?: Tree
  records: DbRecord[]
  /** Versions the database has no record of (404/410 on lookup). */
  unknown: ModuleVersion[]
  probes: ProbeRecord[]
}

interface Looked extends ModuleVersion {
  id: number
  data: Buffer
  tree: Tree
  hashes: { modHash?: string; zipHash?: string }
}

/**
 * Proves what one route to the checksum database says about some module versions: each lookup's
 * note is signed by the key, each record sits in the signed tree (hash tiles up to the root), and
 * every tree seen is a prefix of the newest (`seen`: trees the run proved before). `base` is
 * `<proxy>/sumdb/<name>` or the database URL.
 */
export async function checkRoute(
  base: string,
  versions: ModuleVersion[],
  verifier: Verifier,
  requesters: RouteRequesters,
  seen: Tree[] = []
): Promise<RouteVerdict> {
  const outcomes = await Promise.all(
    versions.map(v => lookup(base, v, verifier, requesters.lookups))
  )
  const probes = outcomes.map(o => o.record)
  // The first lookup in order that was sent names the route's problem, in the words of its own
  // last answer: which lookups the breaker then cut short is timing, and must not change the
  // reason from run to run.
  const failures = outcomes.flatMap(o => (!o.ok && !o.notFound ? [o] : []))
  const failed = failures.find(o => o.lastFailure !== undefined) ?? failures[0]
  if (failed) {
    const problem = probeReason({
      ...failed.record,
      problem: failed.lastFailure ?? failed.record.problem
    })
    return { ok: false, problem, records: [], unknown: [], probes }
  }
  const looked = outcomes.flatMap(o => (o.ok ? [o.value] : []))
  const unknown = versions.filter((_, i) => !outcomes[i].ok)
  if (looked.length === 0) {
    // A route that knows none of them proves nothing: it may be a proxy that does not really
    // serve the database. Another route, or the database itself, must say so. What the route
    // answered is quoted, as Go quotes it: a proxy may say its own upstream failed.
    const answered = probeReason(outcomes[0].record)
    return {
      ok: false,
      problem: `${noRecordOf(unknown)}: ${answered}`,
      records: [],
      unknown,
      probes
    }
  }
  // Every tree seen must be a prefix of the newest: these lookups' and the run's earlier ones.
  const trees = [...looked.map(l => l.tree), ...seen]
  const newest = trees.reduce((a, b) => (b.size > a.size ? b : a))
  const olderTrees = uniqueTrees(trees).filter(
    t => t.size < newest.size || !t.hash.equals(newest.hash)
  )
  try {
    const tiles = await fetchTiles(base, newest, looked, olderTrees, requesters.tiles, probes)
    // A fork first: a record missing from a forked tree is a symptom, the fork is the cause.
    for (const older of olderTrees) verifyConsistency(older, newest, tiles)
    verifyRecordsInTree(
      newest,
      looked.map(l => ({ id: l.id, data: l.data })),
      tiles
    )
  } catch (err) {
    return { ok: false, problem: describe(err), tree: newest, records: [], unknown, probes }
  }
  const records = looked.map(l => ({ path: l.path, version: l.version, ...l.hashes }))
  return { ok: true, tree: newest, records, unknown, probes }
}

/** Why a route proves nothing of versions it has no record of. */
export function noRecordOf(versions: ModuleVersion[]): string {
  const names = versions.map(v => `${v.path}@${v.version}`).join(', ')
  return `no record of ${names} (if private, add to GONOSUMDB)`
}

/** Asked at most once a route (the requester shares it), so a lookup started early is reused. */
export function lookup(
  base: string,
  v: ModuleVersion,
  verifier: Verifier,
  requester: CandidateRequester
) {
  return requester.runShared<Looked>({
    endpoint: 'lookup',
    module: `${v.path}@${v.version}`,
    url: webJoin(
      base,
      `lookup/${pathEscape(escapePath(v.path))}@${pathEscape(escapeVersion(v.version))}`
    ),
    maxBytes: LOOKUP_CAP,
    accept: res =>
      asContent(() => {
        const answer = parseLookup(res.body)
        const note = openNote(answer.note, verifier)
        const tree = parseTreeNote(note.text)
        const hashes = parseRecordLines(answer.record, v.path, v.version)
        return { ...v, id: answer.id, data: answer.record, tree, hashes }
      })
  })
}

/** Fetches the tiles the proofs need; a partial tile that fails is read from its full tile, as Go does. */
async function fetchTiles(
  base: string,
  newest: Tree,
  looked: Looked[],
  olderTrees: Tree[],
  requester: CandidateRequester,
  probes: ProbeRecord[]
): Promise<Map<string, Buffer>> {
  const needed = new Map<string, Tile>()
  const ids = looked.map(l => l.id)
  for (const tile of tilesForProof(newest.size, ids)) needed.set(tilePath(tile), tile)
  for (const older of olderTrees) {
    for (const tile of tilesForProof(newest.size, [], older)) needed.set(tilePath(tile), tile)
  }
  const tiles = new Map<string, Buffer>()
  const fetched = await Promise.allSettled(
    [...needed].map(async ([path, tile]) =>
      tiles.set(path, await fetchTile(base, path, tile, requester, probes))
    )
  )
  // The first tile in proof order that failed names the problem, whichever failed first in time.
  const failed = fetched.find(f => f.status === 'rejected')
  if (failed) throw failed.reason
  return tiles
}

async function fetchTile(
  base: string,
  path: string,
  tile: Tile,
  requester: CandidateRequester,
  probes: ProbeRecord[]
): Promise<Buffer> {
  const get = async (p: string) => {
    const outcome = await requester.runShared({
      endpoint: 'tile',
      module: p,
      url: webJoin(base, p),
      maxBytes: TILE_CAP,
      accept: res => res.body
    })
    probes.push(outcome.record)
    return outcome
  }
  const partial = await get(path)
  if (partial.ok) return partial.value
  if (tile.width === FULL_WIDTH) throw new SumdbError('bad-tile', probeReason(partial.record))
  // Whatever went wrong (the log grew past the tile and the server dropped it, or a mirror
  // serves no partial tiles), Go reads the tile's prefix from the full one (sumdb client.go
  // readTile); when that fails too, the partial tile's error is the one it reports.
  const full = await get(tilePath({ ...tile, width: FULL_WIDTH }))
  if (!full.ok) {
    const why = `${probeReason(partial.record)} (its full tile: ${probeReason(full.record)})`
    throw new SumdbError('bad-tile', why)
  }
  return prefixOfFull(path, tile, full.value, full.record.url)
}

/**
 * The tile's prefix of its full tile's bytes, as Go slices it: data[:len(data)/256*width], which
 * is the tile's size only when the body holds 256 hashes and less than 256 bytes more; a shorter
 * one, such as a mirror's tile that holds only the hashes it has, fails the proof (tlog's check).
 */
function prefixOfFull(path: string, tile: Tile, data: Buffer, url: string): Buffer {
  const want = tile.width * HASH_SIZE
  const kept = Math.floor(data.length / FULL_WIDTH) * tile.width
  if (kept !== want) {
    throw new SumdbError(
      'bad-tile',
      `GET ${url} → ${data.length} bytes, not a full tile of ${FULL_WIDTH * HASH_SIZE}: ` +
        `TileReader returned bad result slice (${path} len=${kept}, want ${want})`
    )
  }
  return data.subarray(0, want)
}

function uniqueTrees(trees: Tree[]): Tree[] {
  const seen = new Map<string, Tree>()
  for (const t of trees) seen.set(`${t.size}:${t.hash.toString('base64')}`, t)
  return [...seen.values()]
}

/** Turns a verification error into a content error, so the probe is judged wrong, not retried. */
function asContent<T>(check: () => T): T {
  try {
    return check()
  } catch (err) {
    if (err instanceof SumdbError) throw new ContentError(err.message)
    throw err
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
