// File patterns for `go-sum`: '/'-separated elements, each matched by Go's path.Match (`*`, `?`,
// `[a-z]`, `\` escapes; never across '/'), plus `**` as a whole element for any number of
// directories. A Go user reads them as Go reads GOPRIVATE, and no dependency is needed.
import { BAD_PATTERN, goPathMatch } from '../gostd/pathmatch.js'

export interface Glob {
  pattern: string
  elements: string[]
}

/** Whether an item of `go-sum` is a pattern rather than a path. */
export function isGlob(item: string): boolean {
  return /[*?[]/.test(item)
}

/**
 * Compiles a pattern relative to the working directory; throws Error with the reason when it is
 * absolute, leaves the directory (`..`) or has a malformed element.
 */
export function compileGlob(pattern: string): Glob {
  if (pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern)) {
    throw new Error('is a pattern, so it must be relative to working-directory')
  }
  const elements: string[] = []
  for (const element of pattern.split('/')) {
    if (element === '' || element === '.') continue
    if (element === '..') throw new Error('is a pattern, so it must stay under working-directory')
    // Consecutive `**` mean the same as one.
    if (element === '**' && elements.at(-1) === '**') continue
    if (element !== '**' && goPathMatch(element, '') === BAD_PATTERN) {
      throw new Error(`is not a valid pattern: ${JSON.stringify(element)} is malformed`)
    }
    elements.push(element)
  }
  if (elements.length === 0 || elements.at(-1) === '**') {
    throw new Error('is not a valid pattern: it must end in a file name pattern such as go.sum')
  }
  return { pattern, elements }
}

/**
 * Whether the elements of a relative path match the glob: the whole path, or with `prefix`, a
 * directory some file below which could match (so a walk can skip the others).
 */
function matchElements(glob: Glob, path: string[], prefix: boolean): boolean {
  const p = glob.elements
  // can[i][j]: p[i:] matches path[j:]; filled from the ends backwards.
  const can = Array.from({ length: p.length + 1 }, () => new Array<boolean>(path.length + 1))
  for (let i = p.length; i >= 0; i--) {
    for (let j = path.length; j >= 0; j--) {
      if (i === p.length) can[i][j] = j === path.length
      // A pattern never ends in `**`, so a rest of it needs more elements.
      else if (j === path.length) can[i][j] = prefix
      else if (p[i] === '**') can[i][j] = can[i + 1][j] || can[i][j + 1]
      else can[i][j] = can[i + 1][j + 1] && goPathMatch(p[i], path[j]) === true
    }
  }
  return can[0][0]
}

/** Whether a file's path relative to the working directory ('/'-separated) matches. */
export function globMatches(glob: Glob, relativePath: string): boolean {
  return matchElements(glob, relativePath.split('/'), false)
}

/** Whether a file under this directory (relative, '/'-separated; '' for the root) could match. */
export function globMayMatchUnder(glob: Glob, relativeDir: string): boolean {
  return matchElements(glob, relativeDir === '' ? [] : relativeDir.split('/'), true)
}
