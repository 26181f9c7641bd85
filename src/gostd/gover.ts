// Go toolchain versions as the go command reads them (src/internal/gover, cmd/go/internal/gover):
// "1.21.0", "1.21rc1", and the language version "1.21". Not semver: 1.21 < 1.21rc1 < 1.21.0.

interface GoVersion {
  major: string
  minor: string
  patch: string
  /** "", "alpha", "beta" or "rc": "" sorts first, as Go compares the strings. */
  kind: string
  pre: string
}

// A decimal without a needless leading zero, then the rest.
const NUMBER = '(0|[1-9][0-9]*)'
const VERSION = new RegExp(`^${NUMBER}(?:\\.${NUMBER}(?:\\.${NUMBER}|([a-z]+)${NUMBER}?)?)?$`)

/** gover.Parse: undefined when x is malformed (Go's zero Version). */
function parse(x: string): GoVersion | undefined {
  const m = VERSION.exec(x)
  if (!m) return undefined
  const [, major, minor, patch, kind = '', pre = ''] = m
  // "1" means 1.0.0; before Go 1.21 a missing patch meant .0, since then it is the language.
  if (minor === undefined) return { major, minor: '0', patch: '0', kind, pre }
  const oldLanguage = patch === undefined && kind === '' && compareNumbers(minor, '21') < 0
  return { major, minor, patch: oldLanguage ? '0' : (patch ?? ''), kind, pre }
}

// Decimal strings, "" the least (a missing part).
function compareNumbers(x: string, y: string): number {
  if (x === y) return 0
  if (x.length !== y.length) return x.length < y.length ? -1 : 1
  return x < y ? -1 : 1
}

/** gover.Compare: -1, 0 or 1; a malformed version is less than any valid one. */
export function compareGo(x: string, y: string): number {
  const a = parse(x)
  const b = parse(y)
  if (!a || !b) return a ? 1 : b ? -1 : 0
  return (
    compareNumbers(a.major, b.major) ||
    compareNumbers(a.minor, b.minor) ||
    compareNumbers(a.patch, b.patch) ||
    (a.kind === b.kind ? 0 : a.kind < b.kind ? -1 : 1) ||
    compareNumbers(a.pre, b.pre)
  )
}

/** gover.IsValid. */
export function isValidGo(x: string): boolean {
  return parse(x) !== undefined
}

/** gover.IsLang: a language version ("1.22"), not a release ("1.22.0", "1.22rc1"). */
export function isLanguageVersion(x: string): boolean {
  const v = parse(x)
  return v !== undefined && v.patch === '' && v.kind === '' && v.pre === ''
}

/**
 * gover.FromToolchain: the version a toolchain name stands for ("go1.21.1-corp" → "1.21.1"),
 * '' when the name is not one the go command can run.
 */
export function versionOfToolchain(name: string): string {
  if (/[\\/]/.test(name) || !name.startsWith('go')) return ''
  const version = name.slice(2).split(/[ \t-]/, 1)[0]
  return isValidGo(version) ? version : ''
}
