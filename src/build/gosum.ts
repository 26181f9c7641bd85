// go.sum files as the go command reads them (cmd/go/internal/modfetch/fetch.go readGoSum and its
// users), into the module versions of the build, each hash with the file and line it came from.
import { readFile } from 'node:fs/promises'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import { checkVersion } from '../xmod/module.js'
import { fields } from '../gostd/strings.js'

/** One go.sum line that counts: an `h1:` hash of a module's go.mod (`mod`) or zip (`zip`). */
export interface GoSumEntry {
  path: string
  /** The module version, without the `/go.mod` suffix of a go.mod line. */
  version: string
  kind: 'mod' | 'zip'
  hash: string
  file: string
  /** 1-based. */
  line: number
}

/** Where a hash was read: for annotations on the file and line. */
export interface SumPlace {
  file: string
  line: number
}

/**
 * A module version of the build: its go.mod hash (every version Go loads a go.mod of) and its
 * zip hash (a module whose packages the build compiles), each with its first place.
 */
export interface BuildModule {
  path: string
  version: string
  modHash?: string
  zipHash?: string
  modAt?: SumPlace
  zipAt?: SumPlace
  /**
   * With zipHash: whether a build fetches the zip (see requires.ts). False for a zip line of a
   * module no go.mod of the build requires: only `go mod tidy` or `go test all` fetch it.
   * `when-selected`: beside a go.mod before go 1.17, when minimal version selection picks this
   * version (the build list), as the module graph walk finds.
   */
  zipFetched?: ZipFetched
}

export type ZipFetched = boolean | 'when-selected'

/** What two go.sum lines of one zip say together: fetched if either says so. */
function eitherFetches(a: ZipFetched | undefined, b: ZipFetched): ZipFetched {
  if (a === true || b === true) return true
  return a === 'when-selected' || b === 'when-selected' ? 'when-selected' : false
}

// An old go command bug wrote this hash (a 0-byte go.mod) for non-modules; Go drops such lines.
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY='
// A SHA-256 in standard base64.
const H1 = /^h1:[A-Za-z0-9+/]{43}=$/
const MOD_SUFFIX = '/go.mod'
const FIELDS = { mod: ['modHash', 'modAt'], zip: ['zipHash', 'zipAt'] } as const

function malformed(file: string, line: number, reason: string): InputError {
  return new InputError(Inputs.GoSum, file, `line ${line} is malformed: ${reason}`)
}

/**
 * The lines of one go.sum that our checks use. As the go command: blank lines are skipped, a line
 * without exactly three fields is an error, lines with the empty-go.mod hash are dropped, and
 * hashes of other algorithms than `h1:` are ignored (a later Go may add some). Stricter than Go,
 * which would only fail once it used the line: a module version that is not valid, or an `h1:`
 * hash that is not a SHA-256, is an error here, since no proxy could ever match it.
 */
export function parseGoSum(text: string, file: string): GoSumEntry[] {
  const entries: GoSumEntry[] = []
  for (const [index, content] of text.split('\n').entries()) {
    const line = index + 1
    const f = fields(content)
    if (f.length === 0) continue
    if (f.length !== 3) throw malformed(file, line, `wrong number of fields ${f.length}`)
    const [path, listed, hash] = f
    if (hash === EMPTY_GO_MOD_HASH || !hash.startsWith('h1:')) continue
    if (!H1.test(hash)) throw malformed(file, line, `${hash} is not an h1: hash (SHA-256, base64)`)
    const kind = listed.endsWith(MOD_SUFFIX) ? 'mod' : 'zip'
    const version = kind === 'mod' ? listed.slice(0, -MOD_SUFFIX.length) : listed
    try {
      checkVersion(path, version)
    } catch (err) {
      throw malformed(file, line, (err as Error).message)
    }
    entries.push({ path, version, kind, hash, file, line })
  }
  return entries
}

/**
 * One module version per path and version, in the order they first appear. The same hash in
 * several files (a workspace, a monorepo) keeps its first place. Two different `h1:` hashes for
 * the same file of a module version are an error: one of them is wrong whatever a proxy serves,
 * and the go command refuses to go on (checksum mismatch) when it meets both.
 */
export function collectModules(
  entries: GoSumEntry[],
  fetchesZip: (entry: GoSumEntry) => ZipFetched = () => true
): BuildModule[] {
  const modules = new Map<string, BuildModule>()
  for (const entry of entries) {
    const key = `${entry.path}@${entry.version}`
    const module = modules.get(key) ?? { path: entry.path, version: entry.version }
    modules.set(key, module)
    if (entry.kind === 'zip')
      module.zipFetched = eitherFetches(module.zipFetched, fetchesZip(entry))
    const [hashField, atField] = FIELDS[entry.kind]
    const known = module[hashField]
    const at = module[atField]
    if (known === undefined) {
      module[hashField] = entry.hash
      module[atField] = { file: entry.file, line: entry.line }
    } else if (known !== entry.hash) {
      const what = entry.kind === 'mod' ? `${key}${MOD_SUFFIX}` : key
      const reason = `line ${entry.line} says ${entry.hash} for ${what}, but ${at?.file}:${at?.line} says ${known}: one of them is wrong`
      throw new InputError(Inputs.GoSum, entry.file, reason)
    }
  }
  return [...modules.values()]
}

/** Reads go.sum files, in order, into the build's module versions (see parseGoSum, collectModules). */
export async function readGoSumFiles(
  files: readonly string[],
  fetchesZip?: (entry: GoSumEntry) => ZipFetched
): Promise<BuildModule[]> {
  const entries: GoSumEntry[] = []
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new InputError(Inputs.GoSum, file, `cannot be read (${err.code ?? err.message})`)
    })
    entries.push(...parseGoSum(text, file))
  }
  return collectModules(entries, fetchesZip)
}
