// The element rules of golang.org/x/mod/module (checkPath and checkElem): what may stand
// between the slashes of a module path, and what a version (checked as a file name) may hold.
// Each function returns Go's reason for rejecting, or undefined when the text is fine.
import { quote, quoteRune } from '../gostd/strings.js'

type Kind = 'module' | 'file'

const WINDOWS_RESERVED = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(n => [`COM${n}`, `LPT${n}`])
])

// Module paths: ASCII letters, digits and - . _ ~. File names add some punctuation, spaces and
// non-ASCII letters.
function isAllowed(c: string, kind: Kind): boolean {
  if (kind === 'module') return /^[-._~0-9A-Za-z]$/.test(c)
  return /^[0-9A-Za-z!#$%&()+,\-.=@[\]^_{}~ ]$/.test(c) || (c >= '\x80' && /^\p{L}$/u.test(c))
}

function checkElement(elem: string, kind: Kind): string | undefined {
  if (elem === '') return 'empty path element'
  if (/^\.+$/.test(elem)) return `invalid path element ${quote(elem)}`
  if (elem.startsWith('.') && kind === 'module') return 'leading dot in path element'
  if (elem.endsWith('.')) return 'trailing dot in path element'
  const bad = [...elem].find(c => !isAllowed(c, kind))
  if (bad !== undefined) return `invalid char ${quoteRune(bad)}`
  // Windows refuses these names, with any extension.
  const short = elem.split('.')[0]
  if (WINDOWS_RESERVED.has(short.toUpperCase())) {
    return `${quote(short)} disallowed as path element component on Windows`
  }
  // Names like "PROGRA~1" look like Windows short names, which could alias another path.
  if (kind === 'module' && /~[0-9]+$/.test(short)) {
    return 'trailing tilde and digits in path element'
  }
  return undefined
}

/** checkPath for a module path: the whole-path rules, then every element. */
export function checkModuleElements(path: string): string | undefined {
  // JS strings hold invalid UTF-8 as lone surrogates.
  if (/\p{Cs}/u.test(path)) return 'invalid UTF-8'
  if (path === '') return 'empty string'
  if (path.startsWith('-')) return 'leading dash'
  if (path.includes('//')) return 'double slash'
  if (path.endsWith('/')) return 'trailing slash'
  for (const elem of path.split('/')) {
    const problem = checkElement(elem, 'module')
    if (problem !== undefined) return problem
  }
  return undefined
}

/** checkElem for one file-name element (how Go checks a version before escaping it). */
export function checkFileElement(elem: string): string | undefined {
  return checkElement(elem, 'file')
}
