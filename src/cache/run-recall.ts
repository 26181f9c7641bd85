// How a run uses the verdict cache: which cached verdicts may stand in for probes, and the
// GOSUMDB decision kept beside them.
import type { Plan } from '../config/plan.js'
import type { SumdbOutcome } from '../checksum/gosumdb-outcome.js'
import type { ProbeRun } from '../probe/engine.js'
import { isUsable } from '../probe/types.js'
import type { EntryStore } from './local-store.js'
import type { Clock } from '../clock.js'
import { recallSumdb } from './sumdb.js'
import type { VerdictCache } from './verdicts.js'

/**
 * Which cached verdicts may stand in for probes. A run whose verdicts all come from the cache
 * proves nothing against the checksum database, so it must reuse the GOSUMDB decision of the run
 * that did; only a decision that held is kept. Without one (that run failed on the database, or
 * the sumdb mirrors changed), every usable candidate is probed again and what it serves proved
 * again; a failed verdict still stands, so a dead mirror is not hammered.
 */
export function recallFor(verdicts: VerdictCache, decided: boolean): ProbeRun['recall'] {
  if (decided) return verdicts.recall
  return async (candidate, modules) => {
    const recalled = await verdicts.recall(candidate, modules)
    return recalled.report && isUsable(recalled.report.verdict) ? {} : recalled
  }
}

/** Whether the run may go without proving the database: it needs none, or one was kept. */
export async function decisionKept(
  plan: Plan,
  recalledSumdb: () => Promise<SumdbOutcome | undefined>
): Promise<boolean> {
  if (plan.gosumdb.kind !== 'db' || plan.checks === 'quick') return true
  return (await recalledSumdb()) !== undefined
}

/** What recalling needs of the run's effects. */
interface RecallEffects {
  store?: EntryStore
  clock: Clock
  credentialsOf?: (url: string) => string | undefined
}

/** The cache's GOSUMDB decision, read at most once a run; none without a verdict cache. */
export function recallSumdbOnce(
  plan: Plan,
  { store, credentialsOf, clock }: RecallEffects
): () => Promise<SumdbOutcome | undefined> {
  let recalled: Promise<SumdbOutcome | undefined> | undefined
  return (): Promise<SumdbOutcome | undefined> =>
    (recalled ??= store
      ? recallSumdb(store, plan, clock.now(), credentialsOf)
      : Promise.resolve(undefined))
}
