// Which zips of a module's go.sum its build fetches, as `go mod download` without arguments picks
// them (cmd/go/internal/modcmd/download.go): from a go.mod at go 1.17 or later, the modules its
// `require` lines name — since 1.17 go.mod requires every module that provides a package the
// main module imports — each as its `replace` lines replace it; from an older go.mod (or one
// without a go line), every module of the build list. go.sum also keeps zip hashes of modules
// only `go mod tidy` or `go test all` reach; a build never fetches those.
import { compareGo, isValidGo } from '../gostd/gover.js'
import { statements, type Statement } from './modfile.js'

/** The first Go whose go.mod lists every module that provides a package (gover.ExplicitIndirectVersion). */
const EXPLICIT_INDIRECT_GO = '1.17'

/** A replacement's target: a module version, or a directory (nothing fetched). */
type Target = { path: string } | { directory: string }

function replacements(found: Statement[]): Map<string, Target> {
  const replaced = new Map<string, Target>()
  for (const { args } of found.filter(s => s.verb === 'replace')) {
    const arrow = args.indexOf('=>')
    if (arrow < 1) continue
    const [path, version] = args.slice(0, arrow)
    const [target, targetVersion] = args.slice(arrow + 1)
    if (target === undefined) continue
    // `P => ../dir` has no version on the right: a directory, as modfile reads it.
    const to: Target = targetVersion === undefined ? { directory: target } : { path: target }
    replaced.set(version === undefined ? path : `${path}@${version}`, to)
  }
  return replaced
}

/**
 * The module paths whose zips a build of this go.mod fetches; undefined when it fetches every
 * module of the build list (a go.mod before go 1.17, or without a go line). `file` names the
 * go.mod in errors (a string that does not end on its line).
 */
export function zipsFetched(goMod: string, file: string): Set<string> | undefined {
  const found = statements(goMod, file)
  const go = found.find(s => s.verb === 'go')?.args[0]
  if (go === undefined || !isValidGo(go) || compareGo(go, EXPLICIT_INDIRECT_GO) < 0)
    return undefined
  const replaced = replacements(found)
  const fetched = new Set<string>()
  for (const { args } of found.filter(s => s.verb === 'require')) {
    const [path, version] = args
    if (path === undefined) continue
    const to = replaced.get(`${path}@${version}`) ?? replaced.get(path) ?? { path }
    if ('path' in to) fetched.add(to.path)
  }
  return fetched
}
