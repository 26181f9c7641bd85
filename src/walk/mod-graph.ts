// The go.mod files of the build that Go loads, found as modload's readModGraph finds them: from
// each root (a requirement of the main module), and below any module whose go.mod is older than
// 1.17 (or below every root, when the main module's is) every requirement, transitively; a
// requirement of a version the main module excludes is dropped. Each file is walked along the
// chain as it is reached; what a served go.mod requires (recorded with its answer) leads on.
import { replaced, type ModGraph, type ModuleVersion } from '../build/requires.js'
import { compare } from '../xmod/semver.js'
import type { BuildModule, FileWalk } from './types.js'

/** Walks one go.mod line of the build along the chain (see walkFile). */
type WalkMod = (module: BuildModule) => Promise<FileWalk>

export interface GraphWalk {
  /** The walk of every go.mod line of the build. */
  walks: FileWalk[]
  /**
   * `path@version` (as replaced) of each module minimal version selection picks in a graph whose
   * main module is before go 1.17, whose zips `go mod download` fetches; undefined when the
   * graphs could not be followed.
   */
  selected?: Set<string>
}

/**
 * The walks of every go.mod line of the build: those Go loads, walked along the chain; the others
 * `not-fetched`. Every go.mod line is walked instead, as when no graph can be followed, where the
 * graph is not known here: a loaded go.mod that cannot be read (fetched from version control,
 * private), or a pruned go.mod whose roots are not what minimal version selection picks (an
 * untidy go.mod: Go then loads the graph again from other versions).
 */
export async function walkModGraphs(
  graphs: ModGraph[],
  modules: BuildModule[],
  walkMod: WalkMod
): Promise<GraphWalk> {
  const withMod = modules.filter(m => m.modHash !== undefined)
  const byKey = new Map(withMod.map(m => [keyOf(m), m]))
  const walks = new Map<string, Promise<FileWalk>>()
  const walk = (module: BuildModule): Promise<FileWalk> => {
    let started = walks.get(keyOf(module))
    if (!started) walks.set(keyOf(module), (started = walkMod(module)))
    return started
  }
  const followed = await Promise.all(graphs.map(graph => followGraph(graph, byKey, walk)))
  if (followed.some(f => f === undefined)) return { walks: await Promise.all(withMod.map(walk)) }
  const selected = new Set(followed.flatMap(f => f ?? []))
  const all = withMod.map(
    module =>
      walks.get(keyOf(module)) ?? {
        module,
        file: 'mod' as const,
        outcome: 'not-fetched' as const,
        asked: []
      }
  )
  return { walks: await Promise.all(all), selected }
}

/**
 * Loads one graph from its roots, walking each go.mod it reaches; undefined when the graph cannot
 * be followed, else the modules its build list has when the main module is before go 1.17.
 */
async function followGraph(
  graph: ModGraph,
  byKey: Map<string, BuildModule>,
  walk: (module: BuildModule) => Promise<FileWalk>
): Promise<string[] | undefined> {
  let followed = true
  // Every requirement seen, pruned roots' included: what minimal version selection weighs.
  const required: ModuleVersion[] = [...graph.roots]
  const loaded = new Set<string>()
  const load = async (m: ModuleVersion, unpruned: boolean): Promise<void> => {
    const module = byKey.get(keyOf(replaced(m, graph.replacements)))
    // No go.sum line for it: the go command stops there (missing go.sum entry), whatever the
    // proxies serve.
    if (module === undefined) return
    const seen = `${keyOf(module)} ${unpruned}`
    if (loaded.has(seen)) return
    loaded.add(seen)
    const result = await walk(module)
    const goMod = result.asked.find(a => a.candidate.id === result.servedBy?.id)?.answer.goMod
    if (goMod === undefined) {
      // Resolving nowhere, it fails the step, and the go command stops at it too: what only it
      // would lead to stays unasked. Served but unread, the graph below is unknown.
      if (result.outcome !== 'unresolved') followed = false
      return
    }
    const requires = goMod.requires.filter(r => !graph.excluded.has(r))
    required.push(...requires.map(parseKey))
    // A pruned go.mod reached from the roots adds its requirements without loading them.
    if (!unpruned && goMod.pruned) return
    await Promise.all(requires.map(r => load(parseKey(r), true)))
  }
  await Promise.all(graph.roots.map(root => load(root, graph.unpruned)))
  const selected = selectedVersions(required)
  // Unpruned, the whole graph is loaded whatever the roots say; pruned, Go reloads it from
  // other versions when they are not the ones selected.
  if (!followed || (!graph.unpruned && !rootsSelected(graph.roots, selected))) return undefined
  if (!graph.unpruned) return []
  return [...selected].map(([path, version]) =>
    keyOf(replaced({ path, version }, graph.replacements))
  )
}

/** The version minimal version selection picks for each path: the highest required. */
function selectedVersions(required: ModuleVersion[]): Map<string, string> {
  const highest = new Map<string, string>()
  for (const { path, version } of required) {
    const known = highest.get(path)
    if (known === undefined || compare(version, known) > 0) highest.set(path, version)
  }
  return highest
}

/** Whether each root is the version minimal version selection picks for its path (once each). */
function rootsSelected(roots: ModuleVersion[], selected: Map<string, string>): boolean {
  const paths = new Set(roots.map(r => r.path))
  return paths.size === roots.length && roots.every(r => selected.get(r.path) === r.version)
}

function keyOf(m: ModuleVersion): string {
  return `${m.path}@${m.version}`
}

function parseKey(key: string): ModuleVersion {
  const at = key.lastIndexOf('@')
  return { path: key.slice(0, at), version: key.slice(at + 1) }
}
