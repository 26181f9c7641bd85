// The module graph of a workspace (go.work), as modload loads it: each module's requirements, go.work's
// replacements merged with each module's (initWorkspace), and every module's excludes.
import { resolve } from 'node:path'
import { statements, type Statement } from './modfile.js'
import {
  prunes,
  replacements,
  requirements,
  withGoMod,
  type LocalModule,
  type ModGraph,
  type ModuleVersion,
  type Target
} from './requires.js'

/** A go.work or go.mod of a workspace: its text and the directory its relative paths start from. */
export interface WorkspaceFile {
  text: string
  dir: string
}

/**
 * The module graph of a workspace, from the go.mod of each module it uses, and the go.mod of each
 * replacement directory (`onDisk`, by absolute directory): undefined where this reader does not
 * follow Go, so every line counts: a go.mod it cannot read, replacements Go refuses (a workspace
 * module replaced at all versions, two modules replacing one module differently), a required
 * version a module excludes.
 */
export function workspaceGraphOf(
  goWork: WorkspaceFile,
  goMods: WorkspaceFile[],
  onDisk: Map<string, string | undefined> = new Map()
): ModGraph | undefined {
  try {
    const modFiles = goMods.map(f => statements(f.text, 'go.mod'))
    const workspace = modFiles.map(found => ({
      path: found.find(s => s.verb === 'module')?.args[0] ?? '',
      requires: requirements(found),
      unpruned: !prunes(found)
    }))
    if (workspace.some(m => m.path === '')) return undefined
    const merged = workspaceReplacements(
      goWork,
      goMods,
      modFiles,
      new Set(workspace.map(m => m.path))
    )
    // Every workspace module's excludes apply to the whole graph (modload's CheckExclusions).
    const excluded = new Set(
      modFiles.flatMap(found => requirements(found, 'exclude')).map(m => `${m.path}@${m.version}`)
    )
    const requires = workspace.flatMap(m => m.requires)
    if (!merged || requires.some(m => excluded.has(`${m.path}@${m.version}`))) return undefined
    const replacementsByKey = new Map<string, ModuleVersion | LocalModule>()
    for (const [key, to] of merged) replacementsByKey.set(key, withGoMod(to, onDisk))
    return { unpruned: false, roots: [], replacements: replacementsByKey, excluded, workspace }
  } catch {
    return undefined
  }
}

type Replaces = Map<string, Target>

/**
 * Each replaced module version as the go command resolves it (modload replacementFrom), keyed
 * `path@version` for a version some file names and `path` for any other: go.work's replacement
 * first; else each module's in `use` order, the last match winning, but a later version-specific
 * match that differs is a conflict. Directories are made absolute, each from its own file.
 * Undefined where Go refuses: a workspace module replaced at all versions in go.work, one key
 * replaced two ways by two modules (makeMainModules), a conflict.
 */
function workspaceReplacements(
  goWork: WorkspaceFile,
  goMods: WorkspaceFile[],
  modFiles: Statement[][],
  mainPaths: Set<string>
): Replaces | undefined {
  const absolute = (found: Replaces, dir: string): Replaces =>
    new Map(
      [...found].map(([key, to]) => [
        key,
        'directory' in to ? { directory: resolve(dir, to.directory) } : to
      ])
    )
  const work = absolute(replacements(statements(goWork.text, 'go.work')), goWork.dir)
  if ([...work.keys()].some(key => mainPaths.has(key))) return undefined
  const own = modFiles.map((found, i) => absolute(replacements(found), goMods[i].dir))
  if (twoWays(work, own)) return undefined
  const merged: Replaces = new Map()
  for (const key of new Set([work, ...own].flatMap(by => [...by.keys()]))) {
    const to = replacementOf(key, work, own)
    if (to === 'conflict') return undefined
    if (to) merged.set(key, to)
  }
  return merged
}

/** Whether two modules replace one key (a path, or path@version) differently, go.work aside. */
function twoWays(work: Replaces, own: Replaces[]): boolean {
  const byWork = new Set([...work.keys()].map(pathOf))
  const seen: Replaces = new Map()
  for (const [key, to] of own.flatMap(by => [...by])) {
    if (byWork.has(pathOf(key))) continue
    const before = seen.get(key)
    if (before && !sameTarget(before, to)) return true
    seen.set(key, to)
  }
  return false
}

/** What `key` (path@version, or a path: a version no file names) is replaced by; see above. */
function replacementOf(
  key: string,
  work: Replaces,
  own: Replaces[]
): Target | undefined | 'conflict' {
  const path = pathOf(key)
  // replacement(): the version itself first, then the path at any version.
  const match = (by: Replaces): { exact: boolean; to: Target } | undefined => {
    const exact = key !== path ? by.get(key) : undefined
    if (exact) return { exact: true, to: exact }
    const any = by.get(path)
    return any && { exact: false, to: any }
  }
  const fromWork = match(work)
  if (fromWork) return fromWork.to
  let found: Target | undefined
  for (const by of own) {
    const next = match(by)
    if (!next) continue
    if (found && next.exact && !sameTarget(found, next.to)) return 'conflict'
    found = next.to
  }
  return found
}

function sameTarget(a: Target, b: Target): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function pathOf(key: string): string {
  const at = key.lastIndexOf('@')
  return at < 0 ? key : key.slice(0, at)
}
