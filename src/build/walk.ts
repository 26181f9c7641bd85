// Reading the working directory: a bounded walk for `go-sum` patterns, and what a path is.
import type { Dirent } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Directories never searched: vendored and test copies of modules, VCS and JS dependencies. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'vendor',
  'testdata',
  '.git',
  'node_modules'
])

export const MAX_WALK_ENTRIES = 100_000

/** The walk saw more entries than it may. */
export class WalkLimitError extends Error {
  override name = 'WalkLimitError'
}

export interface WalkOptions {
  /** Whether to look inside a directory ('/'-separated path relative to the root). */
  descend(relativeDir: string): boolean
  /** Whether a file (relative, '/'-separated) is wanted. */
  accept(relativeFile: string): boolean
  maxEntries?: number
}

// Directories that vanish or may not be read while we walk are skipped, as if empty.
const UNREADABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM'])

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (err) {
    if (UNREADABLE.has((err as NodeJS.ErrnoException).code ?? '')) return []
    throw err
  }
}

// A symbolic link counts as the file it points to; links to directories are not followed.
async function isFileEntry(entry: Dirent, path: string): Promise<boolean> {
  return entry.isSymbolicLink() ? isFile(path) : entry.isFile()
}

/**
 * The wanted files under root (absolute paths), depth first with each directory in name order.
 * Skips SKIPPED_DIRECTORIES; throws WalkLimitError after maxEntries entries (100,000).
 */
export async function walkFiles(root: string, options: WalkOptions): Promise<string[]> {
  const max = options.maxEntries ?? MAX_WALK_ENTRIES
  const found: string[] = []
  let seen = 0
  const visit = async (relativeDir: string): Promise<void> => {
    for (const entry of await entriesOf(join(root, relativeDir))) {
      if (++seen > max) throw new WalkLimitError(`more than ${max} files and directories`)
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && options.descend(relative)) await visit(relative)
      } else if (options.accept(relative) && (await isFileEntry(entry, join(root, relative)))) {
        found.push(join(root, relative))
      }
    }
  }
  await visit('')
  return found
}

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    s => s.isFile(),
    () => false
  )
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    s => s.isDirectory(),
    () => false
  )
}
