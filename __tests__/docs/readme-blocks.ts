/**
 * README.md read as the tests of its examples need it: the fenced code blocks under a heading, and
 * the CLI commands they hold, split into argv as a POSIX shell would split these simple lines.
 */
import { readFileSync } from 'node:fs'

export interface CodeBlock {
  lang: string
  text: string
}

/** The fenced code blocks between the heading `title` (any level) and the next heading. */
export function blocksUnder(
  title: string,
  markdown = readFileSync('README.md', 'utf8')
): CodeBlock[] {
  const lines = markdown.split(/\r?\n/)
  const start = lines.findIndex(line => /^#{1,6} /.test(line) && line.replace(/^#+ /, '') === title)
  if (start < 0) throw new Error(`README.md has no heading "${title}"`)
  const blocks: CodeBlock[] = []
  let open: { lang: string; body: string[] } | undefined
  for (const line of lines.slice(start + 1)) {
    if (!open && /^#{1,6} /.test(line)) break
    const fence = /^```(\S*)\s*$/.exec(line)
    if (fence && !open) open = { lang: fence[1], body: [] }
    else if (fence && open) {
      blocks.push({ lang: open.lang, text: open.body.join('\n') + '\n' })
      open = undefined
    } else open?.body.push(line)
  }
  return blocks
}

export const CLI_NAME = 'validate-goproxy@1'

/**
 * The argv of each `validate-goproxy@1 …` command in `text`: the words after the name up to a
 * redirection, pipe, `;`, `&&` or the `)` that closes a command substitution.
 */
export function cliCommands(text: string): string[][] {
  const commands: string[][] = []
  for (const line of text.split('\n')) {
    const at = line.indexOf(CLI_NAME)
    if (at >= 0) commands.push(shellWords(line.slice(at + CLI_NAME.length)))
  }
  return commands
}

function shellWords(rest: string): string[] {
  const words: string[] = []
  for (const [, single, double, bare] of rest.matchAll(/'([^']*)'|"([^"]*)"|([^\s'"]+)/g)) {
    if (bare === undefined) {
      words.push(single ?? double)
      continue
    }
    if (/^(>|\||&&|;)/.test(bare)) break
    const close = bare.indexOf(')')
    if (close >= 0) {
      if (close > 0) words.push(bare.slice(0, close))
      break
    }
    words.push(bare)
  }
  return words
}
