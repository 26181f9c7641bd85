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
 * again; a failed verdict still stands, so a dead mirror is not hammered. A run that needs no
 * database (GOSUMDB=off, `checks: quick`) takes every cached verdict.
 */
export async function verdictRecall(
  verdicts: VerdictCache,
  plan: Plan,
  recalledSumdb: () => Promise<SumdbOutcome | undefined>
): Promise<ProbeRun['recall']> {
  const needsNoDecision = plan.gosumdb.kind !== 'db' || plan.checks === 'quick'
  if (needsNoDecision || (await recalledSumdb()) !== undefined) return verdicts.recall
  return async (candidate, modules) => {
    const recalled = await verdicts.recall(candidate, modules)
    return recalled.report && isUsable(recalled.report.verdict) ? {} : recalled
  }
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
