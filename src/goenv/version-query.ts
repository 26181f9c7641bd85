// A version a main module's go.mod spells as a query (`v1.2`, `latest`, `>=v1.2.0`, a branch), as
// the go command resolves it before it rewrites the line (modload fixVersion → Query →
// queryProxy, newQueryMatcher): most queries are matched against the proxy's @v/list, releases
// before pre-releases, and the version picked read with its .info; `latest` with no listed
// version asks @latest; a revision (a branch, a commit, `v1.2.3+meta`) is asked as its own .info.
import * as semver from '../xmod/semver.js'

/** How a query picks from a @v/list; `revision`: it is asked as a revision instead. */
export type QueryMatch =
  | { kind: 'list'; accepts: (version: string) => boolean; preferLower: boolean; latest: boolean }
  | { kind: 'revision' }
  | { kind: 'refused'; problem: string }

/** `v1` or `v1.2`: the newest version under that prefix (Go's isSemverPrefix). */
export function isSemverPrefix(query: string): boolean {
  return /^v\d+(\.\d+)?$/.test(query) && semver.isValid(query)
}

const COMPARISONS: Record<string, (c: number) => boolean> = {
  '<=': c => c <= 0,
  '<': c => c < 0,
  '>=': c => c >= 0,
  '>': c => c > 0
}

/** What `query` (of a go.mod with no version of the module to start from) matches. */
export function queryMatch(query: string): QueryMatch {
  const any = () => true
  if (query === 'latest' || query === 'upgrade') {
    return { kind: 'list', accepts: any, preferLower: false, latest: true }
  }
  if (query === 'patch') return { kind: 'refused', problem: 'no existing version is required' }
  const comparison = /^(<=|<|>=|>)(.*)$/.exec(query)
  if (comparison) {
    const [, op, bound] = comparison
    if (!semver.isValid(bound)) {
      return { kind: 'refused', problem: `invalid semantic version "${bound}" in range "${query}"` }
    }
    // `<=v1.2` and `>v1.2` could mean v1.2.0 or all of v1.2.x: Go refuses to guess.
    if ((op === '<=' || op === '>') && isSemverPrefix(bound)) {
      return {
        kind: 'refused',
        problem: `ambiguous semantic version "${bound}" in range "${query}"`
      }
    }
    const accepts = (v: string) => COMPARISONS[op](semver.compare(v, bound))
    return { kind: 'list', accepts, preferLower: op.startsWith('>'), latest: false }
  }
  if (isSemverPrefix(query)) {
    // `v1.2` does not take v1.2.0-pre (golang.org/issue/31972).
    const accepts = (v: string) => v.startsWith(`${query}.`) && semver.compare(v, query) >= 0
    return { kind: 'list', accepts, preferLower: false, latest: false }
  }
  return { kind: 'revision' }
}

/**
 * The version a list query picks: among the accepted versions, releases before pre-releases,
 * the highest (the lowest for `>` and `>=`); undefined when none ("no matching versions").
 */
export function pickFromList(
  versions: readonly string[],
  match: Extract<QueryMatch, { kind: 'list' }>
): string | undefined {
  const accepted = versions.filter(match.accepts)
  const best = (vs: string[]) =>
    vs.reduce<string | undefined>((a, v) => {
      if (a === undefined) return v
      const c = semver.compare(v, a)
      return (match.preferLower ? c < 0 : c > 0) ? v : a
    }, undefined)
  return best(accepted.filter(v => semver.prerelease(v) === '')) ?? best(accepted)
}

/**
 * The .info files a revision query asks, in turn: as written, then, for a semantic version that
 * is not canonical (`v1.2.3+meta`), under its canonical form.
 */
export function revisionsOf(query: string): string[] {
  const canonical = semver.isValid(query) ? semver.canonical(query) : query
  return canonical === query ? [query] : [query, canonical]
}
