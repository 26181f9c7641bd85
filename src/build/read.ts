// The build: the module versions of the go.sum files found, and the toolchains their go.mod or
// go.work files ask for.
import { readFile } from 'node:fs/promises'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import type { DiscoveredBuild } from './discover.js'
import type { GoPlatform } from '../goenv/platform.js'
import { toolchainModule, toolchainOf, type ToolchainNeed } from './gomod.js'
import { readGoSumFiles, type BuildModule } from './gosum.js'
import {
  mainModules,
  modGraphsOf,
  workspaceGraph,
  zipsFetchedBy,
  type QueriedLine,
  type ResolvedQueries
} from './graphs.js'
import type { ModGraph } from './requires.js'
import { queryMatch, revisionsOf } from '../goenv/version-query.js'
import { escapeVersion } from '../xmod/module.js'

export type { QueriedLine, ResolvedQueries }

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
   * The versions a main module's go.mod spells so that the go command reads them as queries: no
   * graph is followed from that go.mod (every go.sum line counts) until they are resolved.
   */
  queried: QueriedLine[]
  /**
   * The go.sum files read again as Go reads the build once it has resolved the queries (and so
   * rewritten go.mod): the graphs followed from the versions they resolve to.
   */
  withResolved(resolved: ResolvedQueries): Promise<BuildFiles>
}

/** What the build's go.sum and go.mod files say of the modules it fetches. */
export type BuildFiles = Pick<Build, 'modules' | 'modGraphs' | 'queried'>

/**
 * Reads what discoverGoSums found. Throws InputError (naming `go-sum`) on a file that cannot be
 * read, a malformed go.sum line, two go.sum lines that disagree, or a toolchain line the go
 * command refuses.
 */
export async function readBuild(
  found: DiscoveredBuild,
  platform: GoPlatform | undefined
): Promise<Build> {
  const toolchains = new Map<string, BuildToolchain>()
  let toolchainUnasked = found.toolchainFiles.length === 0
  for (const file of found.toolchainFiles) {
    const need = await readToolchain(file)
    toolchainUnasked ||= need === undefined
    if (need === undefined || toolchains.has(need.name)) continue
    const module = platform && toolchainModule(need.name, platform)
    toolchains.set(need.name, { ...need, file, ...(module && { module }) })
  }
  const files = await readBuildFiles(found, new Map())
  files.queried.forEach(refuseAsGoDoes)
  // Each round of the walk asks again: the files are read once for each set of picks.
  const reread = new Map<string, Promise<BuildFiles>>()
  const withResolved = (resolved: ResolvedQueries): Promise<BuildFiles> => {
    const key = JSON.stringify([...resolved])
    const read = reread.get(key) ?? readBuildFiles(found, resolved)
    reread.set(key, read)
    return read
  }
  return { ...files, toolchains: [...toolchains.values()], toolchainUnasked, withResolved }
}

async function readBuildFiles(
  found: DiscoveredBuild,
  resolved: ResolvedQueries
): Promise<BuildFiles> {
  const mains = await mainModules(found, resolved)
  // A vendored workspace loads no module graph: the go command reads vendor/modules.txt instead.
  const { graph: workspace, queried = [] } =
    found.workspace === undefined || found.vendored !== undefined
      ? {}
      : await workspaceGraph(found.workspace, resolved)
  const modules = await readGoSumFiles(
    found.goSumFiles,
    workspace ? () => 'when-selected' : zipsFetchedBy(mains)
  )
  const modGraphs =
    found.workspace === undefined ? modGraphsOf(found, mains) : workspace && [workspace]
  return {
    modules,
    modGraphs,
    queried: [...[...mains.values()].flatMap(m => m.queried), ...queried]
  }
}

/**
 * A query the go command refuses before it asks any proxy (`patch` with nothing required, an
 * ambiguous range, a revision no version may spell): it fails on this go.mod, so does the step.
 */
function refuseAsGoDoes({ file, line, path, version }: QueriedLine): void {
  const match = queryMatch(version)
  let problem = match.kind === 'refused' ? match.problem : undefined
  if (match.kind === 'revision') {
    try {
      revisionsOf(version).forEach(escapeVersion)
    } catch (err) {
      problem = `invalid version: ${(err as Error).message}`
    }
  }
  if (problem === undefined) return
  const reason = `line ${line}: ${path} ${version}: ${problem}, so the go command refuses it`
  throw new InputError(Inputs.GoSum, file, reason)
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
