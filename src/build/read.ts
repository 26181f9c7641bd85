// The build: the module versions of the go.sum files found, and the toolchains their go.mod or
// go.work files ask for.
import { readFile } from 'node:fs/promises'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import type { DiscoveredBuild } from './discover.js'
import type { GoPlatform } from '../goenv/platform.js'
import { toolchainModule, toolchainOf, type ToolchainNeed } from './gomod.js'
import { readGoSumFiles, type BuildModule } from './gosum.js'

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
  const modules = await readGoSumFiles(found.goSumFiles)
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
