// The `use` directives of a go.work file.
import { statements } from './modfile.js'

/**
 * The directories a go.work uses, as written (relative to the go.work's directory unless
 * absolute), in file order: `use ./a` and the lines of `use ( … )` blocks. Other directives
 * and their blocks are skipped. Throws GoEnvError on a string that does not end on its line.
 */
export function parseUseDirectives(text: string): string[] {
  return statements(text, 'go.work').flatMap(s =>
    s.verb === 'use' && s.args[0] ? [s.args[0]] : []
  )
}
