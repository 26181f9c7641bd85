// The `go-sum` and `working-directory` inputs, checked before anything is read from disk.
import { resolve } from 'node:path'
import { Inputs } from '../constants.js'
import { InputError } from './errors.js'
import { compileGlob, isGlob, type Glob } from './glob.js'

/** One item of a `go-sum` list: a file path, or a pattern matched under the working directory. */
export type GoSumItem = { kind: 'path'; path: string } | { kind: 'glob'; glob: Glob }

/**
 * What `go-sum` asks for: `auto` (the default) the module or workspace the working directory is
 * in, as the go command finds it; `none` nothing; else the listed paths and patterns.
 */
export type GoSumSelection =
  { kind: 'auto' } | { kind: 'none' } | { kind: 'listed'; items: GoSumItem[] }

const WORDS = ['auto', 'none']

/**
 * Parses `go-sum`: empty or `auto`, `none`, or paths and patterns separated by newlines or commas
 * (a path may hold spaces). Throws InputError on a malformed pattern, one that is absolute or
 * leaves the working directory, or `auto`/`none` inside a list.
 */
export function parseGoSumInput(text: string | undefined): GoSumSelection {
  const items = (text ?? '')
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(Boolean)
  if (items.length === 0 || (items.length === 1 && items[0] === 'auto')) return { kind: 'auto' }
  if (items.length === 1 && items[0] === 'none') return { kind: 'none' }
  return {
    kind: 'listed',
    items: items.map(item => {
      if (WORDS.includes(item)) {
        throw new InputError(Inputs.GoSum, text ?? '', `lists ${item}, which stands alone`)
      }
      if (!isGlob(item)) return { kind: 'path', path: item }
      try {
        return { kind: 'glob', glob: compileGlob(item) }
      } catch (err) {
        throw new InputError(Inputs.GoSum, item, (err as Error).message)
      }
    })
  }
}

/**
 * The directory the build is looked for in: `working-directory` resolved against the job's
 * workspace (GITHUB_WORKSPACE), else against the current directory; either of them when empty.
 */
export function resolveWorkingDirectory(
  input: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string
): string {
  const base = resolve(cwd, env.GITHUB_WORKSPACE?.trim() || '.')
  return resolve(base, input?.trim() || '.')
}
