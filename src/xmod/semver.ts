// Semantic versions as Go modules use them (golang.org/x/mod/semver and module/pseudo.go):
// a leading "v", and the shorthands vMAJOR and vMAJOR.MINOR.

interface Parsed {
  major: string
  minor: string
  patch: string
  /** What canonical() must append to a shorthand: ".0.0", ".0" or "". */
  short: string
  prerelease: string
  build: string
}

const NUMBER = '0|[1-9][0-9]*'
const IDENT = '[0-9A-Za-z-]+'
const SEMVER = new RegExp(
  `^v(${NUMBER})(?:\\.(${NUMBER})(?:\\.(${NUMBER})(-${IDENT}(?:\\.${IDENT})*)?(\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`
)
// A numeric prerelease identifier may not have a leading zero.
const BAD_NUMERIC_IDENT = /^0[0-9]+$/

function parse(v: string): Parsed | undefined {
  const m = SEMVER.exec(v)
  if (!m) return undefined
  const [, major, minor, patch, prerelease = '', build = ''] = m
  if (
    prerelease
      .slice(1)
      .split('.')
      .some(id => BAD_NUMERIC_IDENT.test(id))
  )
    return undefined
  return {
    major,
    minor: minor ?? '0',
    patch: patch ?? '0',
    short: minor === undefined ? '.0.0' : patch === undefined ? '.0' : '',
    prerelease,
    build
  }
}

/** Whether v is a valid semantic version in Go's sense (e.g. v1.2.3-pre+build, v1.2, v1). */
export function isValid(v: string): boolean {
  return parse(v) !== undefined
}

/** The canonical form of v: shorthands completed, build metadata dropped; '' if invalid. */
export function canonical(v: string): string {
  const p = parse(v)
  if (!p) return ''
  if (p.build !== '') return v.slice(0, v.length - p.build.length)
  return v + p.short
}

/** The major version prefix ("v2" of "v2.1.0"), or '' if invalid. */
export function major(v: string): string {
  const p = parse(v)
  return p ? `v${p.major}` : ''
}

/** The prerelease suffix including its '-' ("-rc.1"), or '' if none or invalid. */
export function prerelease(v: string): string {
  return parse(v)?.prerelease ?? ''
}

/** The build suffix including its '+' ("+incompatible"), or '' if none or invalid. */
export function build(v: string): string {
  return parse(v)?.build ?? ''
}

// Decimal strings without leading zeros: the longer is larger.
function compareNumbers(x: string, y: string): number {
  if (x.length !== y.length) return x.length < y.length ? -1 : 1
  return x === y ? 0 : x < y ? -1 : 1
}

function compareIdentifiers(x: string, y: string): number {
  const xNumeric = /^[0-9]+$/.test(x)
  const yNumeric = /^[0-9]+$/.test(y)
  if (xNumeric && yNumeric) return compareNumbers(x, y)
  // Numeric identifiers sort before alphanumeric ones.
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1
  return x === y ? 0 : x < y ? -1 : 1
}

// A version without a prerelease is greater than one with; otherwise identifier by identifier,
// and a shorter list of equal identifiers sorts first.
function comparePrereleases(x: string, y: string): number {
  if (x === y) return 0
  if (x === '') return 1
  if (y === '') return -1
  const xs = x.slice(1).split('.')
  const ys = y.slice(1).split('.')
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const c = compareIdentifiers(xs[i], ys[i])
    if (c !== 0) return c
  }
  return xs.length < ys.length ? -1 : 1
}

/**
 * Compares two versions: -1, 0 or 1. Build metadata is ignored; an invalid version is less
 * than every valid one and equal to every other invalid one.
 */
export function compare(a: string, b: string): number {
  const pa = parse(a)
  const pb = parse(b)
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0
  return (
    compareNumbers(pa.major, pb.major) ||
    compareNumbers(pa.minor, pb.minor) ||
    compareNumbers(pa.patch, pb.patch) ||
    comparePrereleases(pa.prerelease, pb.prerelease)
  )
}

// module/pseudo.go: vX.0.0-yyyymmddhhmmss-abcdef123456, vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef123456
// and vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef123456, each with optional build metadata.
const PSEUDO =
  /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/

/** Whether v is a pseudo-version (a version Go made up for an untagged commit). */
export function isPseudoVersion(v: string): boolean {
  return (v.match(/-/g) ?? []).length >= 2 && isValid(v) && PSEUDO.test(v)
}
