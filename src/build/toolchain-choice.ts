// The toolchains the go command downloads for a build, once GOTOOLCHAIN has its say
// (cmd/go/internal/toolchain select.go).
import type { GoPlatform } from '../goenv/platform.js'
import type { ToolchainSetting } from '../goenv/gotoolchain.js'
import { compareGo, versionOfToolchain } from '../gostd/gover.js'
import { toolchainModule } from './gomod.js'
import type { Build, BuildToolchain } from './read.js'

/**
 * What GOTOOLCHAIN makes of the toolchains the go.mod and go.work files ask for: `path` and
 * `local` download none (`path` only looks on PATH); a fixed name is downloaded whatever go.mod
 * says; `<name>+auto` downloads, for each file, the later of the name and what it asks for (the
 * name for a file that asks for nothing).
 */
export function toolchainsToFetch(
  { toolchains: needs, toolchainUnasked }: Pick<Build, 'toolchains' | 'toolchainUnasked'>,
  setting: ToolchainSetting,
  platform: GoPlatform | undefined
): BuildToolchain[] {
  if (setting.mode === 'path') return []
  const min = setting.min === undefined ? undefined : minimum(setting.min, platform)
  if (setting.mode === 'fixed') return min ? [min] : []
  if (!min) return needs
  const chosen = needs.map(need => (compareGo(need.version, min.version) > 0 ? need : min))
  return [...new Set(toolchainUnasked ? [...chosen, min] : chosen)]
}

/** The toolchain GOTOOLCHAIN names, as the build's own. */
function minimum(name: string, platform: GoPlatform | undefined): BuildToolchain {
  const module = platform && toolchainModule(name, platform)
  return {
    name,
    version: versionOfToolchain(name),
    from: 'GOTOOLCHAIN',
    file: 'GOTOOLCHAIN',
    ...(module && { module })
  }
}
