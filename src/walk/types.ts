import type { Candidate } from '../config/plan.js'
import type { BuildModule } from '../build/gosum.js'
import type { BuildAnswer } from '../probe/types.js'

export type { BuildModule }

/**
 * What the go command fetches of a module version: its .mod or its .zip (each with a go.sum line),
 * and, when `go mod download` fetches the zip, the .info before it; `query`: what it asks to
 * resolve a version a main go.mod spells as a query (see goenv/version-query.ts).
 */
export type FileKind = 'info' | 'mod' | 'zip' | 'query'

export type Answer = BuildAnswer

/** How one file of the build fares along the chain, as the go command walks it. */
export interface FileWalk {
  module: BuildModule
  file: FileKind
  /**
   * served: a proxy serves it right; direct: Go fetches it from version control (not checked);
   * private: it matches GONOPROXY, so Go never asks a proxy; not-fetched: a file no build fetches
   * (a go.mod outside the module graph Go loads, a zip no require line names or of a version the
   * build list passes over); unresolved: the walk ends without it.
   */
  outcome: 'served' | 'direct' | 'private' | 'not-fetched' | 'unresolved'
  /** The entry that serves it, when served. */
  servedBy?: Candidate
  /**
   * Every proxy asked, in walk order, with its answer; then, for a file the walk did not resolve,
   * the usable candidates outside the walk (`outsideChain`), to show who else has it.
   */
  asked: { candidate: Candidate; answer: Answer; outsideChain?: boolean }[]
  /**
   * The proxy that breaks the walk for this file: it contradicts go.sum, or fails in a way Go
   * does not move on from while entries that might serve the file come after it.
   */
  breaksAt?: Candidate
}

/**
 * `file:line` of the go.sum line a walk is for: a .info's is its zip's ("go.mod" for the
 * toolchain, which has none).
 */
export function placeOf(walk: Pick<FileWalk, 'module' | 'file'>): string {
  const { modAt, zipAt } = walk.module
  const at = (walk.file === 'mod' ? modAt : zipAt) ?? modAt ?? zipAt
  return at ? `${at.file}:${at.line}` : 'go.mod'
}

/** `path@version mod|info|zip`: how a candidate's answer for one file is filed. */
export function answerKey(module: Pick<BuildModule, 'path' | 'version'>, file: FileKind): string {
  return `${module.path}@${module.version} ${file}`
}
