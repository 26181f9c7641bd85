import { decideGosumdb, type SumdbOutcome } from './checksum/decide.js'
import { recallSumdb, rememberSumdb } from './checksum/remembered.js'
import { checkGoSums, readGoSums } from './checksum/gosum.js'
import { verdictScope } from './probe/verdict-cache.js'
import { checkIntegrity, failProxyRoute, type IntegrityCheck } from './checksum/stage.js'
import type { Plan } from './config/plan.js'
import { withFileUrls } from './http/file.js'
import { probeAll, type EngineDeps, type SkippedModule } from './probe/engine.js'
import type { CandidateReport } from './probe/types.js'
import { markStale } from './probe/verdict.js'
import { compare } from './goenv/semver.js'
import { failureSelection, selectChain, type Selection } from './select/chain.js'

/** Everything one validation found: plain values, shared by the action and the CLI. */
export interface RunResult {
  plan: Plan
  reports: CandidateReport[]
  skippedModules: SkippedModule[]
  selection: Selection
  integrity: IntegrityCheck
  sumdb: SumdbOutcome
  startedAt: number
  durationMs: number
}

/**
 * One run: read the go.sum files, probe every candidate, prove their content against the checksum
 * database and go.sum, choose the GOPROXY chain and the GOSUMDB route Go will take with it, then
 * remember the verdicts.
 */
export async function validate(plan: Plan, effects: EngineDeps): Promise<RunResult> {
  const deps = { ...effects, http: withFileUrls(effects.http) }
  const startedAt = deps.clock.now()
  const goSums = await readGoSums(plan.goSumFiles)
  const probed = await probeAll(plan, deps, verdictScope(plan, goSums))
  const integrityDeps = { ...deps, limit: probed.limit }
  const [integrity] = await Promise.all([
    checkIntegrity(plan, probed.reports, integrityDeps),
    checkGoSums(plan, probed.reports, goSums, integrityDeps)
  ])
  markStale(
    probed.reports.filter(r => !r.cached),
    compare
  )
  const { selection, sumdb } = await chooseChain(plan, probed.reports, integrity, deps)
  await probed.remember()
  return {
    plan,
    reports: probed.reports,
    skippedModules: probed.skippedModules,
    selection,
    integrity,
    sumdb,
    startedAt,
    durationMs: deps.clock.now() - startedAt
  }
}

/**
 * The chain and the database route Go will take with it. A chain whose first database-serving
 * proxy fails that route loses the proxy (it is unhealthy for the go command) and is chosen again;
 * each round drops one candidate, so this ends. A database that fails outright fails the run.
 */
async function chooseChain(
  plan: Plan,
  reports: CandidateReport[],
  integrity: IntegrityCheck,
  deps: EngineDeps
): Promise<{ selection: Selection; sumdb: SumdbOutcome }> {
  for (;;) {
    const selection = selectChain(reports, plan.strategy, plan.onFailure)
    const sumdb = await gosumdbFor(plan, integrity, selection, deps)
    if (sumdb.brokenProxy) {
      failProxyRoute(reports, sumdb.brokenProxy, sumdb.reason)
      continue
    }
    const failed =
      !sumdb.ok && selection.goproxy !== undefined && selection.outcome !== 'nothing-to-probe'
    return { selection: failed ? failureSelection(plan.onFailure) : selection, sumdb }
  }
}

/** Decides GOSUMDB; a run that proved nothing fresh reuses the last decision from the cache. */
async function gosumdbFor(
  plan: Plan,
  integrity: IntegrityCheck,
  selection: Selection,
  deps: EngineDeps
): Promise<SumdbOutcome> {
  const { store, clock } = deps
  if (store && integrity.status === 'not-checked' && integrity.db) {
    const recalled = await recallSumdb(store, plan, clock.now())
    if (recalled) return recalled
  }
  const outcome = await decideGosumdb(plan, integrity, selection.chain)
  if (store && integrity.status === 'checked' && outcome.ok)
    await rememberSumdb(store, plan, outcome, clock.now())
  return outcome
}
