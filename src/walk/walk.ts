import type { Checks, Plan } from '../config/plan.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import { isUsable, type CandidateReport } from '../probe/types.js'
import type { Ask } from './ask.js'
import type { BuildModule, FileKind, FileWalk } from './types.js'

/**
 * The files the go command fetches for a build: each go.sum line's .mod or .zip; `checks: quick`
 * asks only the .mod files (small, and hashed), not the zips.
 */
function buildFiles(
  modules: BuildModule[],
  checks: Checks
): { module: BuildModule; file: FileKind }[] {
  return modules.flatMap(module => [
    ...(module.modHash ? [{ module, file: 'mod' as const }] : []),
    ...(module.zipHash && checks !== 'quick' ? [{ module, file: 'zip' as const }] : [])
  ])
}

/**
 * Walks every file of the build along `chain` (the entries to export, in order) side by side; the
 * requests share the run's concurrency limit. Files of GONOPROXY modules are not asked of proxies,
 * nor zips the build never fetches (a module no go.mod of the build requires).
 */
export function walkBuild(
  plan: Plan,
  modules: BuildModule[],
  chain: CandidateReport[],
  ask: Ask
): Promise<FileWalk[]> {
  return Promise.all(
    buildFiles(modules, plan.checks).map(({ module, file }) => {
      if (matchPrefixPatterns(plan.patterns.gonoproxy, module.path)) {
        return { module, file, outcome: 'private' as const, asked: [] }
      }
      if (file === 'zip' && module.zipFetched === false) {
        return { module, file, outcome: 'not-fetched' as const, asked: [] }
      }
      return walkFile(module, file, chain, ask)
    })
  )
}

/**
 * One file along the chain, as the go command's TryProxies goes: the first entry that serves it
 * ends the walk; a 404/410 moves on; any other failure moves on only across `|`; `direct` hands it
 * to version control and `off` ends the walk. Content that contradicts go.sum ends it too: the go
 * command would stop with a checksum mismatch.
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
    if (answer.kind === 'failed' && !entry.fallBackOnError) {
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
