// The go.sum files `go-sum` lists by path or pattern, and the go.mod or go.work next to each.
import { basename, dirname, join, resolve } from 'node:path'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import { globMatches, globMayMatchUnder, type Glob } from '../config/glob.js'
import type { GoSumItem } from '../config/go-sum.js'
import {
  MAX_WALK_ENTRIES,
  SKIPPED_DIRECTORIES,
  WalkLimitError,
  isDirectory,
  isFile,
  walkFiles
} from './walk.js'

/**
 * The files of each item, in the order listed, each once: a path must name a file; a pattern
 * must match at least one file under the working directory.
 */
export async function expandListed(
  items: readonly GoSumItem[],
  workingDirectory: string
): Promise<{ goSumFiles: string[]; toolchainFiles: string[] }> {
  const files = new Set<string>()
  for (const item of items) {
    const found =
      item.kind === 'path'
        ? [await listedFile(item.path, workingDirectory)]
        : await matchingFiles(item.glob, workingDirectory)
    for (const file of found) files.add(file)
  }
  const goSumFiles = [...files]
  const nextTo = [...new Set(goSumFiles.map(toolchainFileFor))]
  const present = await Promise.all(nextTo.map(isFile))
  return { goSumFiles, toolchainFiles: nextTo.filter((_, i) => present[i]) }
}

async function listedFile(path: string, workingDirectory: string): Promise<string> {
  const file = resolve(workingDirectory, path)
  if (await isFile(file)) return file
  const reason = (await isDirectory(file))
    ? 'is a directory, not a go.sum file'
    : `does not exist (a relative path starts at working-directory ${workingDirectory})`
  throw new InputError(Inputs.GoSum, path, reason)
}

async function matchingFiles(glob: Glob, workingDirectory: string): Promise<string[]> {
  let files: string[]
  try {
    files = await walkFiles(workingDirectory, {
      descend: dir => globMayMatchUnder(glob, dir),
      accept: file => globMatches(glob, file)
    })
  } catch (err) {
    if (!(err instanceof WalkLimitError)) throw err
    const reason = `makes the search of ${workingDirectory} visit more than ${MAX_WALK_ENTRIES} files and directories: start it with the directories to search (e.g. services/*/go.sum)`
    throw new InputError(Inputs.GoSum, glob.pattern, reason)
  }
  if (files.length === 0) {
    const skipped = [...SKIPPED_DIRECTORIES].join(', ')
    const reason = `matches no file under working-directory ${workingDirectory} (${skipped} are not searched)`
    throw new InputError(Inputs.GoSum, glob.pattern, reason)
  }
  return files
}

/** The go.mod next to a listed go.sum, or the go.work next to a go.work.sum (x.work.sum: x.work). */
function toolchainFileFor(goSumFile: string): string {
  const name = basename(goSumFile)
  const dir = dirname(goSumFile)
  return name.endsWith('.work.sum') ? join(dir, name.slice(0, -'.sum'.length)) : join(dir, 'go.mod')
}
