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

/**
 * go.work's replacements, then each module's for the paths go.work does not replace (modload
 * initWorkspace); directories made absolute, each from its own file. Undefined where Go refuses.
 */
function workspaceReplacements(
  goWork: WorkspaceFile,
  goMods: WorkspaceFile[],
  modFiles: Statement[][],
  mainPaths: Set<string>
): Map<string, Target> | undefined {
  const absolute = (to: Target, dir: string): Target =>
    'directory' in to ? { directory: resolve(dir, to.directory) } : to
  const merged = new Map<string, Target>()
  const byWork = new Set<string>()
  for (const [key, to] of replacements(statements(goWork.text, 'go.work'))) {
    // A workspace module replaced at all its versions: the go command refuses the go.work.
    if (mainPaths.has(key)) return undefined
    byWork.add(pathOf(key))
    merged.set(key, absolute(to, goWork.dir))
  }
  for (const [i, found] of modFiles.entries()) {
    for (const [key, raw] of replacements(found)) {
      if (byWork.has(pathOf(key))) continue
      const to = absolute(raw, goMods[i].dir)
      const before = merged.get(key)
      if (before && JSON.stringify(before) !== JSON.stringify(to)) return undefined
      merged.set(key, to)
    }
  }
  return merged
}

function pathOf(key: string): string {
  const at = key.lastIndexOf('@')
  return at < 0 ? key : key.slice(0, at)
}
