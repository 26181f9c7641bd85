/**
 * The GOPROXY chain and the GOSUMDB route a run exports: rounds that walk the whole build (and
 * its toolchain) along the chain the verdicts point to, dropping what breaks it, until a chain
 * holds.
 */
import type { DiscoveredBuild } from './build/discover.js'
import type { Build as BuildFiles } from './build/read.js'
import type { EntryStore } from './cache/local-store.js'
import { rememberSumdb } from './cache/sumdb.js'
import { decideGosumdb, mirrorStandsIn, type SumdbOutcome } from './checksum/gosumdb-outcome.js'
import { dropRouteBreaker, failProxyRoute, type IntegrityCheck } from './checksum/integrity.js'
import type { Clock } from './clock.js'
import type { Plan } from './config/plan.js'
import { isProxyEntry } from './goenv/proxylist.js'
import { LEVELS, type CandidateReport } from './probe/types.js'
import { failureSelection, selectChain, type Selection } from './select/chain.js'
import type { Ask } from './walk/ask.js'
import { recordBreaks } from './walk/breaks.js'
import { buildResult, type Answered, type BuildResult } from './walk/result.js'
import { contradictions, toolchainSumdbOff, walkToolchains } from './walk/toolchain.js'
import { explainUnresolved, walkBuild } from './walk/walk.js'

/** The build as read: its module versions and toolchains, and the files they come from. */
export type Build = BuildFiles & { found: DiscoveredBuild }

/** What choosing the chain works with. */
export interface ChainChoice {
  plan: Plan
  reports: CandidateReport[]
  build: Build
  ask: Ask
  /** Every candidate's answers for the build so far (this run's, else its cached ones). */
  answered(): Answered[]
  /** The cache's last GOSUMDB decision (read once), for a run that proves nothing fresh. */
  recalledSumdb(): Promise<SumdbOutcome | undefined>
  /** Where the GOSUMDB decision that held is remembered; absent when `cache: false`. */
  memory?: { store: EntryStore; clock: Clock; credentialsOf?: (url: string) => string | undefined }
}

export interface Chosen {
  selection: Selection
  sumdb: SumdbOutcome
  build: BuildResult
}

/**
 * The chain, preferring one that also serves the toolchain when the chosen one breaks on it (see
 * servingToolchain); then the GOSUMDB decision that held is remembered.
 */
export async function chooseChain(choice: ChainChoice, integrity: IntegrityCheck): Promise<Chosen> {
  const settled = await settleChain(choice, integrity)
  const chosen = (await servingToolchain(choice, integrity, settled)) ?? settled
  const { memory, plan } = choice
  if (memory && integrity.status === 'checked' && chosen.sumdb.ok) {
    const { store, clock, credentialsOf } = memory
    await rememberSumdb(store, plan, chosen.sumdb, clock.now(), credentialsOf)
  }
  return chosen
}

/**
 * Each round walks the whole build along the chosen chain; a candidate that breaks the walk
 * (content contradicting go.sum or the database, or a failure Go does not move on from) is
 * dropped, as is a chain head whose /sumdb/ route fails, or an entry whose /sumdb/ error Go
 * cannot get past in this chain and no sumdb mirror bypasses (dropRouteBreaker), and the chain is
 * chosen again. Each round drops a candidate, so this ends. A database that fails outright, or a
 * module of the build no candidate serves, fails the run.
 */
async function settleChain(choice: ChainChoice, integrity: IntegrityCheck): Promise<Chosen> {
  const { plan, reports, build, ask } = choice
  for (;;) {
    const selection = selectChain(reports, plan.strategy, plan.onFailure)
    const { chain } = selection
    const mirrored = () => mirrorStandsIn(plan, integrity, choice.recalledSumdb)
    if (await dropRouteBreaker(plan, reports, chain, mirrored)) continue
    const [walks, toolchains] = await Promise.all([
      walkBuild(plan, build, chain, ask),
      walkToolchains(
        build.toolchains,
        integrity.records,
        chain,
        ask,
        plan.checks,
        toolchainSumdbOff(plan.gosumdb.kind === 'off', chain)
      )
    ])
    if (recordBreaks([...walks, ...contradictions(toolchains)], reports)) continue
    const sumdb = await gosumdbFor(choice, integrity, selection)
    if (sumdb.brokenProxy) {
      failProxyRoute(reports, sumdb.brokenProxy, sumdb.reason)
      continue
    }
    await explainUnresolved(walks, reports, ask)
    const result = buildResult(walks, chain[0]?.candidate, toolchains, build, choice.answered())
    const probed = selection.outcome !== 'nothing-to-probe'
    const failed =
      (!sumdb.ok && selection.goproxy !== undefined && probed) ||
      (result.unresolved.length > 0 && probed)
    return {
      selection: failed ? failureSelection(plan.onFailure) : selection,
      sumdb,
      build: result
    }
  }
}

/**
 * A toolchain is no failure on its own (the Go installed may do), but a chain that serves it
 * beats one that does not. While an entry breaks the toolchain's walk (a 500, say, across `,`,
 * with entries after it), the chain is chosen again without it. The chain found is taken if it
 * serves the whole build and every toolchain, from the same list (`proxies` or `mirrors`), with
 * a head as good; else every verdict is put back as it was.
 */
async function servingToolchain(
  choice: ChainChoice,
  integrity: IntegrityCheck,
  chosen: Chosen
): Promise<Chosen | undefined> {
  let breaks = toolchainBreaks(chosen)
  if (breaks.length === 0 || !isProxyChain(chosen.selection)) return undefined
  const saved = choice.reports.map(r => ({ ...r, findings: [...r.findings] }))
  // Before the rounds below change the verdicts of the reports it holds.
  const head = headRank(chosen)
  let tried: Chosen
  // Each round drops a candidate, so this ends.
  do {
    recordBreaks(breaks, choice.reports)
    tried = await settleChain(choice, integrity)
    breaks = toolchainBreaks(tried)
  } while (breaks.length > 0 && isProxyChain(tried.selection))
  const served = tried.build.toolchains.every(t => t.outcome !== 'unresolved')
  const sameList = tried.selection.outcome === chosen.selection.outcome
  if (served && sameList && headRank(tried) >= head) return tried
  choice.reports.forEach((report, i) => Object.assign(report, saved[i]))
  return undefined
}

/** The toolchain walks an entry breaks (a failure Go does not move on from, entries after it). */
function toolchainBreaks({ build }: Chosen) {
  return build.toolchains.flatMap(t => t.files.filter(f => f.breaksAt))
}

/** How good the chain's first proxy is, higher better: healthy over degraded (see `fail-on`). */
function headRank({ selection }: Chosen): number {
  const head = selection.chain.find(r => isProxyEntry(r.candidate.entry))
  return head ? LEVELS.indexOf(head.verdict) : -1
}

/** A chain of proxies that passed (not a failure's `direct`, nor nothing). */
function isProxyChain({ outcome }: Selection): boolean {
  return outcome === 'proxies' || outcome === 'mirrors'
}

/** Decides GOSUMDB; a run that proved nothing fresh reuses the last decision from the cache. */
async function gosumdbFor(
  { plan, recalledSumdb }: ChainChoice,
  integrity: IntegrityCheck,
  selection: Selection
): Promise<SumdbOutcome> {
  if (integrity.status === 'not-checked' && integrity.db) {
    const recalled = await recalledSumdb()
    if (recalled) return recalled
  }
  return decideGosumdb(plan, integrity, selection.chain)
}
