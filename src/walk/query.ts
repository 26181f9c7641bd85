// A version a main module's go.mod spells as a query (`v1.2`, a branch name), resolved as the go
// command resolves it before it rewrites the line (modload fixVersion → Query → queryProxy): a
// prefix is matched against the proxy's @v/list and the version picked read with its .info;
// anything else is asked of the proxy as a revision (`<query>.info`).
import * as semver from '../xmod/semver.js'

/** `v1` or `v1.2`: a query for the newest version under that prefix (Go's isSemverPrefix). */
export function isSemverPrefix(query: string): boolean {
  return /^v\d+(\.\d+)?$/.test(query)
}

/**
 * The version a prefix query picks from a @v/list: the newest release under the prefix, else the
 * newest pre-release, never one below the query itself (`v1.2` does not take v1.2.0-pre,
 * golang.org/issue/31972); undefined when none matches ("no matching versions for query").
 */
export function pickPrefixVersion(versions: readonly string[], query: string): string | undefined {
  const matching = versions.filter(v => v.startsWith(`${query}.`) && semver.compare(v, query) >= 0)
  const newest = (vs: string[]) =>
    vs.reduce<string | undefined>(
      (a, v) => (a === undefined || semver.compare(v, a) > 0 ? v : a),
      undefined
    )
  return newest(matching.filter(v => semver.prerelease(v) === '')) ?? newest(matching)
}

/**
 * The revision a query that is no prefix is asked as: a semantic version that is not canonical
 * (`v1.2.3+meta`) is found under its canonical form, as the go command ends up reading it;
 * anything else (a branch, a tag, a commit) as written.
 */
export function revisionOf(query: string): string {
  return semver.isValid(query) ? semver.canonical(query) : query
}
