// Versions a main module's go.mod spells as queries (`v1.2`, `latest`, a branch), and that go.mod
// as the go command rewrites it once they are resolved (see goenv/version-query.ts).
import { statements } from './modfile.js'
import { canonicalVersion } from './requires.js'

/** A version a main module's go.mod does not spell canonically, and where. */
export interface QueriedVersion {
  line: number
  /** The line's verb: a `replace` query may be either side's. */
  verb: 'require' | 'exclude' | 'replace'
  path: string
  version: string
}

/**
 * The versions of a main module's go.mod (its require, exclude and replace lines) that the go
 * command reads as queries (modload's fixVersion): each one not canonical (`v1.2`, `master`,
 * `v1.2.3+meta`). Go resolves it to the version it matches (`v1.2` to the newest v1.2.x) and
 * rewrites the line where it may change go.mod; a build that may not stops ("updates to go.mod
 * needed"), but in a workspace Go resolves it and builds. A dependency's go.mod or a go.work has
 * them made canonical instead.
 */
export function queriedVersions(goMod: string, file: string): QueriedVersion[] {
  const verbs: QueriedVersion['verb'][] = ['require', 'exclude', 'replace']
  return statements(goMod, file).flatMap(({ verb: written, args, line }) => {
    const verb = verbs.find(v => v === written)
    if (verb === undefined) return []
    const queried = (path?: string, version?: string): QueriedVersion[] =>
      path !== undefined && version !== undefined && canonicalVersion(version) !== version
        ? [{ line, verb, path, version }]
        : []
    if (verb !== 'replace') return queried(args[0], args[1])
    const arrow = args.indexOf('=>')
    if (arrow < 1) return []
    return [
      ...queried(args[0], arrow === 2 ? args[1] : undefined),
      ...queried(args[arrow + 1], args[arrow + 2])
    ]
  })
}

/**
 * go.mod as the go command rewrites it once it has resolved its queries: each queried version
 * that `resolved` holds (keyed `path query`) replaced by the version it resolves to. A line this
 * cannot rewrite (a quoted version) stays a query, and its go.mod is read as one.
 */
export function withQueriesResolved(goMod: string, resolved: ReadonlyMap<string, string>): string {
  if (resolved.size === 0) return goMod
  try {
    const lines = goMod.split('\n')
    for (const { line, path, version } of queriedVersions(goMod, 'go.mod')) {
      const to = resolved.get(`${path} ${version}`)
      if (to === undefined) continue
      const written = new RegExp(
        `(^|[\\s(])(${escapeRegExp(path)}\\s+)${escapeRegExp(version)}(?=[\\s)]|//|$)`
      )
      lines[line - 1] = lines[line - 1].replace(
        written,
        (_, before: string, pathAnd: string) => `${before}${pathAnd}${to}`
      )
    }
    return lines.join('\n')
  } catch {
    // A go.mod this reader cannot read: it is read as it is (every line counts).
    return goMod
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
