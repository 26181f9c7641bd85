import { mkdir, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import * as core from '@actions/core'
import type { Plan } from '../config/plan.js'
import { jsonReport } from '../report/json.js'
import { summaryMarkdown } from '../report/summary.js'
import { outcomeSentence } from '../report/sentences.js'
import type { RunResult } from '../validate.js'
import { matrixOf } from '../log/ecs.js'
import { exportFields } from '../log/events.js'
import { degradedHead, degradedHeadSentence } from '../select/gate.js'
import { annotateBuild } from './build-log.js'
import { createActionEffects } from './effects.js'
import type { ActionSettings } from './inputs.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import type { CandidateReport } from '../probe/types.js'
import type { ActionLog } from './log.js'
import { maskValues, type Secrets } from '../logger.js'
import { logProbed, logReports } from './report-log.js'
import { publish } from './outputs.js'

/**
 * The run once every input is known to be good: probe, then report and export. Throws what
 * fails the step; the caller reports it.
 */
export async function probeAndReport(
  plan: Plan,
  settings: ActionSettings,
  env: NodeJS.ProcessEnv,
  log: ActionLog
): Promise<void> {
  // The engine loads while the effects start (GOAUTH, the Actions cache's restore).
  const [deps, { validate }] = await Promise.all([
    createActionEffects(plan, env, log),
    import('../validate.js')
  ])
  try {
    const probing = plan.candidates.filter(c => isProxyEntry(c.entry)).length
    log.info(`probing ${probing} candidate${probing === 1 ? '' : 's'} (checks: ${plan.checks})…`, {
      action: 'start'
    })
    const onProbed = (report: CandidateReport): void => logProbed(report, log)
    const result = await validate(plan, { ...deps.effects, onProbed })
    logReports(result, log)
    annotateBuild(result, log, env.GITHUB_WORKSPACE || process.cwd())
    // A server may quote a request's credentials back: the files written are masked too.
    await writeReport(settings.reportPath, result, env, log)
    publish(result, settings.exportEnv, settings.reportPath)
    // Outside a runner there is no summary file; the log and the report still say everything.
    if (settings.summary && env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(log.mask(summaryMarkdown(result, plan.profile))).write()
    }
    await deps.saveCache()
    finish(result, log)
  } finally {
    deps.close()
  }
}

export type StepEnd = { level: 'failed' | 'warning' | 'info'; message: string }

/** How the step ends, and why: failed (no usable candidate, or fail-on's gate), a warning, or fine. */
export function stepEnd(result: RunResult): StepEnd {
  const sentence = outcomeSentence(result)
  const degraded = degradedHead(result.selection, result.plan.failOn)
  if (degraded) return { level: 'failed', message: `${sentence} ${degradedHeadSentence(degraded)}` }
  switch (result.selection.outcome) {
    case 'failed':
      return {
        level: 'failed',
        message: `${sentence} See the job summary for each candidate's reason.`
      }
    case 'on-failure-direct':
    case 'on-failure-keep':
    case 'nothing-to-probe':
    case 'mirrors':
      return { level: 'warning', message: sentence }
    case 'proxies':
      return { level: 'info', message: sentence }
  }
}

function finish(result: RunResult, log: ActionLog): void {
  const { level, message } = stepEnd(result)
  if (level === 'failed') log.fail(message, exportFields(result))
  else log[level](message, exportFields(result))
}

async function writeReport(
  file: string,
  result: RunResult,
  env: NodeJS.ProcessEnv,
  secrets: Secrets
): Promise<void> {
  const { plan } = result
  const context = {
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    job: env.GITHUB_JOB,
    workflow: env.GITHUB_WORKFLOW,
    repository: env.GITHUB_REPOSITORY,
    runnerOs: env.RUNNER_OS,
    profile: plan.profile,
    matrix: matrixOf(env)
  }
  await mkdir(path.dirname(file), { recursive: true })
  const report = maskValues(jsonReport(result, context), secrets.mask)
  await writeFile(file, JSON.stringify(report, null, 2) + '\n')
}
