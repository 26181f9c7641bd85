/**
 * GOTOOLCHAIN, read as cmd/go/internal/toolchain (select.go) reads it: `local`, `auto`, `path`, a
 * toolchain name, or `<name|local>+auto` / `+path`. It decides which toolchain the go command
 * downloads: none with `local` or `path`, the one it names, or, with `auto`, what go.mod asks
 * for when that is newer than its minimum.
 */
import { GoEnvError } from '../gostd/errors.js'
import { versionOfToolchain } from '../gostd/gover.js'

export interface ToolchainSetting {
  /** The minimum toolchain, e.g. go1.25.3; undefined for the Go installed (`local`). */
  min?: string
  /**
   * `auto`: switch to what go.mod asks for, downloading it; `path`: switch, but only to a go
   * found on PATH (never downloaded); `fixed`: always the minimum, never what go.mod asks for.
   */
  mode: 'auto' | 'path' | 'fixed'
}

/**
 * Parses GOTOOLCHAIN; unset (no Go found to read its go.env) is Go's own default, `auto`.
 * Throws GoEnvError, in Go's words, on a value the go command refuses.
 */
export function parseGotoolchain(value: string | undefined): ToolchainSetting {
  if (!value || value === 'auto') return { mode: 'auto' }
  if (value === 'path') return { mode: 'path' }
  const [min, suffix] = value.split(/\+(.*)/s, 2)
  const plus = suffix !== undefined
  if (min !== 'local' && versionOfToolchain(min) === '') {
    const why = plus ? `: invalid minimum toolchain ${JSON.stringify(min)}` : ''
    throw new GoEnvError(`invalid GOTOOLCHAIN ${JSON.stringify(value)}${why}`)
  }
  if (plus && suffix !== 'auto' && suffix !== 'path') {
    throw new GoEnvError(
      `invalid GOTOOLCHAIN ${JSON.stringify(value)}: only version suffixes are +auto and +path`
    )
  }
  const mode = suffix === 'auto' || suffix === 'path' ? suffix : 'fixed'
  return min === 'local' ? { mode } : { min, mode }
}
