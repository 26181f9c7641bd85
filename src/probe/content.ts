/**
 * What a correct answer to each proxy-protocol request looks like, as the go command reads it
 * (modfetch/proxy.go, modload): what Go accepts passes, what it refuses fails. An answer that
 * fails and is an HTML page says so, since that is what a captive portal or a login page sends.
 */
import * as semver from '../xmod/semver.js'
import { ContentError } from '../http/probe-errors.js'
import { statements } from '../build/modfile.js'
import { decodeRevInfo, rfc3339Millis, type RevInfo } from './rev-info.js'

export type { RevInfo } from './rev-info.js'

/** An @v/list answer, read as Go reads it. */
export interface VersionList {
  /** Lines whose first field is a semver release or pre-release (not a pseudo-version). */
  versions: string[]
  /**
   * What Go takes when @latest is missing (404/410) and no version is tagged: the line with the
   * latest time, from its second field or else its pseudo-version (proxy.go latestFromList).
   */
  newestByTime?: string
}

// Bytes, not a decoded string: Go's JSON sees a byte-order mark (and fails on it).
const decode = (body: Buffer): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(body)

// unicode.IsSpace, which strings.Fields splits on (JavaScript's \s differs: it takes U+FEFF, not U+0085).
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** Go's zero time (0001-01-01T00:00:00Z): latestFromList takes only a line later than it. */
const ZERO_TIME_MS = -62_135_596_800_000

/** The list never fails: Go skips every line it cannot read. */
export function parseList(body: Buffer): VersionList {
  const versions: string[] = []
  let newestByTime: string | undefined
  let newest = ZERO_TIME_MS
  for (const line of decode(body).split('\n')) {
    const [version, time] = line.split(GO_SPACE).filter(field => field !== '')
    if (!version || !semver.isValid(version)) continue
    const pseudo = semver.isPseudoVersion(version)
    if (!pseudo) versions.push(version)
    const at = time ?? (pseudo ? pseudoVersionTime(version) : undefined)
    // A time Go cannot parse is its zero time, never the latest.
    const ms = at === undefined ? undefined : rfc3339Millis(at)
    if (ms !== undefined && ms > newest) {
      newest = ms
      newestByTime = version
    }
  }
  return { versions, newestByTime }
}

/** The yyyymmddhhmmss of a pseudo-version, as RFC 3339 (checked by the caller). */
function pseudoVersionTime(version: string): string {
  const stamp = /(\d{14})-[^-]+$/.exec(version.split('+')[0])?.[1] ?? ''
  const [y, mo, d, h, mi, s] = stamp.match(/^(\d{4})|\d\d/g) ?? []
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`
}

/**
 * An .info answer (`requested` is its version: Go wants exactly that one back) or an @latest
 * answer (Go takes any version it names; the probe wants a valid one to ask for).
 */
export function parseInfo(body: Buffer, contentType: string, requested?: string): RevInfo {
  const what = requested ? `${requested}.info` : '@latest'
  const info = failingAsHtml(body, contentType, what, () => decodeRevInfo(decode(body), what))
  if (requested && info.Version !== requested) {
    throw new ContentError(
      `proxy returned info for version ${info.Version || '""'} instead of requested version ${requested}`
    )
  }
  if (!semver.isValid(info.Version)) {
    throw new ContentError(`${what} has no valid "Version" field`)
  }
  return info
}

/** The go.mod Go reads (modfile.ParseLax) must name `path` in its one module statement. */
export function checkGoMod(body: Buffer, contentType: string, path: string): void {
  const declared = failingAsHtml(body, contentType, 'go.mod', () => moduleOf(decode(body)))
  if (declared !== path) throw new ContentError(`go.mod declares module ${declared}, want ${path}`)
}

function moduleOf(text: string): string {
  let found
  try {
    found = statements(text, 'go.mod').filter(s => s.verb === 'module')
  } catch (err) {
    throw new ContentError((err as Error).message)
  }
  if (found.length === 0) throw new ContentError('go.mod has no module directive')
  if (found.length > 1) throw new ContentError(`go.mod:${found[1].line}: repeated module statement`)
  const [{ args, line }] = found
  if (args.length !== 1) throw new ContentError(`go.mod:${line}: usage: module module/path`)
  return args[0]
}

/** Runs `read`; when it fails on an HTML page, the failure says what the page is. */
function failingAsHtml<T>(body: Buffer, contentType: string, what: string, read: () => T): T {
  try {
    return read()
  } catch (err) {
    const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase()
    const html =
      /text\/html/i.test(contentType) ||
      head.startsWith('<!doctype html') ||
      head.startsWith('<html')
    if (!html) throw err
    throw new ContentError(`${what} is an HTML page: not a Go module proxy (captive portal?)`)
  }
}
