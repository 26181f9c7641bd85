// Finds the go.sum files of the build, and the files whose `go`/`toolchain` lines pick its
// toolchain: the module or workspace of the working directory as the go command finds it
// (cmd/go/internal/modload init.go: FindGoWork, findWorkspaceFile, findModuleRoot), or the files
// `go-sum` lists. A build the go command makes from vendor/ downloads no module: its go.sum files
// are set aside, not read (see vendor.ts).
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import { parseUseDirectives } from './gowork.js'
import type { GoSumSelection } from '../config/go-sum.js'
import { expandListed } from './listed.js'
import { modfileFlag } from '../goenv/goflags.js'
import { vendorModeOf, type BuildRoot, type Vendored } from './vendor.js'
import { isDirectory, isFile } from './walk.js'

export interface DiscoveredBuild {
  /** go.sum and go.work.sum files, in the order their lines are read (a module's before the workspace's). */
  goSumFiles: string[]
  /** The go.work or go.mod files whose `go` and `toolchain` lines pick the toolchain. */
  toolchainFiles: string[]
  /** The go.work file, when the working directory is in a workspace. */
  workspace?: string
  /** False when `auto` finds no module or workspace: there is no build to check. */
  found: boolean
  /** The builds made from vendor/, whose go.sum files are left out of goSumFiles. */
  vendored?: Vendored[]
  /**
   * The go.sum the module's go.mod has none of yet, when `auto` found one: read as empty, so the
   * module graph is followed from go.mod alone, as `go mod download` does before writing it.
   */
  missingGoSum?: string
  /**
   * The file GOFLAGS -modfile has the go command read instead of go.mod (when `auto` found a
   * module), and the root of that module, which its relative replacement directories start from.
   */
  modFile?: { path: string; moduleRoot: string }
}

export interface DiscoverOptions {
  goSum: GoSumSelection
  /** Absolute (see resolveWorkingDirectory). */
  workingDirectory: string
  /** The job's environment: GOWORK, and GOFLAGS (for -mod). */
  env: Record<string, string | undefined>
  /** os.tmpdir(): the go command ignores a go.mod right in it. */
  tempDir?: string
}

const nothing = (): DiscoveredBuild => ({ goSumFiles: [], toolchainFiles: [], found: false })

/**
 * The build's files, for the plan's `go-sum` selection. `auto`: the go.work in use (GOWORK, else
 * the nearest above the working directory), else the nearest go.mod above it, else nothing
 * (`found: false`, not an error). Throws InputError naming `working-directory` when it is not a
 * directory, and naming `go-sum` where the go command would fail (a relative GOWORK, a go.work
 * that cannot be read or uses a directory without go.mod) or a listed item finds no file.
 */
export async function discoverGoSums(options: DiscoverOptions): Promise<DiscoveredBuild> {
  const { goSum, workingDirectory } = options
  if (!(await isDirectory(workingDirectory))) {
    throw new InputError(Inputs.WorkingDirectory, workingDirectory, 'is not a directory')
  }
  if (goSum.kind === 'none') return nothing()
  if (goSum.kind === 'listed') {
    // Go runs in workspace mode there all the same: what the build fetches follows from it.
    const workspace = await findWorkspace(workingDirectory, options.env).catch(() => undefined)
    const listed = await expandListed(goSum.items, workingDirectory)
    if (workspace === undefined) return setAsideVendoredModules(listed, options.env.GOFLAGS)
    const root: BuildRoot = { dir: dirname(workspace), file: workspace, workspace: true }
    return setAsideIfVendored({ ...listed, workspace, found: true }, root, options.env.GOFLAGS)
  }
  const workspace = await findWorkspace(workingDirectory, options.env)
  if (workspace !== undefined) {
    const flag = modfileFlag(options.env.GOFLAGS)
    if (flag !== undefined) {
      throw autoError(
        `GOFLAGS sets -modfile=${flag}, which the go command refuses in the workspace ${workspace} ("-modfile cannot be used in workspace mode")`
      )
    }
    const root: BuildRoot = { dir: dirname(workspace), file: workspace, workspace: true }
    return setAsideIfVendored(await readWorkspace(workspace), root, options.env.GOFLAGS)
  }
  const goMod = await findUp(workingDirectory, 'go.mod')
  // golang.org/issue/26708: a go.mod left in the temporary directory is not a module root.
  if (goMod === undefined || dirname(goMod) === resolve(options.tempDir ?? tmpdir())) {
    const flag = modfileFlag(options.env.GOFLAGS)
    if (flag === undefined) return nothing()
    throw autoError(
      `GOFLAGS sets -modfile=${flag}, but there is no go.mod (the go command fails: "cannot find main module, but -modfile was set")`
    )
  }
  return moduleBuild(goMod, workingDirectory, options.env.GOFLAGS)
}

/**
 * The module whose root holds `goMod`. With GOFLAGS -modfile (relative to the working directory)
 * the go command reads that file instead for the build (requirements, go line) and the go.sum
 * beside it (`x.mod` → `x.sum`); the toolchain it switches to, vendor/ and replacement
 * directories still come from go.mod and the module root (toolchain/select.go reads go.mod).
 */
async function moduleBuild(
  goMod: string,
  workingDirectory: string,
  goflags: string | undefined
): Promise<DiscoveredBuild> {
  const flag = modfileFlag(goflags)
  if (flag !== undefined && !flag.endsWith('.mod')) {
    throw autoError(
      `GOFLAGS sets -modfile=${flag}: file does not have .mod extension (go fails too)`
    )
  }
  const modFile = flag === undefined ? goMod : resolve(workingDirectory, flag)
  const goSumFile = sumFileOf(modFile)
  const present = await isFile(goSumFile)
  const build = {
    goSumFiles: present ? [goSumFile] : [],
    toolchainFiles: [goMod],
    found: true,
    ...(!present && { missingGoSum: goSumFile }),
    ...(flag !== undefined && { modFile: { path: modFile, moduleRoot: dirname(goMod) } })
  }
  const root: BuildRoot = { dir: dirname(goMod), file: modFile, workspace: false }
  return setAsideIfVendored(build, root, goflags)
}

/** The go.sum of a module file: `go.mod` → `go.sum`, `x.mod` → `x.sum`. */
export function sumFileOf(modFile: string): string {
  return `${modFile.slice(0, -'.mod'.length)}.sum`
}

/** The module file whose go.sum is missing, and that go.sum; undefined when none is. */
export function withoutGoSum(found: DiscoveredBuild): { goMod: string; goSum: string } | undefined {
  const goSum = found.missingGoSum
  if (goSum === undefined) return undefined
  return { goMod: found.modFile?.path ?? join(dirname(goSum), 'go.mod'), goSum }
}

/** The module's or workspace's build, its go.sum files set aside when Go builds it from vendor/. */
async function setAsideIfVendored(
  build: DiscoveredBuild,
  root: BuildRoot,
  goflags: string | undefined
): Promise<DiscoveredBuild> {
  const mode = await vendorModeOf(root, goflags)
  if (mode === undefined) return build
  const { missingGoSum: _none, ...modules } = build
  return { ...modules, goSumFiles: [], vendored: [{ ...mode, goSumFiles: build.goSumFiles }] }
}

/**
 * Listed go.sum files outside a workspace: each is its module's (the go.mod beside it), and is
 * set aside when Go builds that module from vendor/.
 */
async function setAsideVendoredModules(
  listed: Pick<DiscoveredBuild, 'goSumFiles' | 'toolchainFiles'>,
  goflags: string | undefined
): Promise<DiscoveredBuild> {
  const goSumFiles: string[] = []
  const vendored: Vendored[] = []
  for (const file of listed.goSumFiles) {
    const root: BuildRoot = {
      dir: dirname(file),
      file: join(dirname(file), 'go.mod'),
      workspace: false
    }
    const mode =
      basename(file) === 'go.sum' && (await isFile(root.file))
        ? await vendorModeOf(root, goflags)
        : undefined
    if (mode === undefined) goSumFiles.push(file)
    else vendored.push({ ...mode, goSumFiles: [file] })
  }
  return { ...listed, goSumFiles, found: true, ...(vendored.length > 0 && { vendored }) }
}

function autoError(reason: string): InputError {
  return new InputError(Inputs.GoSum, 'auto', reason)
}

/** The go.work in use: GOWORK `off` none, empty or `auto` the nearest one up, else its path. */
async function findWorkspace(
  dir: string,
  env: Record<string, string | undefined>
): Promise<string | undefined> {
  const gowork = env.GOWORK ?? ''
  if (gowork === 'off') return undefined
  if (gowork === '' || gowork === 'auto') return findUp(dir, 'go.work')
  if (!isAbsolute(gowork)) {
    throw autoError(`cannot find the workspace: GOWORK=${gowork} is not an absolute path`)
  }
  return gowork
}

/** The go.sum of every module the workspace uses, then its own go.work.sum. */
async function readWorkspace(goWork: string): Promise<DiscoveredBuild> {
  const text = await readFile(goWork, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw autoError(`cannot read the workspace ${goWork} (${err.code ?? err.message})`)
  })
  let uses: string[]
  try {
    uses = parseUseDirectives(text)
  } catch (err) {
    throw autoError(`cannot read the workspace ${goWork}: ${(err as Error).message}`)
  }
  const goSumFiles: string[] = []
  for (const dir of new Set(uses.map(use => resolve(dirname(goWork), use)))) {
    if (!(await isFile(join(dir, 'go.mod')))) {
      throw autoError(`the workspace ${goWork} uses ${dir}, which has no go.mod (go fails too)`)
    }
    goSumFiles.push(join(dir, 'go.sum'))
  }
  // The workspace's own sums sit next to it: go.work.sum for go.work, x.work.sum for x.work.
  goSumFiles.push(`${goWork}.sum`)
  return {
    goSumFiles: await existing(goSumFiles),
    toolchainFiles: [goWork],
    workspace: goWork,
    found: true
  }
}

/** The file `name` in dir or the nearest directory above it (files only, links followed). */
async function findUp(dir: string, name: string): Promise<string | undefined> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, name)
    if (await isFile(candidate)) return candidate
    if (dirname(current) === current) return undefined
  }
}

async function existing(files: string[]): Promise<string[]> {
  const present = await Promise.all(files.map(isFile))
  return files.filter((_, i) => present[i])
}
