import { existsSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import { systemClock } from './clock.js'
import { forInput } from './config/errors.js'
import type { Plan } from './config/plan.js'
import { GOAUTH } from './constants.js'
import { parseGoauth } from './goenv/goauth.js'
import { netrcPath, parseNetrc, type NetrcEntry } from './goenv/netrc.js'
import { pathStyleOf } from './gostd/filepath.js'
import { createHttpGetter } from './http/get.js'
import { trustedCertificates } from './http/trust.js'
import { GoAuth } from './credentials/goauth.js'
import type { EngineDeps } from './probe/engine.js'
import { withGoAuth } from './http/goauth-get.js'
import { createCommandRunner } from './credentials/run-command.js'
import { createLocalStore } from './cache/local-store.js'
import { withFields, type Logger } from './logger.js'

/**
 * The real effects both faces share: network (trusting the CAs Go trusts, with GOAUTH's
 * credentials), clock, the local verdict cache. Throws InputError for a GOAUTH that cannot work.
 */
export async function createEngineDeps(
  plan: Plan,
  env: NodeJS.ProcessEnv,
  log: Logger,
  onSecret: (secret: string) => void
): Promise<{ engine: EngineDeps; close(): void }> {
  const auth = await startGoauth(plan, env, log, onSecret)
  const http = createHttpGetter({ ca: await trustedCertificates(env, process.platform, fs) })
  const store = plan.cache.enabled
    ? createLocalStore(plan.cache.dir, withFields(log, { action: 'cache.local' }))
    : undefined
  const get = auth ? withGoAuth(http.get, auth) : http.get
  return { engine: { http: get, clock: systemClock, log, store }, close: http.close }
}

/** GOAUTH from the job's environment (default netrc); undefined for `off`. */
async function startGoauth(
  plan: Plan,
  env: NodeJS.ProcessEnv,
  log: Logger,
  onSecret: (secret: string) => void
): Promise<GoAuth | undefined> {
  const value = env[GOAUTH] ?? ''
  const methods = forInput(GOAUTH, value, () => parseGoauth(value, pathStyleOf(process.platform)))
  if (methods.length === 0) return undefined
  return GoAuth.start(value, methods, {
    // A credential program gets as long as one request may take.
    run: createCommandRunner(env, plan.timeoutMs),
    readNetrc: () => readNetrc(env),
    directoryProblem,
    onSecret,
    log: withFields(log, { action: 'goauth' })
  })
}

/** The go command's netrc (NETRC, else ~/.netrc; ~/_netrc on Windows). */
async function readNetrc(env: NodeJS.ProcessEnv): Promise<NetrcEntry[] | undefined> {
  let text: string
  try {
    text = await fs.readFile(netrcPath(env, process.platform, homeOf(env), existsSync), 'utf8')
  } catch {
    // No home or no file: the go command then sends no netrc credentials either.
    return undefined
  }
  return parseNetrc(text)
}

/** os.UserHomeDir: %USERPROFILE% on Windows, $HOME elsewhere. */
function homeOf(env: NodeJS.ProcessEnv): string {
  return (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ?? ''
}

/** Go's checks of a `git DIR` directory, worded as its fatal errors. */
async function directoryProblem(dir: string): Promise<string | undefined> {
  try {
    if ((await fs.stat(dir)).isDirectory()) return undefined
    return 'GOAUTH=git dir method requires an absolute path to the git working directory, dir is not a directory'
  } catch (err) {
    return `GOAUTH=git encountered an error; cannot stat ${dir}: ${(err as NodeJS.ErrnoException).code ?? err}`
  }
}
