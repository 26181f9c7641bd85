// The build: the module versions of the go.sum files found, and the toolchains their go.mod or
// go.work files ask for.
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import { sumFileOf, type DiscoveredBuild } from './discover.js'
import type { GoPlatform } from '../goenv/platform.js'
import { toolchainModule, toolchainOf, type ToolchainNeed } from './gomod.js'
import { readGoSumFiles, type BuildModule, type GoSumEntry, type ZipFetched } from './gosum.js'
import { parseUseDirectives } from './gowork.js'
import { workspaceGraphOf, type WorkspaceFile } from './workspace.js'
import {
  modGraphOf,
  replacementDirectories,
  zipsFetched,
  queriedVersions,
  type ModGraph,
  type QueriedVersion,
  type ZipsFetched
} from './requires.js'

export interface BuildToolchain extends ToolchainNeed {
  /** The go.mod or go.work that asks for it (the first, when several do). */
  file: string
  /** What the go command downloads; undefined when Go has no port for this machine. */
  module?: { path: string; version: string }
}

export interface Build {
  modules: BuildModule[]
  /** Each toolchain once, in the order of the files asking for it. */
  toolchains: BuildToolchain[]
  /**
   * Whether a go.mod or go.work asks for no toolchain newer than Go 1.21.0 (or none was read):
   * with `GOTOOLCHAIN=<name>+auto`, the go command runs the named one for it.
   */
  toolchainUnasked: boolean
  /**
   * The module graphs Go loads, one a go.sum, whose go.mod files are all the build fetches of
   * its go.mod lines; undefined when they cannot be followed, and every go.mod line counts.
   */
  modGraphs?: ModGraph[]
  /**
   * The versions a main module's go.mod spells so that the go command reads them as queries: its
   * graph is then not followed (every go.sum line counts), as it holds versions only Go can pick.
   */
  queried: QueriedLine[]
}

/** A queried version (see queriedVersions) and the go.mod holding it. */
export interface QueriedLine extends QueriedVersion {
  file: string
}

/**
 * Reads what discoverGoSums found. Throws InputError (naming `go-sum`) on a file that cannot be
 * read, a malformed go.sum line, two go.sum lines that disagree, or a toolchain line the go
 * command refuses.
 */
export async function readBuild(
  found: DiscoveredBuild,
  platform: GoPlatform | undefined
): Promise<Build> {
  const mains = await mainModules(found)
  // A vendored workspace loads no module graph: the go command reads vendor/modules.txt instead.
  const { graph: workspace, queried = [] } =
    found.workspace === undefined || found.vendored !== undefined
      ? {}
      : await workspaceGraph(found.workspace)
  const modules = await readGoSumFiles(
    found.goSumFiles,
    workspace ? () => 'when-selected' : zipsFetchedBy(mains)
  )
  const toolchains = new Map<string, BuildToolchain>()
  let toolchainUnasked = found.toolchainFiles.length === 0
  for (const file of found.toolchainFiles) {
    const need = await readToolchain(file)
    toolchainUnasked ||= need === undefined
    if (need === undefined || toolchains.has(need.name)) continue
    const module = platform && toolchainModule(need.name, platform)
    toolchains.set(need.name, { ...need, file, ...(module && { module }) })
  }
  const modGraphs =
    found.workspace === undefined ? modGraphsOf(found, mains) : workspace && [workspace]
  return {
    modules,
    toolchains: [...toolchains.values()],
    toolchainUnasked,
    modGraphs,
    queried: [...[...mains.values()].flatMap(m => m.queried), ...queried]
  }
}

/**
 * The module graph of the workspace a go.work file describes, from the go.mod of each module it
 * uses; no graph when one cannot be read, holds queried versions, or the graph cannot be followed
 * (every line counts).
 */
async function workspaceGraph(
  goWork: string
): Promise<{ graph?: ModGraph; queried?: QueriedLine[] }> {
  const text = await readText(goWork)
  if (text === undefined) return {}
  try {
    const work = { text, dir: dirname(goWork) }
    const dirs = new Set(parseUseDirectives(text).map(use => resolve(work.dir, use)))
    const goMods: WorkspaceFile[] = []
    const queried: QueriedLine[] = []
    for (const dir of dirs) {
      const goMod = await readText(join(dir, 'go.mod'))
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

async function readToolchain(file: string): Promise<ToolchainNeed | undefined> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new InputError(Inputs.GoSum, file, `cannot be read (${err.code ?? err.message})`)
  })
  try {
    return toolchainOf(text)
  } catch (err) {
    const reason = `sets an ${(err as Error).message}, so the go command refuses to run there`
    throw new InputError(Inputs.GoSum, file, reason)
  }
}

/** What the go.mod beside one go.sum says of the build's needs (see requires.ts). */
interface MainModule {
  zips: ZipsFetched | undefined
  graph: ModGraph | undefined
  queried: QueriedLine[]
}

/**
 * The main module of each go.sum: its go.mod (beside it, or GOFLAGS -modfile's), when the go.sum
 * is a module's (not a workspace's, where `go mod download` fetches all of the build list) and
 * that go.mod exists.
 */
async function mainModules(found: DiscoveredBuild): Promise<Map<string, MainModule>> {
  const byFile = new Map<string, MainModule>()
  if (found.workspace !== undefined) return byFile
  for (const file of moduleSums(found)) {
    const goMod = goModOf(found, file)
    const text = goMod && (await readText(goMod.path))
    if (goMod === undefined || text === undefined) continue
    try {
      const queried = queriedLines(text, goMod.path)
      if (queried.length > 0) {
        byFile.set(file, { zips: undefined, graph: undefined, queried })
        continue
      }
      const onDisk = await replacementGoMods(text, 'go.mod', goMod.moduleRoot)
      byFile.set(file, {
        zips: zipsFetched(text, 'go.mod'),
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
function zipsFetchedBy(mains: Map<string, MainModule>): (entry: GoSumEntry) => ZipFetched {
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
function modGraphsOf(
  found: DiscoveredBuild,
  mains: Map<string, MainModule>
): ModGraph[] | undefined {
  const graphs = moduleSums(found).map(file => mains.get(file)?.graph)
  return graphs.every(g => g !== undefined) ? graphs : undefined
}
