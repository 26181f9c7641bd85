import * as core from '@actions/core'
import { GoEnv, Outputs } from '../constants.js'
import { maskCredentials } from '../credentials/mask.js'
import type { RunResult } from '../validate.js'
import { verdictsByCandidate } from '../select/gate.js'
import { walkedModules } from '../walk/result.js'

/**
 * Sets the outputs (redacted: outputs are not secret) and, with export-env, the environment of
 * later steps (with credentials: the go command needs them; the runner masks them in logs).
 */
export function publish(result: RunResult, exportEnv: boolean, reportPath: string): void {
  const { exported, plan } = result
  core.setOutput(Outputs.Goproxy, exported.shown ?? '')
  core.setOutput(Outputs.Gosumdb, maskCredentials(result.sumdb.gosumdb))
  core.setOutput(Outputs.Goprivate, plan.patterns.goprivate)
  core.setOutput(Outputs.Gonoproxy, plan.patterns.gonoproxy)
  core.setOutput(Outputs.Gonosumdb, plan.patterns.gonosumdb)
  core.setOutput(Outputs.Healthy, String(exported.healthy))
  core.setOutput(Outputs.Selected, exported.selected ?? '')
  core.setOutput(Outputs.FallbackUsed, String(exported.fallbackUsed))
  core.setOutput(Outputs.CacheHit, String(exported.cacheHit))
  core.setOutput(Outputs.Report, reportPath)
  core.setOutput(Outputs.Verdicts, JSON.stringify(verdictsByCandidate(result.reports)))
  core.setOutput(Outputs.ModulesChecked, String(walkedModules(result.build).length))
  core.setOutput(
    Outputs.ModulesUnresolved,
    result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`).join('\n')
  )
  if (!exportEnv || exported.goproxy === undefined) return
  core.exportVariable(GoEnv.Goproxy, exported.goproxy)
  core.exportVariable(GoEnv.Gosumdb, result.sumdb.gosumdb)
  const patterns: [GoEnv, string][] = [
    [GoEnv.Goprivate, plan.patterns.goprivate],
    [GoEnv.Gonoproxy, plan.patterns.gonoproxy],
    [GoEnv.Gonosumdb, plan.patterns.gonosumdb]
  ]
  for (const [name, value] of patterns) if (value) core.exportVariable(name, value)
}
