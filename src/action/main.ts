import { buildPlan } from '../config/build.js'
import { loadYaml } from '../config/profiles.js'
import { planSecrets } from '../config/secrets.js'
import { withGoEnvFile } from '../goenv/env-file.js'
import { messageOf } from '../logger.js'
import { defaultCacheDir, readInputs, readSettings } from './inputs.js'
import { createActionLog } from './log.js'

/**
 * The action: read and validate every input, probe, then report and export. A bad input fails
 * the step before anything is probed or exported.
 */
export async function run(jobEnv: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Text until the inputs say otherwise: a bad log-format is reported in text.
  let log = createActionLog('text', jobEnv)
  try {
    // What the build's go command will see: the job's variables, else Go's env file.
    const env = withGoEnvFile(jobEnv, process.platform)
    const raw = readInputs()
    const settings = readSettings(raw, env)
    log = createActionLog(settings.logFormat, env)
    const plan = buildPlan(raw, {
      env,
      platform: process.platform,
      defaultCacheDir: defaultCacheDir(env),
      yaml: await loadYaml(raw)
    })
    for (const secret of planSecrets(plan)) log.addSecret(secret)
    // What good inputs lead to (effects, engine, reports, the Actions cache) is loaded only now:
    // an input error ends the step having loaded the least (see src/index.ts).
    const { probeAndReport } = await import('./probe-and-report.js')
    await probeAndReport(plan, settings, env, log)
  } catch (err) {
    log.fail(messageOf(err))
  }
}
