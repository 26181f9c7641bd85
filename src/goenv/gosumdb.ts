// GOSUMDB as the go command reads it (cmd/go/internal/modfetch sumdb.go dbDial, key.go):
// "off", or "<key> [<url>]" where the key is a full verifier key or a name Go knows the key of.
import { SumdbError } from '../xmod/sumdb/errors.js'
import { parseVerifierKey } from '../xmod/sumdb/note-keys.js'
import { GoEnvError } from '../gostd/errors.js'
import { fields, quote } from '../gostd/strings.js'
import { parseGoUrl, tryParseGoUrl } from '../gostd/url.js'
import type { GoUrl } from '../gostd/url.js'

/** The module the go command downloads toolchains as (gover.ToolchainModule). */
export const TOOLCHAIN_MODULE = 'golang.org/toolchain'

export type GosumdbSpec =
  | { kind: 'off'; raw: 'off' }
  | { kind: 'db'; raw: string; name: string; verifierKey: string; url?: string }

export type GosumdbDatabase = Extract<GosumdbSpec, { kind: 'db' }>

export const SUM_GOLANG_ORG_KEY =
  'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8'

// modfetch's knownGOSUMDB (a Map, so that "constructor" is not a known name).
const KNOWN_KEYS = new Map([['sum.golang.org', SUM_GOLANG_ORG_KEY]])
// An empty GOSUMDB means the value from $GOROOT/go.env.
const DEFAULT_GOSUMDB = 'sum.golang.org'
// The whole value "sum.golang.google.cn" is Go's alias for sum.golang.org reachable from China.
const CHINA_ALIAS = 'sum.golang.google.cn'
const CHINA_ALIAS_MEANS = 'sum.golang.org https://sum.golang.google.cn'
const URL_SCHEMES = new Set(['https', 'http', 'file'])

function verifierName(verifierKey: string): string {
  try {
    return parseVerifierKey(verifierKey).name
  } catch (err) {
    if (err instanceof SumdbError) throw new GoEnvError(`invalid GOSUMDB: ${err.message}`)
    throw err
  }
}

// https://<name> must parse to nothing but a host and a canonically escaped path.
function checkDatabaseName(name: string): void {
  const url = tryParseGoUrl(`https://${name}`)
  const plain =
    url !== undefined &&
    url.host !== '' &&
    url.rawPath === '' &&
    url.opaque === '' &&
    url.user === undefined &&
    url.rawQuery === '' &&
    !url.forceQuery &&
    url.fragment === '' &&
    url.rawFragment === '' &&
    !url.omitHost
  if (!plain || name.endsWith('/')) {
    throw new GoEnvError(`invalid sumdb name (must be host[/path]): ${name}`)
  }
}

/**
 * The URL of a checksum database, as GOSUMDB's second field or a `sumdb-mirrors` entry (exported
 * in a GOSUMDB): Go's url.Parse must accept it. Go fails at the first fetch on a URL it can parse
 * but never fetch; we refuse that early too. Returns the URL to fetch: one without a scheme
 * (`//host/path`) is fetched over https, as cmd/go/internal/web fetches it. Throws GoEnvError.
 */
export function checkSumdbUrl(raw: string): string {
  let url: GoUrl
  try {
    url = parseGoUrl(raw)
  } catch (err) {
    if (err instanceof GoEnvError) throw new GoEnvError(`invalid GOSUMDB URL: ${err.message}`)
    throw err
  }
  if (url.scheme === '' && url.host !== '') return `https:${raw}`
  if (!URL_SCHEMES.has(url.scheme) || (url.scheme !== 'file' && url.host === '')) {
    throw new GoEnvError(
      `invalid GOSUMDB URL: ${quote(raw)} is not an absolute https, http or file URL`
    )
  }
  return raw
}

/** Parses a GOSUMDB value; throws GoEnvError with the go command's wording. */
export function parseGosumdb(value: string): GosumdbSpec {
  const raw = value === '' ? DEFAULT_GOSUMDB : value
  if (raw === 'off') return { kind: 'off', raw: 'off' }
  const words = fields(raw === CHINA_ALIAS ? CHINA_ALIAS_MEANS : raw)
  if (words.length === 0) throw new GoEnvError('missing GOSUMDB')
  if (words.length > 2) throw new GoEnvError('invalid GOSUMDB: too many fields')
  const verifierKey = KNOWN_KEYS.get(words[0]) ?? words[0]
  const name = verifierName(verifierKey)
  checkDatabaseName(name)
  const spec: GosumdbDatabase = { kind: 'db', raw, name, verifierKey }
  if (words.length === 2) spec.url = checkSumdbUrl(words[1])
  return spec
}

/**
 * Where the go command reaches the database when no proxy serves it: https://<name>. (A name
 * may end in '#', an empty fragment that url.Parse drops.)
 */
export function directUrl(spec: GosumdbDatabase): string {
  return `https://${spec.name.endsWith('#') ? spec.name.slice(0, -1) : spec.name}`
}
