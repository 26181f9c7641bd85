// The versions a go.mod retracts (golang.org/x/mod/modfile: `retract v1.2.3` or
// `retract [v1.0.0, v1.0.5]`, on a line or in a block), as cmd/go/internal/modload's
// CheckRetractions reads them from the go.mod of a module's latest version: with modfile.ParseLax,
// which skips a retract line it cannot read and keeps the others.
import * as semver from '../xmod/semver.js'
import { statements } from './modfile.js'

/**
 * Whether `goMod` (the text of a module's latest go.mod) retracts a version. A go.mod the lexer
 * refuses retracts nothing: Go then allows every version (its error is not ErrDisallowed).
 */
export function retractedBy(goMod: string): (version: string) => boolean {
  let intervals: [string, string][]
  try {
    intervals = statements(goMod, 'go.mod')
      .filter(s => s.verb === 'retract')
      .flatMap(s => intervalOf(s.args))
  } catch {
    return () => false
  }
  return version =>
    intervals.some(
      ([low, high]) => semver.compare(low, version) <= 0 && semver.compare(version, high) <= 0
    )
}

/** modfile's parseVersionInterval, lax: none for a line it cannot read. */
function intervalOf(args: string[]): [string, string][] {
  const [first, low, comma, high, last] = args
  if (first !== '[') {
    const version = canonical(first)
    return version ? [[version, version]] : []
  }
  if (comma !== ',' || last !== ']') return []
  const [from, to] = [canonical(low), canonical(high)]
  return from && to ? [[from, to]] : []
}

/** module.CanonicalVersion, which modfile's parseVersion writes a version as (v1.2 → v1.2.0). */
function canonical(version: string | undefined): string | undefined {
  if (version === undefined || !semver.isValid(version)) return undefined
  return semver.canonical(version) + (version.endsWith('+incompatible') ? '+incompatible' : '')
}
