import type { Plan } from './config/plan.js'
import { probeAll, type EngineDeps, type SkippedModule } from './probe/engine.js'
import type { CandidateReport } from './probe/types.js'
import { selectChain, type Selection } from './select/chain.js'

/** Everything one validation found: plain values, shared by the action and the CLI. */
export interface RunResult {
  plan: Plan
  reports: CandidateReport[]
  skippedModules: SkippedModule[]
  selection: Selection
  /** The GOSUMDB to export (the user's, unchanged unless a sumdb mirror replaced its URL). */
  gosumdb: string
  startedAt: number
  durationMs: number
}

/** Probes the plan's candidates and chooses what to export. */
export async function validate(plan: Plan, deps: EngineDeps): Promise<RunResult> {
  const startedAt = deps.clock.now()
  const { reports, skippedModules } = await probeAll(plan, deps)
  const selection = selectChain(reports, plan.strategy, plan.onFailure)
  return {
    plan,
    reports,
    skippedModules,
    selection,
    gosumdb: plan.gosumdb.raw,
    startedAt,
    durationMs: deps.clock.now() - startedAt
  }
}
