// The `use` directives of a go.work file, read with the lexical rules of golang.org/x/mod/modfile
// (read.go): `//` comments, `verb (` … `)` blocks, identifiers or double-quoted Go strings.
import { GoEnvError } from '../gostd/errors.js'

type Token = { kind: 'open' | 'close' } | { kind: 'word'; text: string }

// Identifiers run until white space, a comment or one of modfile's punctuation characters.
// A string without its closing quote runs to the end of the line, to be refused whole.
const TOKEN = /\s+|\/\/.*|[()[\]{},]|"(?:[^"\\]|\\.)*"?|(?:[^\s()[\]{},/"]|\/(?!\/))+|./gy

// The tokens of one line: comments dropped, quoted strings unquoted.
function tokenize(line: string, lineNumber: number): Token[] {
  const tokens: Token[] = []
  for (const [text] of line.matchAll(TOKEN)) {
    if (/^\s/.test(text) || text.startsWith('//')) continue
    if (text === '(') tokens.push({ kind: 'open' })
    else if (text === ')') tokens.push({ kind: 'close' })
    else if (text.startsWith('"')) tokens.push({ kind: 'word', text: unquote(text, lineNumber) })
    else tokens.push({ kind: 'word', text })
  }
  return tokens
}

// A Go string literal; JSON's escapes are the ones a path needs (`go work use` writes strconv.Quote).
function unquote(text: string, lineNumber: number): string {
  try {
    return JSON.parse(text) as string
  } catch {
    throw new GoEnvError(`go.work:${lineNumber}: cannot read the string ${text}`)
  }
}

/**
 * The directories a go.work uses, as written (relative to the go.work's directory unless
 * absolute), in file order: `use ./a` and the lines of `use ( … )` blocks. Other directives
 * and their blocks are skipped. Throws GoEnvError on a string that does not end on its line.
 */
export function parseUseDirectives(text: string): string[] {
  const dirs: string[] = []
  let block: string | undefined
  for (const [index, line] of text.split('\n').entries()) {
    const tokens = tokenize(line, index + 1)
    const [first, second] = tokens
    if (first === undefined) continue
    if (block !== undefined) {
      if (first.kind === 'close') block = undefined
      else if (block === 'use' && first.kind === 'word') dirs.push(first.text)
      continue
    }
    if (first.kind !== 'word') continue
    if (second?.kind === 'open') block = first.text
    else if (first.text === 'use' && second?.kind === 'word') dirs.push(second.text)
  }
  return dirs
}
