// Module paths and versions as golang.org/x/mod/module checks and escapes them for the proxy
// protocol (module.go: CheckPath, Check, EscapePath, EscapeVersion and their inverses).
import { GoEnvError } from '../gostd/errors.js'
import { quote, quoteRune } from '../gostd/strings.js'
import { checkFileElement, checkModuleElements } from './pathelements.js'
import { build, canonical, isValid, major } from './semver.js'

/** Throws GoEnvError `malformed module path "<path>": <reason>` unless Go accepts the path. */
export function checkModulePath(path: string): void {
  const reason = modulePathProblem(path)
  if (reason !== undefined) throw new GoEnvError(`malformed module path ${quote(path)}: ${reason}`)
}

function modulePathProblem(path: string): string | undefined {
  const elementsProblem = checkModuleElements(path)
  if (elementsProblem !== undefined) return elementsProblem
  const slash = path.indexOf('/')
  const first = slash < 0 ? path : path.slice(0, slash)
  if (first === '') return 'leading slash'
  if (!first.includes('.')) return 'missing dot in first path element'
  if (path.startsWith('-')) return 'leading dash in first path element'
  const bad = [...first].find(c => !/^[-.0-9a-z]$/.test(c))
  if (bad !== undefined) return `invalid char ${quoteRune(bad)} in first path element`
  if (splitPathVersion(path) === undefined) return 'invalid version'
  return undefined
}

/**
 * SplitPathVersion: the path without its major-version suffix and the suffix ("/v2", or ".v1"
 * for gopkg.in); undefined when the suffix is malformed ("/v1", "/v0", "/v2.0", gopkg.in
 * paths without ".vN").
 */
export function splitPathVersion(path: string): { prefix: string; pathMajor: string } | undefined {
  if (path.startsWith('gopkg.in/')) {
    // Every gopkg.in path ends in .vN (optionally -unstable); .v0 is the only N led by a zero.
    const m = /^(.*)(\.v([0-9]*)(-unstable)?)$/s.exec(path)
    if (!m) return undefined
    const [, prefix, pathMajor] = m
    if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) return undefined
    return { prefix, pathMajor }
  }
  const m = /^(.*)(\/v[0-9.]+)$/s.exec(path)
  if (!m) return { prefix: path, pathMajor: '' }
  const [, prefix, pathMajor] = m
  if (pathMajor.includes('.') || pathMajor[2] === '0' || pathMajor === '/v1') return undefined
  return { prefix, pathMajor }
}

// Why version does not fit the major-version suffix of its path (CheckPathMajor), if it does not.
function pathMajorMismatch(version: string, pathMajor: string): string | undefined {
  const suffix = pathMajor.startsWith('.v') ? pathMajor.replace(/-unstable$/, '') : pathMajor
  // An old bug made v0.0.0- pseudo-versions for gopkg.in .v1 paths; Go still accepts them.
  if (version.startsWith('v0.0.0-') && suffix === '.v1') return undefined
  const m = major(version)
  if (suffix === '') {
    if (m === 'v0' || m === 'v1' || build(version) === '+incompatible') return undefined
    return `should be v0 or v1, not ${m}`
  }
  return m === suffix.slice(1) ? undefined : `should be ${suffix.slice(1)}, not ${m}`
}

function versionProblem(path: string, version: string): string | undefined {
  if (!isValid(version)) return 'not a semantic version'
  const wanted = canonical(version) + (build(version) === '+incompatible' ? '+incompatible' : '')
  if (version !== wanted) return `not canonical (canonical form: ${wanted})`
  const pathMajor = splitPathVersion(path)?.pathMajor ?? ''
  const mismatch = pathMajorMismatch(version, pathMajor)
  if (mismatch !== undefined) return mismatch
  const base = version.replace(/\+incompatible$/, '')
  if (base !== version && pathMajorMismatch(base, pathMajor) === undefined) {
    return `+incompatible suffix not allowed: major version ${major(version)} is compatible`
  }
  return undefined
}

/**
 * Throws GoEnvError `<path>@<version>: invalid version: <reason>` unless the path is valid and
 * the version is one a proxy may serve for it: canonical semver whose major version fits the
 * path's /vN (or gopkg.in .vN) suffix, with +incompatible only on v2+ of a path without one.
 */
export function checkVersion(path: string, version: string): void {
  checkModulePath(path)
  const reason = versionProblem(path, version)
  if (reason !== undefined) throw new GoEnvError(`${path}@${version}: invalid version: ${reason}`)
}

// Upper-case letters become '!' + lower case, so escaped paths survive case-folding file systems.
function escapeString(s: string): string {
  return s.replace(/[A-Z]/g, c => `!${c.toLowerCase()}`)
}

/** The path as it appears in proxy URLs and the module cache; throws on an invalid path. */
export function escapePath(path: string): string {
  checkModulePath(path)
  return escapeString(path)
}

/** The version as it appears in proxy URLs; throws on a version Go would not escape. */
export function escapeVersion(version: string): string {
  // Go's escaping also refuses the non-ASCII letters that file names may hold.
  const escapable = !version.includes('!') && [...version].every(c => c < '\x80')
  if (checkFileElement(version) !== undefined || !escapable) {
    throw new GoEnvError(`version ${quote(version)} invalid: disallowed version string`)
  }
  return escapeString(version)
}

// The inverse of escapeString; undefined for upper case, a '!' not before a-z, or non-ASCII.
function unescapeString(escaped: string): string | undefined {
  if ([...escaped].some(c => c > '\x7f') || /[A-Z]|!(?![a-z])/.test(escaped)) return undefined
  return escaped.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** The module path an escaped path stands for; throws on a bad escape or an invalid result. */
export function unescapePath(escaped: string): string {
  const path = unescapeString(escaped)
  if (path === undefined) throw new GoEnvError(`invalid escaped module path ${quote(escaped)}`)
  const reason = modulePathProblem(path)
  if (reason !== undefined) {
    throw new GoEnvError(
      `invalid escaped module path ${quote(escaped)}: malformed module path ${quote(path)}: ${reason}`
    )
  }
  return path
}

/** The version an escaped version stands for; throws on a bad escape or an invalid result. */
export function unescapeVersion(escaped: string): string {
  const version = unescapeString(escaped)
  if (version === undefined) throw new GoEnvError(`invalid escaped version ${quote(escaped)}`)
  const reason = checkFileElement(version)
  if (reason !== undefined) {
    throw new GoEnvError(`invalid escaped version ${quote(version)}: ${reason}`)
  }
  return version
}
