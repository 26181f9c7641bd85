// The go.mod files of the build that Go loads, found as modload's readModGraph finds them: from
// each root (a requirement of the main module), and below any module whose go.mod is older than
// 1.17 (or below every root, when the main module's is) every requirement, transitively; a
// requirement of a version the main module excludes is dropped. A workspace's graph starts from
// each of its modules, and is loaded again from selected versions (see loadWorkspace). Each file
// is walked along the chain as it is reached; what a served go.mod requires (recorded with its
// answer) leads on.
import {
  replaced,
  type GoModSummary,
  type ModGraph,
  type ModuleVersion,
  type WorkspaceModule
} from '../build/requires.js'
import { compare } from '../xmod/semver.js'
import type { BuildModule, FileWalk } from './types.js'

/** Walks one go.mod line of the build along the chain (see walkFile). */
type WalkMod = (module: BuildModule) => Promise<FileWalk>

export interface GraphWalk {
  /**
   * The walk of every go.mod line of the build, and of each go.mod the graph loads that no line
   * names (see unlisted).
   */
  walks: FileWalk[]
  /**
   * `path@version` (as replaced) of each module whose zip `go mod download` fetches: the selected
   * versions of the main module's requirements' paths; before go 1.17 and in a workspace, every
   * module of the build list (whose .mod it fetches too); without a go line, those of the
   * requirements' paths and of the build list that go.sum lists. Undefined when the graphs could
   * not be followed.
   */
  selected?: Set<string>
  /**
   * Modules whose go.mod the graph loads with no go.sum line for it: `go mod download` fetches it
   * all the same (checked against the checksum database), as does a build in a workspace, whose
   * go.work.sum it then writes; walked, and checked against the database (see checkUnlisted).
   */
  unlisted: BuildModule[]
}

/**
 * The walks of every go.mod line of the build, and of each go.mod the graph loads that no line
 * names: those Go loads, walked along the chain; the others `not-fetched`. Every go.mod line is walked instead, as when no graph can be followed, where the
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
  // A module with only a zip line is the same module when the graph loads its go.mod.
  const listed = new Map(modules.map(m => [keyOf(m), m]))
  const unlisted = new Map<string, BuildModule>()
  const moduleOf = (m: ModuleVersion): BuildModule => {
    const key = keyOf(m)
    let module = listed.get(key) ?? unlisted.get(key)
    if (!module) unlisted.set(key, (module = { path: m.path, version: m.version }))
    return module
  }
  const walks = new Map<string, Promise<FileWalk>>()
  const walk = (module: BuildModule): Promise<FileWalk> => {
    let started = walks.get(keyOf(module))
    if (!started) walks.set(keyOf(module), (started = walkMod(module)))
    return started
  }
  const followed = await Promise.all(graphs.map(graph => followGraph(graph, moduleOf, walk)))
  if (followed.some(f => f === undefined)) {
    return { walks: await Promise.all(withMod.map(walk)), unlisted: [] }
  }
  // Below a go.mod that resolves nowhere (the step fails on it) nothing was loaded: the selection
  // is then of what was, and only decides which other lines go unasked.
  const selected = new Set(followed.flatMap(f => f ?? []))
  // go mod download fetches the .mod of each module of the build list, loaded or not.
  for (const key of selected) void walk(moduleOf(parseKey(key)))
  // Every go.mod line, and each go.mod the graph loaded with no line (a zip line's, or none).
  const lines = [...modules, ...unlisted.values()]
  const all = lines
    .filter(m => m.modHash !== undefined || walks.has(keyOf(m)))
    .map(
      module =>
        walks.get(keyOf(module)) ?? {
          module,
          file: 'mod' as const,
          outcome: 'not-fetched' as const,
          asked: []
        }
    )
  return { walks: await Promise.all(all), selected, unlisted: [...unlisted.values()] }
}

/**
 * How a module's requirements are loaded (modload's modPruning): `pruned`, only when its own
 * go.mod is older than 1.17; `unpruned`, always, and theirs too; `workspace`, always, each then
 * as its go.mod prunes.
 */
type Pruning = 'pruned' | 'unpruned' | 'workspace'

/** One graph being loaded: what minimal version selection weighs, and what each go.mod requires. */
interface Loading {
  /** Every requirement seen, pruned modules' included. */
  required: ModuleVersion[]
  requiredBy: Map<string, ModuleVersion[]>
  followed: boolean
  load(m: ModuleVersion, pruning: Pruning): Promise<void>
}

function startLoading(
  graph: ModGraph,
  moduleOf: (m: ModuleVersion) => BuildModule,
  walk: (module: BuildModule) => Promise<FileWalk>
): Loading {
  const loaded = new Set<string>()
  /** A module's go.mod as Go reads it: from disk when replaced by a directory, else as served. */
  const goModOf = async (m: ModuleVersion): Promise<GoModSummary | undefined> => {
    const to = replaced(m, graph.replacements)
    if ('directory' in to) {
      if (to.goMod === undefined) state.followed = false
      return to.goMod
    }
    const result = await walk(moduleOf(to))
    const goMod = result.asked.find(a => a.candidate.id === result.servedBy?.id)?.answer.goMod
    // Resolving nowhere, it fails the step, and the go command stops at it too: what only it
    // would lead to stays unasked. Served but unread, the graph below is unknown.
    if (goMod === undefined && result.outcome !== 'unresolved') state.followed = false
    return goMod
  }
  const state: Loading = {
    required: [...graph.roots],
    requiredBy: new Map(),
    followed: true,
    load: async (m, pruning) => {
      if (loaded.has(`${keyOf(m)} ${pruning}`)) return
      loaded.add(`${keyOf(m)} ${pruning}`)
      const goMod = await goModOf(m)
      if (goMod === undefined) return
      const requires = goMod.requires.filter(r => !graph.excluded.has(r)).map(parseKey)
      state.required.push(...requires)
      state.requiredBy.set(keyOf(m), requires)
      if (pruning === 'pruned' && goMod.pruned) return
      const next = pruning === 'unpruned' || !goMod.pruned ? 'unpruned' : 'pruned'
      await Promise.all(requires.map(r => state.load(r, next)))
    }
  }
  return state
}

/**
 * Loads one graph from its roots, walking each go.mod it reaches; undefined when the graph cannot
 * be followed, else the modules whose zips go mod download fetches (see GraphWalk.selected).
 */
async function followGraph(
  graph: ModGraph,
  moduleOf: (m: ModuleVersion) => BuildModule,
  walk: (module: BuildModule) => Promise<FileWalk>
): Promise<string[] | undefined> {
  const loading = startLoading(graph, moduleOf, walk)
  if (graph.workspace) await loadWorkspace(graph.workspace, loading)
  else
    await Promise.all(graph.roots.map(r => loading.load(r, graph.unpruned ? 'unpruned' : 'pruned')))
  const selected = selectedVersions(loading.required)
  // Unpruned or a workspace, the whole graph is loaded whatever the roots say; pruned, Go
  // reloads it from other versions when they are not the ones selected.
  const pruned = !graph.unpruned && !graph.workspace
  if (!loading.followed || (pruned && !rootsSelected(graph.roots, selected))) return undefined
  // Pruned, go mod download fetches the zips of the selected versions of the roots' paths.
  // A main or workspace module is selected over any version of it a dependency requires (whose
  // go.mod Go still loads): it is on disk, nothing is fetched; nor for a directory replacement.
  const mains = new Set(graph.workspace?.map(m => m.path) ?? [graph.main])
  const ofRoots = graph.roots.map(r => ({
    path: r.path,
    version: selected.get(r.path) ?? r.version
  }))
  const buildList = [...selected]
    .filter(([path]) => !mains.has(path))
    .map(([path, version]) => ({ path, version }))
  // Without a go line: go mod download's zips of the roots' paths, and those a -mod=mod build
  // may fetch for its packages, which go.sum lists (an old go.sum keeps the zips built from).
  const fetched = pruned
    ? ofRoots
    : graph.noGoLine
      ? [...ofRoots, ...buildList.filter(m => moduleOf(m).zipHash !== undefined)]
      : buildList
  return fetched.flatMap(m => {
    const to = replaced(m, graph.replacements)
    return 'directory' in to ? [] : [keyOf(to)]
  })
}

/**
 * A workspace's graph (readModGraph at workspace pruning): each module's requirements, loaded as
 * its go.mod prunes; then, over and over, the selected version of each module the workspace
 * depends on where it is higher than required, with all its requirements, until none is left.
 */
async function loadWorkspace(mains: WorkspaceModule[], loading: Loading): Promise<void> {
  const mainPaths = new Set(mains.map(m => m.path))
  for (const m of mains) loading.requiredBy.set(keyOf({ path: m.path, version: '' }), m.requires)
  loading.required.push(...mains.flatMap(m => m.requires))
  await Promise.all(
    mains.flatMap(m => m.requires.map(r => loading.load(r, m.unpruned ? 'unpruned' : 'pruned')))
  )
  const seen = new Set(mains.map(m => keyOf({ path: m.path, version: '' })))
  const depending = new Set(mainPaths)
  for (;;) {
    const selected = selectedVersions(loading.required)
    const at = (path: string) => ({
      path,
      version: mainPaths.has(path) ? '' : (selected.get(path) ?? '')
    })
    const reload = new Set<string>()
    for (const path of depending) {
      const m = keyOf(at(path))
      if (!seen.has(m)) reload.add(m)
      else {
        for (const r of loading.requiredBy.get(m) ?? []) {
          const s = at(r.path)
          if (compare(s.version, r.version) > 0 && !seen.has(keyOf(s))) reload.add(keyOf(s))
        }
      }
    }
    if (reload.size === 0) return
    const versions = [...reload].map(parseKey)
    for (const v of versions) {
      seen.add(keyOf(v))
      depending.add(v.path)
    }
    await Promise.all(versions.map(v => loading.load(v, 'workspace')))
  }
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
