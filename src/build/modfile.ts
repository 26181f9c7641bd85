// The statements of a go.mod or go.work file, read with the lexical rules of
// golang.org/x/mod/modfile (read.go): `//` comments, `verb (` … `)` blocks, identifiers or
// double-quoted Go strings. Only the shape is read; what a verb means is up to the caller.
import { GoEnvError } from '../gostd/errors.js'

type Token = { kind: 'open' | 'close' } | { kind: 'word'; text: string }

/** One statement: its verb and arguments; a line of a `verb ( … )` block carries the block's verb. */
export interface Statement {
  verb: string
  args: string[]
  /** 1-based. */
  line: number
}

// Identifiers run until white space, a comment or one of modfile's punctuation characters.
// A string without its closing quote runs to the end of the line, to be refused whole.
const TOKEN = /\s+|\/\/.*|[()[\]{},]|"(?:[^"\\]|\\.)*"?|`[^`]*`|(?:[^\s()[\]{},/"`]|\/(?!\/))+|./gy

// modfile's lexer skips only spaces, tabs and CRs; any other character that is not printable
// (unicode.IsPrint), and a /* comment, stop it.
const NOT_LEXED = /[^ \t\r\P{C}]|[^ \P{Z}]|\/\*/u

// The tokens of one line: comments dropped, quoted strings unquoted.
function tokenize(line: string, where: string): Token[] {
  const tokens: Token[] = []
  for (const [text] of line.matchAll(TOKEN)) {
    if (text.startsWith('//')) continue
    const quoted = text.startsWith('"') || text.startsWith('`')
    const bad = quoted ? undefined : NOT_LEXED.exec(text)?.[0]
    if (bad === '/*')
      throw new GoEnvError(`${where}: mod files must use // comments (not /* */ comments)`)
    if (bad !== undefined)
      throw new GoEnvError(`${where}: unexpected input character ${JSON.stringify(bad)}`)
    if (/^\s/.test(text)) continue
    if (text === '(') tokens.push({ kind: 'open' })
    else if (text === ')') tokens.push({ kind: 'close' })
    else if (text.startsWith('"')) tokens.push({ kind: 'word', text: unquote(text, where) })
    // A raw string: its text as written.
    else if (text.length > 1 && text.startsWith('`'))
      tokens.push({ kind: 'word', text: text.slice(1, -1) })
    else tokens.push({ kind: 'word', text })
  }
  return tokens
}

// A Go string literal; JSON's escapes are the ones a path needs (`go work use` writes strconv.Quote).
function unquote(text: string, where: string): string {
  try {
    return JSON.parse(text) as string
  } catch {
    throw new GoEnvError(`${where}: cannot read the string ${text}`)
  }
}

const words = (tokens: Token[]): string[] =>
  tokens.flatMap(t => (t.kind === 'word' ? [t.text] : []))

/**
 * Every statement, in file order: `verb args…` lines, and the lines of `verb ( … )` blocks, each
 * with the block's verb. Throws GoEnvError, naming `file` and the line, on a string that does not
 * end on its line.
 */
export function statements(text: string, file: string): Statement[] {
  const found: Statement[] = []
  let block: string | undefined
  for (const [index, content] of text.split('\n').entries()) {
    const line = index + 1
    const tokens = tokenize(content, `${file}:${line}`)
    const [first, second] = tokens
    if (first === undefined) continue
    if (block !== undefined) {
      if (first.kind === 'close') block = undefined
      else found.push({ verb: block, args: words(tokens), line })
      continue
    }
    if (first.kind !== 'word') continue
    if (second?.kind === 'open') block = first.text
    else found.push({ verb: first.text, args: words(tokens.slice(1)), line })
  }
  return found
}
