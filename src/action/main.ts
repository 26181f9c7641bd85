import { mkdir, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import * as core from '@actions/core'
import { buildPlan } from '../config/build.js'
import { planSecrets } from '../config/secrets.js'
import type { Plan } from '../config/plan.js'
import { jsonReport } from '../report/json.js'
import { summaryMarkdown } from '../report/summary.js'
import { outcomeSentence } from '../report/words.js'
import { validate, type RunResult } from '../run.js'
import { createActionDeps, type ActionDeps } from './deps.js'
import { defaultCacheDir, readInputs, readSettings } from './inputs.js'
import { logReports } from './log.js'
import { publish } from './outputs.js'

/**
 * The action: read and validate every input, probe, then report and export. A bad input fails
 * the step before anything is probed or exported.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let deps: ActionDeps | undefined
  try {
    const raw = readInputs()
    const settings = readSettings(raw, env)
    const plan = buildPlan(raw, {
      env,
      platform: process.platform,
      defaultCacheDir: defaultCacheDir(env)
    })
    for (const secret of planSecrets(plan)) core.setSecret(secret)
    deps = await createActionDeps(plan, env)
    const result = await validate(plan, deps.engine)
    logReports(result)
    await writeReport(settings.reportPath, result, env, plan)
    publish(result, settings.exportEnv, settings.reportPath, isCacheHit(result))
    // Outside a runner there is no summary file; the log and the report still say everything.
    if (settings.summary && env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(summaryMarkdown(result, plan.profile)).write()
    }
    await deps.saveCache()
    finish(result)
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err))
  } finally {
    deps?.close()
  }
}

function finish(result: RunResult): void {
  const sentence = outcomeSentence(result)
  switch (result.selection.outcome) {
    case 'failed':
      return core.setFailed(`${sentence} See the job summary for each candidate's reason.`)
    case 'on-failure-direct':
    case 'on-failure-keep':
    case 'nothing-to-probe':
    case 'mirrors':
      return core.warning(sentence)
    case 'proxies':
      return core.info(sentence)
  }
}

/** True when every probed candidate's verdict came from the cache: the run asked no proxy. */
function isCacheHit(result: RunResult): boolean {
  const probed = result.reports.filter(r => r.verdict !== 'skipped' || r.cached)
  return probed.length > 0 && probed.every(r => r.cached)
}

/** Matrix values a workflow passes as `env: VALIDATE_GOPROXY_MATRIX: ${{ toJSON(matrix) }}`. */
function matrixOf(env: NodeJS.ProcessEnv): unknown {
  const text = env.VALIDATE_GOPROXY_MATRIX
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

async function writeReport(
  file: string,
  result: RunResult,
  env: NodeJS.ProcessEnv,
  plan: Plan
): Promise<void> {
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
  await writeFile(file, JSON.stringify(jsonReport(result, context), null, 2) + '\n')
}
