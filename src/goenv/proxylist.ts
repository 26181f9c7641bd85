// GOPROXY, read as the go command reads it (cmd/go/internal/modfetch/proxy.go: proxyList and
// the URL checks of newProxyRepo).
import { GoEnvError } from '../gostd/errors.js'
import { parseGoUrl, redactedGoUrl, type GoUrl } from '../gostd/url.js'
import { trimSpace } from '../gostd/strings.js'
import {
  fileProxyDirectory,
  isAbsolutePath,
  pathStyleOf,
  type PathStyle
} from '../gostd/filepath.js'

/**
 * One GOPROXY entry. fallBackOnError is the separator written after it: '|' lets Go move on to
 * the next entry after any error, ',' only after a 404 or 410. Go ignores it after the last
 * entry, and never sets it for direct and off (they end the list).
 */
export type ProxyEntry =
  | { kind: 'proxy'; url: string; fallBackOnError: boolean }
  | { kind: 'file'; url: string; path: string; fallBackOnError: boolean }
  | { kind: 'direct'; fallBackOnError: boolean }
  | { kind: 'off'; fallBackOnError: boolean }

export interface ProxyListOptions {
  /** The platform the go command runs on (its absolute paths differ); POSIX rules by default. */
  platform?: NodeJS.Platform
}

/** A proxy to probe (http, https or file), as opposed to `direct` or `off`. */
export function isProxyEntry(entry: ProxyEntry): entry is Extract<ProxyEntry, { url: string }> {
  return entry.kind === 'proxy' || entry.kind === 'file'
}

/** The entry's text in a GOPROXY list: 'direct', 'off' or the URL. */
export function entryText(entry: ProxyEntry): string {
  return entry.kind === 'direct' || entry.kind === 'off' ? entry.kind : entry.url
}

// Single words are reserved for built-in behaviours (and Go rejects the unknown ones as URLs
// without a scheme); a complete URL or an absolute path is kept; anything else is a bare host.
function withImpliedScheme(text: string, style: PathStyle): string {
  const bareHost =
    /[.:/]/.test(text) &&
    !text.includes(':/') &&
    !isAbsolutePath(text, style) &&
    !isAbsolutePath(text, 'posix')
  return bareHost ? `https://${text}` : text
}

// A file:// proxy URL holds only a path: no host (not even localhost), user, query or fragment,
// and not the host-less form "file:/x".
function isPathOnly(url: GoUrl): boolean {
  const { opaque, user, host, rawQuery, forceQuery, fragment, omitHost } = url
  return (
    opaque === '' &&
    user === undefined &&
    host === '' &&
    rawQuery === '' &&
    !forceQuery &&
    fragment === '' &&
    !omitHost
  )
}

function parseProxyUrl(text: string, fallBackOnError: boolean, style: PathStyle): ProxyEntry {
  const url = withImpliedScheme(text, style)
  const parsed = parseGoUrl(url)
  switch (parsed.scheme) {
    case 'http':
    case 'https':
      return { kind: 'proxy', url, fallBackOnError }
    case 'file': {
      if (!isPathOnly(parsed)) {
        throw new GoEnvError(
          `invalid file:// proxy URL with non-path elements: ${redactedGoUrl(parsed)}`
        )
      }
      return { kind: 'file', url, path: fileProxyDirectory(parsed.path, style), fallBackOnError }
    }
    case '':
      throw new GoEnvError(`invalid proxy URL missing scheme: ${redactedGoUrl(parsed)}`)
    default:
      throw new GoEnvError(
        `invalid proxy URL scheme (must be https, http, file): ${redactedGoUrl(parsed)}`
      )
  }
}

/**
 * Parses a non-empty GOPROXY value into its entries, or throws GoEnvError with Go's message.
 * The empty value is not a list: Go reads it as its default, which the caller must substitute.
 */
export function parseProxyList(value: string, options: ProxyListOptions = {}): ProxyEntry[] {
  if (value === '') {
    throw new GoEnvError(
      'GOPROXY is empty: Go reads an empty GOPROXY as its default (https://proxy.golang.org,direct), not as a list'
    )
  }
  const style = pathStyleOf(options.platform ?? 'linux')
  const entries: ProxyEntry[] = []
  // Texts at even indexes, each followed by its separator.
  const parts = value.split(/([,|])/)
  for (let i = 0; i < parts.length; i += 2) {
    const text = trimSpace(parts[i])
    if (text === '') continue
    if (text === 'direct' || text === 'off') {
      entries.push({ kind: text, fallBackOnError: false })
      break
    }
    entries.push(parseProxyUrl(text, parts[i + 1] === '|', style))
  }
  if (entries.length === 0) {
    throw new GoEnvError('GOPROXY list is not the empty string, but contains no entries')
  }
  return entries
}

/**
 * Writes entries back as a GOPROXY value, each followed by its own separator; the separator
 * after the last entry means nothing to Go and is left out. Throws on an empty list: an empty
 * GOPROXY would mean Go's default, not "none".
 */
export function formatProxyList(entries: readonly ProxyEntry[]): string {
  if (entries.length === 0) {
    throw new GoEnvError('cannot write an empty GOPROXY list: Go would read it as its default')
  }
  return entries
    .map((entry, i) => {
      const last = i === entries.length - 1
      return last ? entryText(entry) : entryText(entry) + (entry.fallBackOnError ? '|' : ',')
    })
    .join('')
}
