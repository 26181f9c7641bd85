// Escaping of an (already module-escaped) path for a proxy URL, as modfetch's pathEscape does.
import { escape } from '../gostd/urlescape.js'
import { escapePath, escapeVersion } from '../xmod/module.js'

/** url.PathEscape with '/' kept: "golang.org/x/text@v1" stays readable, "a b" becomes "a%20b". */
export function pathEscape(s: string): string {
  return escape(s, 'pathSegment').replaceAll('%2F', '/')
}

/** A URL cut where Go's url.URL keeps its parts: before the path, the path, the query. */
function splitUrl(base: string): { origin: string; path: string; query: string } {
  const cut = base.search(/[?#]/)
  const head = cut < 0 ? base : base.slice(0, cut)
  const query = cut < 0 || base[cut] === '#' ? '' : base.slice(cut).replace(/#.*$/, '')
  const [, origin, path] = /^([^:/?#]+:\/\/[^/]*)?(.*)$/s.exec(head) as RegExpExecArray
  return { origin: origin ?? '', path, query }
}

/**
 * `<base>/<path>` as the go command builds a request for a module file (modfetch's proxyRepo):
 * path.Join of the base URL's path and the path, so no slash is doubled (`https://h//x` asks
 * `/x/…`; the `.` and `..` segments path.Join also cleans are resolved by the WHATWG URL every
 * request goes through), and the base's query string kept after it.
 */
export function joinUrlPath(base: string, path: string): string {
  const { origin, path: basePath, query } = splitUrl(base)
  return `${origin}${`${basePath}/${path}`.replace(/\/{2,}/g, '/')}${query}`
}

/**
 * `<base>/<path>` as the go command builds a checksum-database request (cmd/go/internal/web's
 * Join, used for `/sumdb/<name>/supported`, lookups and tiles): one trailing slash of the base's
 * path dropped, the rest kept as it is (`https://h//x` asks `//x/sumdb/…`).
 */
export function webJoin(base: string, path: string): string {
  const { origin, path: basePath, query } = splitUrl(base)
  return `${origin}${basePath.replace(/\/$/, '')}/${path.replace(/^\//, '')}${query}`
}

/** The URL of one file of a module version on a proxy: `<base>/<path>/@v/<version>.<ext>`. */
export function versionFileUrl(base: string, path: string, version: string, ext: string): string {
  return joinUrlPath(
    base,
    `${pathEscape(escapePath(path))}/@v/${pathEscape(escapeVersion(version))}.${ext}`
  )
}
