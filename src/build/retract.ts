// The versions a go.mod retracts (golang.org/x/mod/modfile: `retract v1.2.3` or
// `retract [v1.0.0, v1.0.5]`, on a line or in a block), as cmd/go/internal/modload's
// CheckRetractions reads them from the go.mod of a module's latest version.
import * as semver from '../xmod/semver.js'
import { statements } from './modfile.js'

/**
 * Whether `goMod` (the text of a module's latest go.mod) retracts a version. A go.mod that cannot
 * be parsed, a retract line with a malformed interval among them, retracts nothing: Go then
 * allows every version (its error is not ErrDisallowed).
 */
export function retractedBy(goMod: string): (version: string) => boolean {
  let intervals: [string, string][]
  try {
    intervals = statements(goMod, 'go.mod')
      .filter(s => s.verb === 'retract')
      .map(s => intervalOf(s.args))
  } catch {
    return () => false
  }
  return version =>
    intervals.some(
      ([low, high]) => semver.compare(low, version) <= 0 && semver.compare(version, high) <= 0
    )
}

function intervalOf(args: string[]): [string, string] {
  const [first, low, comma, high, last] = args
  if (args.length === 1) return [canonical(first), canonical(first)]
  if (args.length === 5 && first === '[' && comma === ',' && last === ']') {
    const interval: [string, string] = [canonical(low), canonical(high)]
    if (semver.compare(interval[0], interval[1]) <= 0) return interval
  }
  throw new Error('invalid retract interval')
}

/** modfile wants retracted versions canonical as module.CanonicalVersion writes them. */
function canonical(version: string): string {
  const incompatible = version.endsWith('+incompatible') ? '+incompatible' : ''
  if (semver.canonical(version) + incompatible !== version)
    throw new Error(`invalid retract version ${version}`)
  return version
}
