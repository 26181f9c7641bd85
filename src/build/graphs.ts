// What a build's main modules (their go.mod files, or a workspace's) say of the files it fetches:
// the module graphs Go loads and the zips a download fetches, read from the files on disk, with
// each version a go.mod spells as a query resolved as the walk found it (see goenv/version-query.ts).
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { sumFileOf, type DiscoveredBuild } from './discover.js'
import type { GoSumEntry, ZipFetched } from './gosum.js'
import { parseUseDirectives } from './gowork.js'
import { workspaceGraphOf, type WorkspaceFile } from './workspace.js'
import { queriedVersions, withQueriesResolved, type QueriedVersion } from './queries.js'
import {
  modGraphOf,
  replacementDirectories,
  zipsFetched,
  type ModGraph,
  type ZipsFetched
} from './requires.js'

/** A queried version (see queriedVersions) and the go.mod holding it. */
export interface QueriedLine extends QueriedVersion {
  file: string
}

/** Resolved queries: `path query` → the version the walk found it resolves to. */
export type ResolvedQueries = ReadonlyMap<string, string>

/**
 * The module graph of the workspace a go.work file describes, from the go.mod of each module it
 * uses; no graph when one cannot be read, holds queried versions, or the graph cannot be followed
 * (every line counts).
 */
export async function workspaceGraph(
  goWork: string,
  resolved: ResolvedQueries
): Promise<{ graph?: ModGraph; queried?: QueriedLine[] }> {
  const text = await readText(goWork)
  if (text === undefined) return {}
  try {
    const work = { text, dir: dirname(goWork) }
    const dirs = new Set(parseUseDirectives(text).map(use => resolve(work.dir, use)))
    const goMods: WorkspaceFile[] = []
    const queried: QueriedLine[] = []
    for (const dir of dirs) {
      const goMod = await readGoMod(join(dir, 'go.mod'), resolved)
      if (goMod === undefined) return {}
      goMods.push({ text: goMod, dir })
      queried.push(...queriedLines(goMod, join(dir, 'go.mod')))
    }
    if (queried.length > 0) return { queried }
    const onDisk = new Map<string, string | undefined>()
    for (const file of [
      { ...work, name: 'go.work' },
      ...goMods.map(m => ({ ...m, name: 'go.mod' }))
    ]) {
      for (const [dir, goMod] of await replacementGoMods(file.text, file.name, file.dir))
        onDisk.set(resolve(file.dir, dir), goMod)
    }
    return { graph: workspaceGraphOf(work, goMods, onDisk) }
  } catch {
    // A string this reader cannot unquote: every line counts.
    return {}
  }
}

function queriedLines(goMod: string, file: string): QueriedLine[] {
  return queriedVersions(goMod, 'go.mod').map(v => ({ ...v, file }))
}

function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined)
}

/** A main module's go.mod as Go reads it once it has resolved the queries the walk resolved. */
async function readGoMod(file: string, resolved: ResolvedQueries): Promise<string | undefined> {
  const text = await readText(file)
  return text === undefined ? undefined : withQueriesResolved(text, resolved)
}

/**
 * The zips a go.mod requires, but for versions a query resolved to: Go rewrote the line with a
 * version the module graph may pass over (it is no tidy requirement), so its zip is fetched only
 * when selected.
 */
function withoutResolved(
  zips: ZipsFetched | undefined,
  written: string,
  resolved: ResolvedQueries
): ZipsFetched | undefined {
  if (!zips || resolved.size === 0) return zips
  for (const { verb, path, version } of queriedVersions(written, 'go.mod')) {
    if (verb === 'require') zips.keys.delete(`${path}@${resolved.get(`${path} ${version}`)}`)
  }
  return zips
}

/** What the go.mod beside one go.sum says of the build's needs (see requires.ts). */
export interface MainModule {
  zips: ZipsFetched | undefined
  graph: ModGraph | undefined
  queried: QueriedLine[]
}

/**
 * The main module of each go.sum: its go.mod (beside it, or GOFLAGS -modfile's), when the go.sum
 * is a module's (not a workspace's, where `go mod download` fetches all of the build list) and
 * that go.mod exists.
 */
export async function mainModules(
  found: DiscoveredBuild,
  resolved: ResolvedQueries
): Promise<Map<string, MainModule>> {
  const byFile = new Map<string, MainModule>()
  if (found.workspace !== undefined) return byFile
  for (const file of moduleSums(found)) {
    const goMod = goModOf(found, file)
    const written = goMod && (await readText(goMod.path))
    if (goMod === undefined || written === undefined) continue
    try {
      const text = withQueriesResolved(written, resolved)
      const queried = queriedLines(text, goMod.path)
      if (queried.length > 0) {
        byFile.set(file, { zips: undefined, graph: undefined, queried })
        continue
      }
      const onDisk = await replacementGoMods(text, 'go.mod', goMod.moduleRoot)
      byFile.set(file, {
        zips: withoutResolved(zipsFetched(text, 'go.mod'), written, resolved),
        graph: modGraphOf(text, 'go.mod', onDisk),
        queried
      })
    } catch {
      // A string this reader cannot unquote (Go's escapes go beyond JSON's): every line counts.
    }
  }
  return byFile
}

/** The go.mod the go command reads for a module's go.sum; undefined for other sums. */
function goModOf(
  found: DiscoveredBuild,
  goSum: string
): { path: string; moduleRoot: string } | undefined {
  const modFile = found.modFile
  if (modFile && goSum === sumFileOf(modFile.path)) return modFile
  if (basename(goSum) !== 'go.sum') return undefined
  return { path: join(dirname(goSum), 'go.mod'), moduleRoot: dirname(goSum) }
}

/**
 * The go.mod of each directory a go.mod (or go.work, `name`) replaces a module by, keyed as
 * written (relative to `dir` unless absolute); undefined when it cannot be read.
 */
async function replacementGoMods(
  text: string,
  name: string,
  dir: string
): Promise<Map<string, string | undefined>> {
  const onDisk = new Map<string, string | undefined>()
  for (const written of replacementDirectories(text, name)) {
    onDisk.set(written, await readText(join(resolve(dir, written), 'go.mod')))
  }
  return onDisk
}

/**
 * A go.sum's zip line is fetched when its go.mod requires that version; of another version of a
 * required module, or before go 1.17, when the module graph selects it; else when nothing can
 * tell (a graph that cannot be followed walks every 'when-selected' zip too).
 */
export function zipsFetchedBy(mains: Map<string, MainModule>): (entry: GoSumEntry) => ZipFetched {
  return entry => {
    const main = mains.get(entry.file)
    if (main?.zips) {
      if (main.zips.keys.has(`${entry.path}@${entry.version}`)) return true
      return main.zips.paths.has(entry.path) && 'when-selected'
    }
    return main?.graph ? 'when-selected' : true
  }
}

/** The go.sum files read, and the one a module has none of yet (read as empty). */
function moduleSums(found: DiscoveredBuild): string[] {
  return found.missingGoSum ? [...found.goSumFiles, found.missingGoSum] : found.goSumFiles
}

/** The graphs to follow for go.mod lines: only when every go.sum has one, else every line counts. */
export function modGraphsOf(
  found: DiscoveredBuild,
  mains: Map<string, MainModule>
): ModGraph[] | undefined {
  const graphs = moduleSums(found).map(file => mains.get(file)?.graph)
  return graphs.every(g => g !== undefined) ? graphs : undefined
}
