// GOPRIVATE, GONOPROXY and GONOSUMDB: comma-separated path.Match patterns, each matched against
// as many leading elements of a module path as it has itself (module.MatchPrefixPatterns).
import { GoEnvError } from '../gostd/errors.js'
import { quote } from '../gostd/strings.js'
import { BAD_PATTERN, goPathMatch } from '../gostd/pathmatch.js'

export { pathMatch } from '../gostd/pathmatch.js'

// The patterns as Go walks them: split at ',' (no trimming of spaces), a trailing '/' dropped,
// empty ones skipped.
function patternsOf(globs: string): string[] {
  return globs
    .split(',')
    .map(glob => (glob.endsWith('/') ? glob.slice(0, -1) : glob))
    .filter(glob => glob !== '')
}

// The first n+1 elements of target, or undefined when it has fewer.
function leadingElements(target: string, slashes: number): string | undefined {
  const elements = target.split('/')
  return elements.length <= slashes ? undefined : elements.slice(0, slashes + 1).join('/')
}

/** Whether target (a module path) matches any of the comma-separated patterns. */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  return patternsOf(globs).some(glob => {
    const prefix = leadingElements(target, glob.split('/').length - 1)
    return prefix !== undefined && goPathMatch(glob, prefix) === true
  })
}

/**
 * Throws GoEnvError naming the first malformed pattern (one Go's path.Match rejects, such as an
 * unclosed '[', a bad range or a trailing '\\'). Go never reports these: such a pattern just
 * never matches, which silently sends private modules to the public proxy.
 */
export function checkPatterns(globs: string): void {
  const bad = patternsOf(globs).find(glob => goPathMatch(glob, '') === BAD_PATTERN)
  if (bad !== undefined) throw new GoEnvError(`malformed pattern ${quote(bad)}: ${BAD_PATTERN}`)
}

export interface PrivatePatterns {
  goprivate: string
  gonoproxy: string
  gonosumdb: string
}

/**
 * GONOPROXY and GONOSUMDB as the go command reads them (cfg.EnvOrAndChanged): an unset or
 * empty value means GOPRIVATE. ("none" is an ordinary pattern, matching no real module.)
 */
export function resolvePrivatePatterns(env: {
  goprivate: string
  gonoproxy?: string
  gonosumdb?: string
}): PrivatePatterns {
  const orPrivate = (value: string | undefined): string =>
    value === undefined || value === '' ? env.goprivate : value
  return {
    goprivate: env.goprivate,
    gonoproxy: orPrivate(env.gonoproxy),
    gonosumdb: orPrivate(env.gonosumdb)
  }
}
