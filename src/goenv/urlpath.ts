// Escaping of an (already module-escaped) path for a proxy URL, as modfetch's pathEscape does.
import { escape } from '../gostd/urlescape.js'
import { escapePath, escapeVersion } from '../xmod/module.js'

/** url.PathEscape with '/' kept: "golang.org/x/text@v1" stays readable, "a b" becomes "a%20b". */
export function pathEscape(s: string): string {
  return escape(s, 'pathSegment').replaceAll('%2F', '/')
}

/**
 * `<base>/<path>` as the go command builds a proxy request: the path is appended to the base
 * URL's path (one slash between), and the base's query string is kept after it.
 */
export function joinUrlPath(base: string, path: string): string {
  const cut = base.search(/[?#]/)
  const head = cut < 0 ? base : base.slice(0, cut)
  const query = cut < 0 || base[cut] === '#' ? '' : base.slice(cut).replace(/#.*$/, '')
  return `${head.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${query}`
}

/** The URL of one file of a module version on a proxy: `<base>/<path>/@v/<version>.<ext>`. */
export function versionFileUrl(base: string, path: string, version: string, ext: string): string {
  return joinUrlPath(
    base,
    `${pathEscape(escapePath(path))}/@v/${pathEscape(escapeVersion(version))}.${ext}`
  )
}
