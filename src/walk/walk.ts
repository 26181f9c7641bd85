import type { Plan } from '../config/plan.js'
import type { Build } from '../build/read.js'
import { walkModGraphs, type GraphWalk } from './mod-graph.js'
import { replaced, type ModGraph } from '../build/requires.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import { isUsable, type CandidateReport } from '../probe/types.js'
import { createLimiter } from '../resilience/limiter.js'
import type { Ask } from './ask.js'
import type { BuildModule, FileKind, FileWalk } from './types.js'

/**
 * Walks every file of the build along `chain` (the entries to export, in order) side by side; the
 * requests share the run's concurrency limit. Not asked: files of GONOPROXY modules (private),
 * zips no build fetches, go.mod files outside the module graph Go loads (not-fetched), and with
 * `checks: quick` any zip. The .info of every module whose zip is fetched is asked too, and what
 * resolves each version a main go.mod spells as a query.
 */
export async function walkBuild(
  plan: Plan,
  build: Pick<Build, 'modules' | 'modGraphs' | 'queried' | 'withResolved'>,
  chain: CandidateReport[],
  ask: Ask
): Promise<FileWalk[]> {
  const walkOne = fileWalker(plan, chain, ask)
  if (build.queried.length > 0) return walkResolvingQueries(plan, build, chain, ask, walkOne)
  const download = downloadWalker(plan, walkOne)
  const { modules } = build
  // With no entry to ask, no go.mod tells the graph: every line is unresolved, none not-fetched.
  const modGraphs = chain.length > 0 ? build.modGraphs : undefined
  // Started in go.sum order, each module's .mod (when the graph starts from it) beside its zip:
  // the files of a module that a proxy lacks go on to the next entry together. A zip fetched only
  // when the build list has its version waits for the graph to tell.
  const roots = rootsOf(modGraphs)
  const started = new Map<BuildModule, Promise<FileWalk>>()
  const zips: Promise<FileWalk>[] = []
  const whenSelected: BuildModule[] = []
  for (const m of modules) {
    if (m.modHash && (!roots || roots.has(`${m.path}@${m.version}`)))
      started.set(m, walkOne(m, 'mod'))
    if (!m.zipHash) continue
    if (m.zipFetched === 'when-selected') whenSelected.push(m)
    else zips.push(...download(m, m.zipFetched !== false))
  }
  const walkMod = (m: BuildModule): Promise<FileWalk> => started.get(m) ?? walkOne(m, 'mod')
  const mods: Promise<GraphWalk> = modGraphs
    ? walkModGraphs(modGraphs, modules, walkMod)
    : Promise.all([...started.values()]).then(walks => ({ walks, unlisted: [] }))
  const selected = mods.then(graph => walkSelectedDownloads(graph, modules, whenSelected, download))
  const [graph, early, late] = await Promise.all([mods, Promise.all(zips), selected])
  return inModuleOrder([...modules, ...graph.unlisted], [...graph.walks, ...early, ...late])
}

/**
 * A build whose go.mod spells versions as queries: what Go asks to resolve each, then the build as
 * Go reads it once it has rewritten go.mod with the versions they resolve to (graphs followed
 * from those). While one does not resolve, the walk ends there, as the go command does.
 */
async function walkResolvingQueries(
  plan: Plan,
  build: Pick<Build, 'modules' | 'modGraphs' | 'queried' | 'withResolved'>,
  chain: CandidateReport[],
  ask: Ask,
  walkOne: WalkOne
): Promise<FileWalk[]> {
  const queries = build.queried.map(({ path, version, file, line }) => ({
    path,
    version,
    modAt: { file, line }
  }))
  const asked = await Promise.all(queries.map(m => walkOne(m, 'query')))
  const resolved = new Map<string, string>()
  for (const walk of asked) {
    const version = walk.asked.find(a => a.candidate === walk.servedBy)?.answer.resolved
    if (version) resolved.set(`${walk.module.path} ${walk.module.version}`, version)
  }
  // Go stops at a query it cannot resolve ("errors parsing go.mod"): nothing else is fetched.
  if (!asked.every(w => w.outcome === 'served')) return asked
  const files = await build.withResolved(resolved)
  // Walked once: a query the rewrite could not take leaves its go.mod's lines all counting.
  const rest = await walkBuild(plan, { ...build, ...files, queried: [] }, chain, ask)
  return [...asked, ...rest]
}

type WalkOne = (module: BuildModule, file: FileKind, fetched?: boolean) => Promise<FileWalk>

/** The walks of what `go mod download` fetches of a module besides its .mod (see downloadWalker). */
type WalkDownload = (module: BuildModule, fetched: boolean) => Promise<FileWalk>[]

/**
 * Files walked at once, per request slot. Each walk waits in the request queue with its retry,
 * breaker and abort bookkeeping: started all at once, a build of 5,000 modules queued 15,000 of
 * them, and memory grew with the build. A few per slot keep every slot busy.
 */
const WALKS_PER_SLOT = 4

/** One file of the build: private (never asked of a proxy), not fetched, or walked. */
function fileWalker(plan: Plan, chain: CandidateReport[], ask: Ask): WalkOne {
  const admit = createLimiter(WALKS_PER_SLOT * plan.concurrency)
  return async (module, file, fetched = true) => {
    if (matchPrefixPatterns(plan.patterns.gonoproxy, module.path)) {
      return { module, file, outcome: 'private', asked: [] }
    }
    if (!fetched) return { module, file, outcome: 'not-fetched', asked: [] }
    return admit(() => walkFile(module, file, chain, ask))
  }
}

/**
 * What `go mod download` fetches of a module besides its .mod: the .info (DownloadModule reads it
 * first; no go.sum line names it) and the zip, which `checks: quick` leaves out.
 */
function downloadWalker(plan: Plan, walkOne: WalkOne): WalkDownload {
  return (m, fetched) => {
    if (!fetched) return plan.checks === 'quick' ? [] : [walkOne(m, 'zip', false)]
    const info = walkOne(m, 'info')
    return plan.checks === 'quick' ? [info] : [info, walkOne(m, 'zip')]
  }
}

/**
 * The zips (and .info files) the graph decides on: of a version the build list has, and of a
 * module of the build list that go.sum has no zip line for (go mod download fetches it all the
 * same, and checks it against the checksum database, having no line to check it against).
 */
function walkSelectedDownloads(
  graph: GraphWalk,
  modules: BuildModule[],
  whenSelected: BuildModule[],
  download: WalkDownload
): Promise<FileWalk[]> {
  const { selected } = graph
  const isSelected = (m: BuildModule) => !selected || selected.has(`${m.path}@${m.version}`)
  const zipless = selected
    ? [...modules, ...graph.unlisted].filter(m => !m.zipHash && isSelected(m))
    : []
  return Promise.all([
    ...whenSelected.flatMap(m => download(m, isSelected(m))),
    ...zipless.flatMap(m => download(m, true))
  ])
}

/** In go.sum order (then the modules no line names), each module's .mod, .info, then zip. */
function inModuleOrder(modules: BuildModule[], walks: FileWalk[]): FileWalk[] {
  const byModule = new Map<BuildModule, FileWalk[]>(modules.map(m => [m, []]))
  for (const walk of walks) byModule.get(walk.module)?.push(walk)
  return [...byModule.values()].flat()
}

/** The go.mod lines the module graphs start from (after replacement); undefined: no graph. */
function rootsOf(graphs: ModGraph[] | undefined): Set<string> | undefined {
  if (!graphs) return undefined
  return new Set(
    graphs.flatMap(g =>
      g.roots.flatMap(r => {
        const to = replaced(r, g.replacements)
        return 'directory' in to ? [] : [`${to.path}@${to.version}`]
      })
    )
  )
}

/**
 * One file along the chain, as the go command's TryProxies goes: the first entry that serves it
 * ends the walk; a 404/410 moves on; any other failure moves on only across `|`, and not even
 * there when Go would stop at it (no answer in time, a bad zip: `stopsGo`); `direct` hands it
 * to version control and `off` ends the walk. Content that contradicts go.sum ends it too: the go
 * command would stop with a checksum mismatch; so does a file the checksum database cannot vouch
 * for, blaming no entry.
 */
export async function walkFile(
  module: BuildModule,
  file: FileKind,
  chain: CandidateReport[],
  ask: Ask
): Promise<FileWalk> {
  const asked: FileWalk['asked'] = []
  for (const [i, { candidate }] of chain.entries()) {
    const { entry } = candidate
    if (entry.kind === 'direct') return { module, file, outcome: 'direct', asked }
    if (entry.kind === 'off') break
    const answer = await ask(candidate, module, file)
    asked.push({ candidate, answer })
    if (answer.kind === 'served')
      return { module, file, outcome: 'served', servedBy: candidate, asked }
    if (answer.kind === 'contradicts') {
      return { module, file, outcome: 'unresolved', asked, breaksAt: candidate }
    }
    // The database cannot vouch for it: Go fails it whichever entry serves it, `direct` too.
    if (answer.kind === 'unverified') return { module, file, outcome: 'unresolved', asked }
    if (answer.kind === 'failed' && (!entry.fallBackOnError || answer.stopsGo)) {
      // Dropping the last entry would only take away what it serves: nothing comes after it.
      const later = i + 1 < chain.length ? candidate : undefined
      return { module, file, outcome: 'unresolved', asked, breaksAt: later }
    }
  }
  return { module, file, outcome: 'unresolved', asked }
}

/**
 * For each file no entry served, asks the usable candidates the walk did not reach, so the
 * message can say what every candidate answered (a mirror may hold what the chain lacks).
 */
export async function explainUnresolved(
  walks: FileWalk[],
  reports: CandidateReport[],
  ask: Ask
): Promise<void> {
  const usable = reports.filter(r => isUsable(r.verdict) && isProxyEntry(r.candidate.entry))
  const unresolved = walks.filter(w => w.outcome === 'unresolved')
  await Promise.all(
    unresolved.map(async walk => {
      const unasked = usable.filter(r => !walk.asked.some(a => a.candidate.id === r.candidate.id))
      const answers = await Promise.all(unasked.map(r => ask(r.candidate, walk.module, walk.file)))
      answers.forEach((answer, i) =>
        walk.asked.push({ candidate: unasked[i].candidate, answer, outsideChain: true })
      )
    })
  )
}
