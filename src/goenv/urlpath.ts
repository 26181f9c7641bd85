// Escaping of an (already module-escaped) path for a proxy URL, as modfetch's pathEscape does.
import { escape } from '../gostd/urlescape.js'

/** url.PathEscape with '/' kept: "golang.org/x/text@v1" stays readable, "a b" becomes "a%20b". */
export function pathEscape(s: string): string {
  return escape(s, 'pathSegment').replaceAll('%2F', '/')
}
