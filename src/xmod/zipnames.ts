// The name rules of a module zip, as golang.org/x/mod/zip's checkZip applies them to each entry:
// the module@version/ prefix, clean paths, module.CheckFilePath, case-fold collisions and where
// go.mod may be. Messages are Go's, so a report reads like the go command's error.
import { quote, quoteRune } from '../gostd/strings.js'

/**
 * What is wrong with a module zip (`message` is the go command's wording, prefixed by the entry):
 * - `bad-zip`: not a zip, or an entry that cannot be read (bad data, CRC, size unlike its header)
 * - `bad-prefix`: an entry outside `<path>@<version>/`
 * - `unsafe-path`: a name that is not clean or fails module.CheckFilePath (`..`, `\`, `:`, …)
 * - `case-collision`: two names equal under case folding
 * - `duplicate`: a name given twice, or used both as a file and as a directory
 * - `gomod-not-at-root` / `gomod-case`: a go.mod below the root, or spelled other than "go.mod"
 * - `too-large` / `too-many-entries`: over a limit of ZipLimits
 */
export type ZipProblem = {
  code:
    | 'bad-zip'
    | 'bad-prefix'
    | 'case-collision'
    | 'duplicate'
    | 'unsafe-path'
    | 'gomod-not-at-root'
    | 'gomod-case'
    | 'too-large'
    | 'too-many-entries'
  /** The entry's name as stored (invalid UTF-8 shown as U+FFFD). */
  file?: string
  message: string
}

/** An entry name that passed the rules: its path inside the module and whether it is a directory. */
export interface ModuleFileName {
  rel: string
  isDir: boolean
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const lossyUtf8 = new TextDecoder('utf-8')

/** Whether Go's path.Clean(p) == p (Clean keeps a leading ".." of a relative path). */
export function isCleanPath(p: string): boolean {
  if (p === '') return false
  if (p === '/' || p === '.') return true
  const rooted = p.startsWith('/')
  let sawName = rooted
  for (const elem of (rooted ? p.slice(1) : p).split('/')) {
    if (elem === '' || elem === '.') return false
    if (elem !== '..') sawName = true
    else if (sawName) return false
  }
  return true
}

const FILE_NAME_PUNCTUATION = '!#$%&()+,-.=@[]^_{}~ '
const WINDOWS_RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL'])
const WINDOWS_NUMBERED = /^(COM|LPT)[1-9]$/

/**
 * module.CheckFilePath's rule for one character of a file name. JavaScript's Unicode tables may
 * be newer than Go's: a letter added since Go's version passes here but fails in Go.
 */
function fileNameCharOK(ch: string): boolean {
  if (/^[0-9A-Za-z]$/.test(ch)) return true
  if (ch.charCodeAt(0) < 0x80) return FILE_NAME_PUNCTUATION.includes(ch)
  return /^\p{L}$/u.test(ch)
}

function checkElement(elem: string): string | undefined {
  if (elem === '') return 'empty path element'
  if (/^\.+$/.test(elem)) return `invalid path element ${quote(elem)}`
  if (elem.endsWith('.')) return 'trailing dot in path element'
  for (const ch of elem) {
    if (!fileNameCharOK(ch)) return `invalid char ${quoteRune(ch)}`
  }
  // Windows refuses these device names, with or without an extension.
  const short = elem.split('.', 1)[0]
  const upper = short.toUpperCase()
  if (WINDOWS_RESERVED.has(upper) || WINDOWS_NUMBERED.test(upper)) {
    return `${quote(short)} disallowed as path element component on Windows`
  }
  return undefined
}

/** module.CheckFilePath: undefined when `p` is a valid file path inside a module. */
export function checkFilePath(p: string, validUtf8 = true): string | undefined {
  const reason = ((): string | undefined => {
    if (!validUtf8) return 'invalid UTF-8'
    if (p === '') return 'empty string'
    if (p.includes('//')) return 'double slash'
    if (p.endsWith('/')) return 'trailing slash'
    for (const elem of p.split('/')) {
      const bad = checkElement(elem)
      if (bad !== undefined) return bad
    }
    return undefined
  })()
  return reason === undefined ? undefined : `malformed file path ${quote(p)}: ${reason}`
}

/**
 * A key equal for two strings exactly when Go's strings.EqualFold says they are equal (simple
 * case folding). JavaScript exposes that folding only through case-insensitive Unicode regular
 * expressions, so each non-ASCII character is mapped to the lower case of its upper case when
 * such a regular expression agrees they fold together (that excludes dotless i and other special
 * cases), else to its own lower case when that folds with it, else to itself.
 */
export function foldKey(s: string): string {
  if (!/\P{ASCII}/u.test(s)) return s.toLowerCase()
  let key = ''
  for (const ch of s) key += foldChar(ch)
  return key
}

/** Bounded: only letters get here, as other characters fail checkFilePath first. */
const foldCache = new Map<string, string>()

function foldChar(ch: string): string {
  if (ch.charCodeAt(0) < 0x80) return ch.toLowerCase()
  let folded = foldCache.get(ch)
  if (folded === undefined) {
    const escaped = `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`
    const foldsWith = (other: string): boolean =>
      [...other].length === 1 && new RegExp(`^${escaped}$`, 'iu').test(other)
    const viaUpper = ch.toUpperCase().toLowerCase()
    const lower = ch.toLowerCase()
    folded = foldsWith(viaUpper) ? viaUpper : foldsWith(lower) ? lower : ch
    foldCache.set(ch, folded)
  }
  return folded
}

/** Finds names equal under case folding, and names used both as a file and as a directory. */
export class CollisionChecker {
  private readonly seen = new Map<string, { path: string; isDir: boolean }>()

  /** Records `p` and its parent directories; returns the problem, if any, as Go words it. */
  check(p: string, isDir: boolean): Pick<ZipProblem, 'code' | 'message'> | undefined {
    const key = foldKey(p)
    const other = this.seen.get(key)
    if (other === undefined) {
      this.seen.set(key, { path: p, isDir })
    } else if (other.path !== p) {
      const message = `case-insensitive file name collision: ${quote(other.path)} and ${quote(p)}`
      return { code: 'case-collision', message }
    } else if (other.isDir !== isDir) {
      return { code: 'duplicate', message: `entry ${quote(p)} is both a file and a directory` }
    } else if (!isDir) {
      return { code: 'duplicate', message: `multiple entries for file ${quote(p)}` }
    }
    const slash = p.lastIndexOf('/')
    return slash > 0 ? this.check(p.slice(0, slash), true) : undefined
  }
}

/** The go.mod placement rules: only at the root, spelled in lower case. */
function checkGoModPlacement(rel: string): Pick<ZipProblem, 'code' | 'message'> | undefined {
  const base = rel.slice(rel.lastIndexOf('/') + 1)
  if (foldKey(base) !== 'go.mod') return undefined
  if (base !== rel)
    return { code: 'gomod-not-at-root', message: 'go.mod file not in module root directory' }
  if (rel !== 'go.mod')
    return { code: 'gomod-case', message: 'go.mod files must have lowercase names' }
  return undefined
}

/**
 * Applies checkZip's name rules to one entry. Returns the name inside the module, null for the
 * `<module>@<version>/` entry itself (which Go skips), or the problem.
 */
export function checkEntryName(
  raw: Buffer,
  prefix: string,
  collisions: CollisionChecker
): ModuleFileName | null | ZipProblem {
  const file = lossyUtf8.decode(raw)
  const problem = (p: Pick<ZipProblem, 'code' | 'message'>): ZipProblem => ({
    code: p.code,
    file,
    message: `${file}: ${p.message}`
  })
  const prefixBytes = Buffer.from(prefix)
  if (!raw.subarray(0, prefixBytes.length).equals(prefixBytes)) {
    return problem({ code: 'bad-prefix', message: `path does not have prefix ${quote(prefix)}` })
  }
  let rel = file.slice(prefix.length)
  if (rel === '') return null
  const isDir = rel.endsWith('/')
  if (isDir) rel = rel.slice(0, -1)
  if (!isCleanPath(rel)) return problem({ code: 'unsafe-path', message: 'file path is not clean' })
  const malformed = checkFilePath(rel, isValidUtf8(raw))
  if (malformed !== undefined) return problem({ code: 'unsafe-path', message: malformed })
  const collision = collisions.check(rel, isDir)
  if (collision !== undefined) return problem(collision)
  const goMod = isDir ? undefined : checkGoModPlacement(rel)
  return goMod === undefined ? { rel, isDir } : problem(goMod)
}

function isValidUtf8(raw: Buffer): boolean {
  try {
    utf8.decode(raw)
    return true
  } catch {
    return false
  }
}
