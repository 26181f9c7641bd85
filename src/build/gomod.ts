// The toolchain a go.mod or go.work asks for, by the go command's rules (cmd/go/internal/toolchain
// select.go, gover/gomod.go), and the golang.org/toolchain module that delivers it.
import { GoEnvError } from '../gostd/errors.js'
import { TOOLCHAIN_MODULE } from '../goenv/gosumdb.js'
import { quote, trimSpace } from '../gostd/strings.js'
import type { GoPlatform } from '../goenv/platform.js'
import { compareGo, isLanguageVersion, isValidGo, versionOfToolchain } from '../gostd/gover.js'

/**
 * gover.GoModLookup: the value of the first line that starts with `key` and a space or tab, its
 * `//` comment dropped; '' when there is none. The go command reads go.mod this way to pick a
 * toolchain (before it parses the file), so blocks and other lines never matter.
 */
export function goModLookup(text: string, key: string): string {
  for (const raw of text.split('\n')) {
    const line = trimSpace(raw)
    if (!line.startsWith(key)) continue
    const rest = line.slice(key.length)
    if (rest[0] !== ' ' && rest[0] !== '\t') continue
    return trimSpace(rest.split('//', 1)[0])
  }
  return ''
}

/** A toolchain the go command switches to, with `GOTOOLCHAIN=auto`, when the Go it runs is older. */
export interface ToolchainNeed {
  /** The toolchain name, as in the module version: `go1.25.3`, `go1.21rc2`. */
  name: string
  /** The Go version it stands for (`1.25.3`), to compare with the Go installed. */
  version: string
  /** What asks for it: go.mod's (or go.work's) toolchain or go line, or GOTOOLCHAIN. */
  from: 'toolchain' | 'go' | 'GOTOOLCHAIN'
}

// Every go command that switches toolchains is Go 1.21.0 or later: it never needs one up to that.
const FIRST_SWITCHING_GO = '1.21.0'

/**
 * The toolchain a go.mod or go.work needs, as toolchain.Select picks it for a Go older than
 * every requirement: the later of the `toolchain` line and the `go` line (a language version
 * such as `go 1.22` asks for its first release, go1.22.0), the toolchain line on a tie.
 * `toolchain default` means the installed Go, always. Undefined when nothing newer than Go 1.21.0
 * is asked for. Throws GoEnvError on a toolchain line the go command refuses.
 */
export function toolchainOf(text: string): ToolchainNeed | undefined {
  const toolchain = goModLookup(text, 'toolchain')
  if (toolchain === 'default') return undefined
  let need: ToolchainNeed | undefined
  if (toolchain !== '') {
    const version = versionOfToolchain(toolchain)
    if (version === '') throw new GoEnvError(`invalid toolchain ${quote(toolchain)}`)
    need = { name: toolchain, version, from: 'toolchain' }
  }
  const go = goModLookup(text, 'go')
  if (isValidGo(go) && compareGo(go, need?.version ?? '') > 0) {
    const release = isLanguageVersion(go) && compareGo(go, '1.21') >= 0 ? `${go}.0` : go
    need = { name: `go${release}`, version: release, from: 'go' }
  }
  return need && compareGo(need.version, FIRST_SWITCHING_GO) > 0 ? need : undefined
}

/**
 * The module version the go command downloads for a toolchain: `v0.0.1-<name>.<GOOS>-<GOARCH>`,
 * with the GOARCH of the running Go (`arm`, not the `armv6l` of release archive names).
 */
export function toolchainModule(name: string, platform: GoPlatform) {
  return {
    path: TOOLCHAIN_MODULE,
    version: `v0.0.1-${name}.${platform.goos}-${platform.goarch}`
  }
}
