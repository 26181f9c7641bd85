import type { DiscoveredBuild } from '../build/discover.js'
import type { QueriedLine } from '../build/read.js'
import type { Candidate } from '../config/plan.js'
import type { ToolchainResult } from './toolchain.js'
import { answerKey, type Answer, type BuildModule, type FileKind, type FileWalk } from './types.js'

/** How one module version of the build fares: the worst of its files. */
export interface ModuleResult {
  module: BuildModule
  outcome: FileWalk['outcome']
  /** The entry that serves its zip (else its .mod), when served by a proxy. */
  servedBy?: Candidate
  /** Served, but not by the chain's first entry: Go reaches it only after the head lacks it. */
  laterEntry: boolean
  files: FileWalk[]
}

/** What one candidate answered for the module versions it was asked about. */
export interface CandidateTally {
  candidate: Candidate
  serves: number
  lacks: number
  contradicts: number
  fails: number
}

/** The build as the exported chain serves it: worked out once, formatted by every face. */
export interface BuildResult {
  /** The go.sum files read, and the module or workspace they belong to. */
  found: DiscoveredBuild
  /** The versions a main module's go.mod spells as queries (see Build.queried). */
  queried: QueriedLine[]
  /** The module versions of the build's go.sum files. */
  modules: ModuleResult[]
  /** What each candidate answered for the build's module versions, in any round. */
  tallies: CandidateTally[]
  /** Every go.sum line some candidate served other bytes for. */
  contradicted: Contradiction[]
  unresolved: ModuleResult[]
  toolchains: ToolchainResult[]
}

// A zip the build never fetches says nothing of its module when the .mod is served.
const OUTCOME_RANK: FileWalk['outcome'][] = [
  'unresolved',
  'direct',
  'private',
  'served',
  'not-fetched'
]

/** The module versions at least one of whose files was walked: not only lines no build fetches. */
export function walkedModules(build: Pick<BuildResult, 'modules'>): ModuleResult[] {
  // A go.mod query is no module version of the build: only what it resolves to is.
  return build.modules.filter(m =>
    m.files.some(f => f.outcome !== 'not-fetched' && f.file !== 'query')
  )
}

export function buildResult(
  walks: FileWalk[],
  head: Candidate | undefined,
  toolchains: ToolchainResult[],
  { found, queried }: Pick<BuildResult, 'found' | 'queried'>,
  answered: Answered[]
): BuildResult {
  const byModule = new Map<string, FileWalk[]>()
  for (const walk of walks) {
    const key = `${walk.module.path}@${walk.module.version}`
    byModule.set(key, [...(byModule.get(key) ?? []), walk])
  }
  const modules = [...byModule.values()].map(files => moduleResult(files, head))
  const built = modules.map(m => m.module)
  return {
    found,
    queried,
    modules,
    tallies: tallies(built, answered),
    contradicted: contradictions(built, answered),
    unresolved: modules.filter(m => m.outcome === 'unresolved'),
    toolchains
  }
}

function moduleResult(files: FileWalk[], head: Candidate | undefined): ModuleResult {
  const worst = files.reduce((a, b) =>
    OUTCOME_RANK.indexOf(b.outcome) < OUTCOME_RANK.indexOf(a.outcome) ? b : a
  )
  const zip = files.find(f => f.file === 'zip' && f.outcome !== 'not-fetched')
  const servedBy = (zip ?? files[0]).servedBy
  const laterEntry = files.some(f => f.servedBy && head && f.servedBy.id !== head.id)
  return { module: files[0].module, outcome: worst.outcome, servedBy, laterEntry, files }
}

/** What each candidate answered for files of the build, whatever round of the walk asked it. */
export interface Answered {
  candidate: Candidate
  /** answerKey → answer. */
  answers: Record<string, Answer>
}

/** A go.sum line a candidate served other bytes for. */
export interface Contradiction {
  module: BuildModule
  file: FileKind
  candidate: Candidate
  problem: string
}

/** Per candidate, each module version of the build counted once by its worst answer. */
function tallies(modules: BuildModule[], answered: Answered[]): CandidateTally[] {
  const rank: Answer['kind'][] = ['contradicts', 'failed', 'missing', 'unverified', 'served']
  return answered
    .map(({ candidate, answers }) => {
      const counts = { serves: 0, lacks: 0, contradicts: 0, fails: 0 }
      const name = {
        served: 'serves',
        missing: 'lacks',
        contradicts: 'contradicts',
        failed: 'fails',
        // It served the file; the checksum database could not vouch for it.
        unverified: 'serves'
      } as const
      for (const module of modules) {
        const kinds = FILES.map(file => answers[answerKey(module, file)]?.kind).filter(
          (k): k is Answer['kind'] => k !== undefined
        )
        if (kinds.length === 0) continue
        const worst = kinds.reduce((a, b) => (rank.indexOf(b) < rank.indexOf(a) ? b : a))
        counts[name[worst]]++
      }
      return { candidate, ...counts }
    })
    .filter(t => t.serves + t.lacks + t.contradicts + t.fails > 0)
}

const FILES: FileKind[] = ['query', 'mod', 'info', 'zip']

function contradictions(modules: BuildModule[], answered: Answered[]): Contradiction[] {
  return modules.flatMap(module =>
    FILES.flatMap(file =>
      answered.flatMap(({ candidate, answers }) => {
        const answer = answers[answerKey(module, file)]
        return answer?.kind === 'contradicts'
          ? [{ module, file, candidate, problem: answer.problem ?? 'contradicts go.sum' }]
          : []
      })
    )
  )
}
