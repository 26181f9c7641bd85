// GOFLAGS as the go command reads it (cmd/go/internal/base/goflags.go): words split as a quoted
// list, each `-name=value` or `--name=value`, the last setting of a flag winning.
import { GoEnvError } from '../gostd/errors.js'
import { splitQuoted } from './goauth.js'

/**
 * Each value GOFLAGS gives the flag `name`, in order; [] also when Go cannot split GOFLAGS (it
 * then refuses to run, so nothing this reads matters).
 */
export function goFlagValues(goflags: string | undefined, name: string): string[] {
  let words: string[]
  try {
    words = splitQuoted(goflags ?? '')
  } catch (err) {
    if (err instanceof GoEnvError) return []
    throw err
  }
  const prefixes = [`-${name}=`, `--${name}=`]
  return words.flatMap(word => {
    const prefix = prefixes.find(p => word.startsWith(p))
    return prefix === undefined ? [] : [word.slice(prefix.length)]
  })
}

/** The -modfile GOFLAGS sets (the last one; an empty value sets none), or undefined. */
export function modfileFlag(goflags: string | undefined): string | undefined {
  return goFlagValues(goflags, 'modfile').at(-1) || undefined
}
