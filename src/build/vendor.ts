// Whether the go command builds from vendor/, and so downloads no module, as cmd/go/internal/modload
// (init.go: setDefaultBuildMod, modulesTextIsForWorkspace) decides it for `go build` and `go test`:
// an explicit -mod from GOFLAGS (base/goflags.go) wins; else a vendor directory beside the go.mod
// (in a workspace, beside the go.work) whose modules.txt was written in the same mode, under a
// `go` line of 1.14 or later. `go mod download` takes no -mod flag and fetches every module anyway.
import { open, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { compareGo } from '../gostd/gover.js'
import { trimSpace } from '../gostd/strings.js'
import { goFlagValues } from '../goenv/goflags.js'
import { statements } from './modfile.js'
import { isDirectory } from './walk.js'

/** A build the go command makes from its vendor directory. */
export interface VendorMode {
  /** The vendor directory: beside the go.mod, or beside the go.work in a workspace. */
  dir: string
  /** What chose it: `GOFLAGS sets -mod=vendor`, or `go.mod says go 1.21` (1.14 or later). */
  reason: string
  /** -mod=vendor with no vendor directory: Go fails ("inconsistent vendoring") if anything is required. */
  missing: boolean
}

/** A vendored build and the go.sum files left unread because of it. */
export interface Vendored extends VendorMode {
  goSumFiles: string[]
}

/** The main module's (or the workspace's) directory, and the go.mod or go.work that rules it. */
export interface BuildRoot {
  dir: string
  /** The go.mod, or the go.work in a workspace: its `go` line decides. */
  file: string
  workspace: boolean
}

// The first Go whose go command builds from vendor/ by default.
const AUTO_VENDOR_GO = '1.14'

/**
 * The vendor directory the go command builds `root` from, with `goflags` the job's GOFLAGS;
 * undefined when it fetches modules (also where Go refuses to run: GOFLAGS it cannot split, a
 * modules.txt it cannot read, a go.mod it cannot parse, so the walk stays as it was).
 */
export async function vendorModeOf(
  root: BuildRoot,
  goflags: string | undefined
): Promise<VendorMode | undefined> {
  const dir = join(root.dir, 'vendor')
  const flag = modFlag(goflags)
  if (flag === 'vendor') {
    return { dir, reason: 'GOFLAGS sets -mod=vendor', missing: !(await isDirectory(dir)) }
  }
  if (flag !== undefined || !(await isDirectory(dir))) return undefined
  const go = await goLine(root.file)
  if (go === undefined || go === '' || compareGo(go, AUTO_VENDOR_GO) < 0) return undefined
  // A vendor directory written in the other mode (`go mod vendor` vs `go work vendor`) is unused.
  if ((await modulesTextIsForWorkspace(dir)) !== root.workspace) return undefined
  return { dir, reason: `${basename(root.file)} says go ${go}`, missing: false }
}

/**
 * The -mod GOFLAGS sets: each word a flag, `-mod=x` or `--mod=x`, the last one winning; undefined
 * when none sets a value (an empty value sets nothing, as Go's explicitStringFlag records it), and
 * '' when the last is empty after one that set a value (Go then leaves the mode unset: no vendor).
 */
export function modFlag(goflags: string | undefined): string | undefined {
  let value: string | undefined
  for (const set of goFlagValues(goflags, 'mod')) {
    if (set !== '' || value !== undefined) value = set
  }
  return value
}

/** The `go` line's version ('' when there is none); undefined when the file cannot be read. */
async function goLine(file: string): Promise<string | undefined> {
  try {
    const text = await readFile(file, 'utf8')
    return statements(text, file).find(s => s.verb === 'go')?.args[0] ?? ''
  } catch {
    return undefined
  }
}

/**
 * Whether vendor/modules.txt was written by `go work vendor`: its first line (of the first 512
 * bytes) is a `## ` annotation list naming `workspace`. A missing modules.txt is a module's.
 */
async function modulesTextIsForWorkspace(dir: string): Promise<boolean | undefined> {
  let head: string
  try {
    const file = await open(join(dir, 'modules.txt'))
    try {
      const buffer = Buffer.alloc(512)
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
      head = buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await file.close()
    }
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? false : undefined
  }
  const line = head.split('\n', 1)[0]
  if (!line.startsWith('## ')) return false
  return line
    .slice(3)
    .split(';')
    .some(entry => trimSpace(entry) === 'workspace')
}

/** One sentence on the builds made from vendor/ whose go.sum files were not walked; '' when none. */
export function vendoredSentence(vendored: readonly Vendored[] | undefined): string {
  return (vendored ?? []).map(vendoredLine).join(' ')
}

function vendoredLine(v: Vendored): string {
  const sums = v.goSumFiles.length
  const notWalked =
    sums === 0
      ? 'there is no go.sum to walk'
      : `${sums === 1 ? 'its go.sum was' : `its ${sums} go.sum files were`} not walked`
  if (v.missing) {
    return `Vendored build (${v.reason}), but ${v.dir} does not exist: \`go build\` and \`go test\` download no module and fail ("inconsistent vendoring") if go.mod requires any; ${notWalked}.`
  }
  return `Vendored build (${v.reason}): \`go build\` and \`go test\` build from ${v.dir} and download no module, so ${notWalked} (\`go mod download\` would still fetch every module).`
}
