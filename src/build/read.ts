// The build: the module versions of the go.sum files found, and the toolchains their go.mod or
// go.work files ask for.
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import type { DiscoveredBuild } from './discover.js'
import type { GoPlatform } from '../goenv/platform.js'
import { toolchainModule, toolchainOf, type ToolchainNeed } from './gomod.js'
import { readGoSumFiles, type BuildModule, type GoSumEntry } from './gosum.js'
import { zipsFetched } from './requires.js'

export interface BuildToolchain extends ToolchainNeed {
  /** The go.mod or go.work that asks for it (the first, when several do). */
  file: string
  /** What the go command downloads; undefined when Go has no port for this machine. */
  module?: { path: string; version: string }
}

export interface Build {
  modules: BuildModule[]
  /** Each toolchain once, in the order of the files asking for it. */
  toolchains: BuildToolchain[]
}

/**
 * Reads what discoverGoSums found. Throws InputError (naming `go-sum`) on a file that cannot be
 * read, a malformed go.sum line, two go.sum lines that disagree, or a toolchain line the go
 * command refuses.
 */
export async function readBuild(
  found: DiscoveredBuild,
  platform: GoPlatform | undefined
): Promise<Build> {
  const modules = await readGoSumFiles(found.goSumFiles, await zipsFetchedBy(found))
  const toolchains = new Map<string, BuildToolchain>()
  for (const file of found.toolchainFiles) {
    const need = await readToolchain(file)
    if (need === undefined || toolchains.has(need.name)) continue
    const module = platform && toolchainModule(need.name, platform)
    toolchains.set(need.name, { ...need, file, ...(module && { module }) })
  }
  return { modules, toolchains: [...toolchains.values()] }
}

async function readToolchain(file: string): Promise<ToolchainNeed | undefined> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new InputError(Inputs.GoSum, file, `cannot be read (${err.code ?? err.message})`)
  })
  try {
    return toolchainOf(text)
  } catch (err) {
    const reason = `sets an ${(err as Error).message}, so the go command refuses to run there`
    throw new InputError(Inputs.GoSum, file, reason)
  }
}

/**
 * Which zip lines the build fetches: in a workspace, every one (`go mod download` there fetches
 * all of the build list); else a go.sum's zip line is fetched when the go.mod beside it requires
 * the module (see requires.ts), or when there is no such go.mod to tell.
 */
async function zipsFetchedBy(found: DiscoveredBuild): Promise<(entry: GoSumEntry) => boolean> {
  if (found.workspace !== undefined) return () => true
  const byFile = new Map<string, Set<string> | undefined>()
  for (const file of found.goSumFiles) {
    if (basename(file) !== 'go.sum') continue
    const goMod = join(dirname(file), 'go.mod')
    const text = await readFile(goMod, 'utf8').catch(() => undefined)
    if (text === undefined) continue
    try {
      byFile.set(file, zipsFetched(text, 'go.mod'))
    } catch (err) {
      throw new InputError(Inputs.GoSum, goMod, (err as Error).message)
    }
  }
  return entry => byFile.get(entry.file)?.has(entry.path) ?? true
}
