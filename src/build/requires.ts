// What of a module's go.sum its build fetches, as `go mod download` without arguments fetches it
// (cmd/go/internal/modcmd/download.go, modload/buildlist.go readModGraph). From a go.mod at
// go 1.17 or later (a pruned module graph): the zips of the modules its `require` lines name,
// and the go.mod files of the graph Go loads — each required module's, and below any module whose
// own go.mod is older than 1.17, every requirement's, transitively — each as the main module's
// `replace` lines replace it. go.sum also keeps hashes that only `go mod tidy` or `go test all`
// need; a build never fetches those. From an older go.mod, the go.mod of every module the graph
// reaches, and the zip of every module of the build list; without a go line, the same graph but
// fewer zips (see ModGraph.noGoLine).
import { compareGo, isValidGo } from '../gostd/gover.js'
import { build, canonical } from '../xmod/semver.js'
import { statements, type Statement } from './modfile.js'

/** The first Go whose go.mod lists every module that provides a package (gover.ExplicitIndirectVersion). */
const PRUNING_GO = '1.17'

export interface ModuleVersion {
  path: string
  version: string
}

/** A replacement's target: a module version, or a directory (nothing fetched). */
export type Target = ModuleVersion | { directory: string }

/** The module graph a main module loads: its roots, and its replacements. */
export interface ModGraph {
  /** The main module's path: selected over any version of it a dependency requires. */
  main?: string
  /** Before go 1.17: Go loads every requirement's go.mod, transitively, from the roots on. */
  unpruned: boolean
  /**
   * go.mod has no `go` line: the graph is loaded unpruned, then `go mod download` and a -mod=mod
   * build add the line and prune (modload's addGoStmt and convertPruning); download fetches only
   * the zips of the paths the `require` lines name (modcmd's runDownload). A read-only build
   * refuses such a go.mod ("updates to go.mod needed").
   */
  noGoLine?: boolean
  /** The module versions go.mod requires, before replacement. */
  roots: ModuleVersion[]
  /**
   * `path@version` or `path` → the replacement, from the main module's go.mod: a module version,
   * or a directory whose go.mod (on disk, nothing fetched) Go reads instead.
   */
  replacements: Map<string, ModuleVersion | LocalModule>
  /**
   * `path@version` the main module excludes: since Go 1.16 a requirement of an excluded version,
   * in any go.mod of the graph, is dropped (modload's goModSummary).
   */
  excluded: Set<string>
  /**
   * A workspace's modules (go.work `use`), when the graph is a workspace's: each one's
   * requirements start the graph, loaded as its own go version prunes them (roots is empty).
   */
  workspace?: WorkspaceModule[]
}

/** A replacement by a directory: its go.mod, read from disk; undefined when it cannot be read. */
export interface LocalModule {
  directory: string
  goMod?: GoModSummary
}

/** A module of a workspace, as its go.mod on disk says. */
export interface WorkspaceModule {
  path: string
  requires: ModuleVersion[]
  unpruned: boolean
}

/** What a module's own go.mod tells the graph: whether it prunes, and what it requires. */
export interface GoModSummary {
  pruned: boolean
  /** `path@version`, in file order. */
  requires: string[]
}

export function prunes(found: Statement[]): boolean {
  const go = found.find(s => s.verb === 'go')?.args[0]
  return go !== undefined && isValidGo(go) && compareGo(go, PRUNING_GO) >= 0
}

/** module.CanonicalVersion: `v1.2` is v1.2.0, build metadata dropped but `+incompatible`. */
export function canonicalVersion(version: string): string | undefined {
  const v = canonical(version)
  if (v === '') return undefined
  return build(version) === '+incompatible' ? `${v}+incompatible` : v
}

class NotAVersion extends Error {}

/** The `verb` lines, as modfile reads them (versions made canonical); throws NotAVersion. */
export function requirements(found: Statement[], verb = 'require'): ModuleVersion[] {
  return found.flatMap(({ verb: v, args: [path, raw] }) => {
    if (v !== verb || path === undefined || raw === undefined) return []
    const version = canonicalVersion(raw)
    if (version === undefined) throw new NotAVersion(raw)
    return [{ path, version }]
  })
}

/**
 * The `replace` lines, keyed `path@version` or `path`. Versions are made canonical as for require
 * lines (`v1.2` is v1.2.0, as Go reads go.work; `go mod edit -replace` writes such lines), so a
 * replacement matches the versions the graph holds.
 */
export function replacements(found: Statement[]): Map<string, Target> {
  const replaced = new Map<string, Target>()
  const canonicalOr = (v: string) => canonicalVersion(v) ?? v
  for (const { args } of found.filter(s => s.verb === 'replace')) {
    const arrow = args.indexOf('=>')
    if (arrow < 1) continue
    const [path, version] = args.slice(0, arrow)
    const [target, targetVersion] = args.slice(arrow + 1)
    if (target === undefined) continue
    // `P => ../dir` has no version on the right: a directory, as modfile reads it.
    const to: Target =
      targetVersion === undefined
        ? { directory: target }
        : { path: target, version: canonicalOr(targetVersion) }
    replaced.set(version === undefined ? path : `${path}@${canonicalOr(version)}`, to)
  }
  return replaced
}

/** The module Go fetches for `m`: its replacement when the main module replaces it. */
export function replaced<T extends Target>(
  m: ModuleVersion,
  by: Map<string, T>
): T | ModuleVersion {
  return by.get(`${m.path}@${m.version}`) ?? by.get(m.path) ?? m
}

/** The zips a build of a go.mod at go 1.17 or later fetches (see zipsFetched). */
export interface ZipsFetched {
  /** `path@version` of each requirement, as replaced: fetched when go.mod is tidy. */
  keys: Set<string>
  /** The paths of those: another version of one is fetched only if the graph selects it. */
  paths: Set<string>
}

/**
 * The zips a build of this go.mod fetches: those of the versions selected for the paths its
 * `require` lines name, as replaced; undefined when it fetches every module of the build list (a
 * go.mod before go 1.17, or without a go line). `file` names the go.mod in errors (a string that
 * does not end on its line).
 */
export function zipsFetched(goMod: string, file: string): ZipsFetched | undefined {
  const found = statements(goMod, file)
  if (!prunes(found)) return undefined
  const by = replacements(found)
  const fetched: ZipsFetched = { keys: new Set(), paths: new Set() }
  for (const m of requirements(found)) {
    const to = replaced(m, by)
    if ('path' in to) {
      fetched.keys.add(`${to.path}@${to.version}`)
      fetched.paths.add(to.path)
    }
    // A replacement of one version misses when Go selects another: then the module itself.
    if (by.has(`${m.path}@${m.version}`)) fetched.paths.add(m.path)
  }
  return fetched
}

/** The directories this go.mod's `replace` lines name (relative to it unless absolute). */
export function replacementDirectories(goMod: string, file: string): string[] {
  return [...replacements(statements(goMod, file)).values()].flatMap(to =>
    'directory' in to ? [to.directory] : []
  )
}

/**
 * The module graph this go.mod loads, when it can be followed from the files the proxies serve
 * and the go.mod files of its replacement directories (`onDisk`, by directory as written):
 * undefined when go.mod requires a version it excludes (the go command then fails or, before
 * Go 1.16, loads another version).
 */
export function modGraphOf(
  goMod: string,
  file: string,
  onDisk: Map<string, string | undefined> = new Map()
): ModGraph | undefined {
  const found = statements(goMod, file)
  const replacementsByKey = new Map<string, ModuleVersion | LocalModule>()
  for (const [key, to] of replacements(found)) replacementsByKey.set(key, withGoMod(to, onDisk))
  try {
    const roots = requirements(found)
    const excluded = new Set(requirements(found, 'exclude').map(m => `${m.path}@${m.version}`))
    if (roots.some(m => excluded.has(`${m.path}@${m.version}`))) return undefined
    const main = found.find(s => s.verb === 'module')?.args[0]
    const graph: ModGraph = {
      main,
      unpruned: !prunes(found),
      roots,
      replacements: replacementsByKey,
      excluded
    }
    if (!found.some(s => s.verb === 'go')) graph.noGoLine = true
    return graph
  } catch (err) {
    if (err instanceof NotAVersion) return undefined
    throw err
  }
}

/**
 * A replacement as the graph uses it: a directory with its go.mod from `onDisk`, if there. It is
 * read only if the graph reaches it: a replacement nothing requires may name no directory at all
 * (etcd's `=> ./FORBIDDEN_DEPENDENCY`).
 */
export function withGoMod(
  to: Target,
  onDisk: Map<string, string | undefined>
): ModuleVersion | LocalModule {
  if ('path' in to) return to
  const text = onDisk.get(to.directory)
  const goMod = text === undefined ? undefined : summarizeGoMod(text)
  return { directory: to.directory, ...(goMod && { goMod }) }
}

/** A served go.mod's part in the graph; undefined when it cannot be read (nor a version in it). */
export function summarizeGoMod(text: string): GoModSummary | undefined {
  try {
    const found = statements(text, 'go.mod')
    return {
      pruned: prunes(found),
      requires: requirements(found).map(m => `${m.path}@${m.version}`)
    }
  } catch {
    return undefined
  }
}
