import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '@actions/core'
import { Inputs } from '../constants.js'
import type { RawInputs } from '../config/plan.js'
import { checkReportPath } from '../config/report-path.js'
import { parseBoolean } from '../config/values.js'
import { parseLogFormat, type LogFormat } from '../log/ecs.js'

/** Every input as the runner passed it (empty when unset). */
export function readInputs(): RawInputs {
  const raw: RawInputs = {}
  for (const name of Object.values(Inputs)) raw[name] = core.getInput(name)
  return raw
}

/** What only the action face needs: where results go (the report path checked writable). */
export interface ActionSettings {
  exportEnv: boolean
  summary: boolean
  reportPath: string
  logFormat: LogFormat
}

export function readSettings(raw: RawInputs, env: NodeJS.ProcessEnv): ActionSettings {
  const text = (name: Inputs, fallback: string): string => raw[name]?.trim() || fallback
  return {
    exportEnv: parseBoolean(Inputs.ExportEnv, text(Inputs.ExportEnv, 'true')),
    summary: parseBoolean(Inputs.Summary, text(Inputs.Summary, 'true')),
    logFormat: parseLogFormat(raw[Inputs.LogFormat]),
    reportPath: checkReportPath(
      text(
        Inputs.ReportPath,
        path.join(env.RUNNER_TEMP || os.tmpdir(), 'validate-goproxy-report.json')
      )
    )
  }
}

/** The runner's tool cache survives between jobs on a self-hosted runner; hosted ones start empty. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  return path.join(
    env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'validate-goproxy'),
    'validate-goproxy-cache'
  )
}
