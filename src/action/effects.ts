import * as path from 'node:path'
import { systemClock } from '../clock.js'
import { createEffects } from '../effects.js'
import type { Plan } from '../config/plan.js'
import type { RunEffects } from '../validate.js'
import { cacheKey } from '../cache/key.js'
import type { EntryStore } from '../cache/local-store.js'
import { createActionsCacheSync } from '../cache/actions-sync.js'
import { isCachedVerdict } from '../cache/verdicts.js'
import { isRemembered } from '../cache/sumdb.js'
import { withFields, type Logger } from '../logger.js'
import type { ActionLog } from './log.js'

export interface ActionEffects {
  effects: RunEffects
  /** Shares fresh verdicts with other legs and runs through the Actions cache, if available. */
  saveCache(): Promise<void>
  close(): void
}

/**
 * @actions/cache takes no deadline and cannot be cancelled (its JSON calls wait up to 3 minutes
 * each, with retries): the run waits this long at most for one call, and for restore and save
 * together, then goes on without the cache; src/index.ts then exits, which ends what is left.
 */
const CACHE_CALL_DEADLINE_MS = 15_000
const CACHE_BUDGET_MS = 20_000

/** The engine's effects plus the Actions cache, restored before probing. */
export async function createActionEffects(
  plan: Plan,
  env: NodeJS.ProcessEnv,
  log: ActionLog
): Promise<ActionEffects> {
  const { effects, close } = await createEffects(plan, env, log, log)
  const sync = effects.store && (await actionsCacheSync(plan, effects.store, env, log))
  await sync?.restore()
  return { effects, saveCache: async () => void (await sync?.save()), close }
}

/** The Actions cache only exists on a runner; loading its client elsewhere only costs time. */
async function actionsCacheSync(
  plan: Plan,
  store: EntryStore,
  env: NodeJS.ProcessEnv,
  log: Logger
) {
  if (!env.ACTIONS_CACHE_URL && !env.ACTIONS_RESULTS_URL) return undefined
  const cache = await import('@actions/cache')
  const planHash = cacheKey({
    url: plan.candidates.map(c => c.display).join(' '),
    checks: plan.checks,
    modules: plan.modules.map(m => m.text),
    gosumdb: plan.gosumdb.raw
  }).slice(0, 16)
  // tar runs in the workspace: a path relative to it is the same string on every leg, and the
  // archive's version (a hash of that string) matches across machines.
  const cachePath = '.validate-goproxy-cache-sync'
  return createActionsCacheSync({
    cache,
    store,
    cachePath,
    stagingDir: path.resolve(env.GITHUB_WORKSPACE || process.cwd(), cachePath),
    deadlineMs: CACHE_CALL_DEADLINE_MS,
    budgetMs: CACHE_BUDGET_MS,
    // What the store holds: a damaged entry is neither merged over a good one nor shared.
    isPayload: (p: unknown): p is unknown => isCachedVerdict(p) || isRemembered(p),
    keyPrefix: `validate-goproxy-v1-${planHash}-`,
    bucketMs: Math.max(60_000, Math.min(plan.cache.ttlMs, plan.breaker.cooldownMs)),
    clock: systemClock,
    log: withFields(log, { action: 'cache.sync' })
  })
}
