import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import * as os from 'node:os'
import { systemClock } from './clock.js'
import type { Plan } from './config/plan.js'
import { netrcPath, parseNetrc, type NetrcEntry } from './goenv/netrc.js'
import { createHttpGetter } from './http/get.js'
import type { EngineDeps } from './probe/engine.js'
import { createLocalStore } from './resilience/cache/local-store.js'
import type { Logger } from './resilience/policy.js'

/** The real effects both faces share: network, clock, the local verdict cache, netrc. */
export async function createEngineDeps(
  plan: Plan,
  env: NodeJS.ProcessEnv,
  log: Logger,
  onSecret: (secret: string) => void
): Promise<{ engine: EngineDeps; close(): void }> {
  const http = createHttpGetter()
  const netrc = await readNetrc(env, onSecret)
  const store = plan.cache.enabled ? createLocalStore(plan.cache.dir, log) : undefined
  return { engine: { http: http.get, clock: systemClock, log, store, netrc }, close: http.close }
}

/** The go command's netrc (NETRC, else ~/.netrc; ~/_netrc on Windows); passwords masked at once. */
async function readNetrc(
  env: NodeJS.ProcessEnv,
  onSecret: (secret: string) => void
): Promise<NetrcEntry[] | undefined> {
  let text: string
  try {
    text = await readFile(netrcPath(env, process.platform, os.homedir(), existsSync), 'utf8')
  } catch {
    // No home or no file: the go command then sends no netrc credentials either.
    return undefined
  }
  const entries = parseNetrc(text)
  for (const entry of entries) onSecret(entry.password)
  return entries
}
