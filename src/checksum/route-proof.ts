import { probeReason, type ProbeRecord } from '../http/record.js'
import { escapePath, escapeVersion } from '../xmod/module.js'
import { joinUrlPath, pathEscape } from '../goenv/urlpath.js'
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
const TILE_CAP = FULL_WIDTH * HASH_SIZE

export interface ModuleVersion {
  path: string
  version: string
}

/** The checksum database's hashes for one module version. */
export interface DbRecord extends ModuleVersion {
  modHash?: string
  zipHash?: string
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
  requester: CandidateRequester,
  seen: Tree[] = []
): Promise<RouteVerdict> {
  const outcomes = await Promise.all(versions.map(v => lookup(base, v, verifier, requester)))
  const probes = outcomes.map(o => o.record)
  // A request's own failure names the route's problem, not one the breaker then cut short.
  const failures = outcomes.filter(o => !o.ok && !o.notFound)
  const failed = failures.find(o => !o.record.breakerOpen) ?? failures[0]
  if (failed)
    return { ok: false, problem: probeReason(failed.record), records: [], unknown: [], probes }
  const looked = outcomes.flatMap(o => (o.ok ? [o.value] : []))
  const unknown = versions.filter((_, i) => !outcomes[i].ok)
  if (looked.length === 0) {
    // A route that knows none of them proves nothing: it may be a proxy that does not really
    // serve the database. Another route, or the database itself, must say so.
    return {
      ok: false,
      problem: noRecordOf(unknown),
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
    const tiles = await fetchTiles(base, newest, looked, olderTrees, requester, probes)
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
    url: joinUrlPath(
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

/** Fetches the tiles the proofs need; a missing partial tile is read from its full tile, as Go does. */
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
  await Promise.all(
    [...needed].map(async ([path, tile]) => {
      const data = await fetchTile(base, path, tile, requester, probes)
      if (data) tiles.set(path, data)
    })
  )
  return tiles
}

async function fetchTile(
  base: string,
  path: string,
  tile: Tile,
  requester: CandidateRequester,
  probes: ProbeRecord[]
): Promise<Buffer | undefined> {
  const get = (p: string) =>
    requester.runShared({
      endpoint: 'tile',
      module: p,
      url: joinUrlPath(base, p),
      maxBytes: TILE_CAP,
      accept: res => res.body
    })
  const partial = await get(path)
  probes.push(partial.record)
  if (partial.ok) return partial.value
  if (!partial.notFound || tile.width === FULL_WIDTH)
    throw new SumdbError('bad-tile', probeReason(partial.record))
  // The log grew past this partial tile and the server dropped it: its prefix is in the full tile.
  const full = await get(tilePath({ ...tile, width: FULL_WIDTH }))
  probes.push(full.record)
  if (!full.ok) throw new SumdbError('bad-tile', probeReason(full.record))
  return full.value.subarray(0, tile.width * HASH_SIZE)
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
