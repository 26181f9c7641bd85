import type { Plan } from '../config/plan.js'
import { gosumdbWithoutCredentials, stripCredentials } from '../credentials/redact.js'
import { cacheKey, userinfoOf } from './key.js'
import { directUrl } from '../goenv/gosumdb.js'
import { entryText } from '../goenv/proxylist.js'
import { ageOf } from './entry.js'
import type { EntryStore } from './local-store.js'
import * as is from './schema.js'
import type { SumdbOutcome } from '../checksum/gosumdb-outcome.js'

/** A decision that held (only those are remembered), with what recallSumdb gives back. */
type Remembered = Pick<SumdbOutcome, 'gosumdb' | 'reason' | 'route' | 'mirrorUsed'>

/** The whole shape: a damaged entry is a miss, and the next run that checks replaces it. */
export const isRemembered = is.object<Remembered>({
  gosumdb: is.string,
  reason: is.string,
  route: is.optional(is.string),
  mirrorUsed: is.boolean
})

/**
 * The GOSUMDB decision is cached beside the verdicts: a run whose verdicts all come from the cache
 * proves no content and asks no route, so it must reuse the decision of the run that did — or it
 * would export a database URL that run found down instead of the sumdb mirror it chose.
 */
export async function recallSumdb(
  store: EntryStore,
  plan: Plan,
  now: number,
  credentialsOf?: CredentialsOf
): Promise<SumdbOutcome | undefined> {
  const key = sumdbKey(plan, credentialsOf)
  const entry = key === undefined ? undefined : await store.read(key, isRemembered)
  const ageMs = entry && ageOf(entry, now)
  if (!entry || ageMs === undefined || ageMs >= plan.cache.ttlMs) return undefined
  const { payload } = entry
  const gosumdb = withCredentials(plan, payload.gosumdb)
  if (gosumdb === undefined) return undefined
  return { ...payload, ok: true, gosumdb, reason: `${payload.reason} (from cache)`, routes: [] }
}

/**
 * Stores the decision without the passwords of its URL: the cache may be uploaded to the Actions
 * cache, which other branches read. recallSumdb gives them back from the plan.
 */
export async function rememberSumdb(
  store: EntryStore,
  plan: Plan,
  outcome: SumdbOutcome,
  now: number,
  credentialsOf?: CredentialsOf
): Promise<void> {
  const key = sumdbKey(plan, credentialsOf)
  if (!outcome.ok || !key) return
  const { reason, route, mirrorUsed } = outcome
  const gosumdb = gosumdbWithoutCredentials(outcome.gosumdb)
  await store.write<Remembered>(key, { gosumdb, reason, route, mirrorUsed }, now)
}

/** The plan's spelling, credentials included, of a stored GOSUMDB: its own or a sumdb mirror's. */
function withCredentials(plan: Plan, stored: string): string | undefined {
  const key = plan.gosumdb.kind === 'db' ? plan.gosumdb.verifierKey : undefined
  const mirrors = key ? plan.sumdbMirrors.map(url => `${key} ${url}`) : []
  return [plan.gosumdb.raw, ...mirrors].find(
    spelling => gosumdbWithoutCredentials(spelling) === stored
  )
}

/**
 * Which credentials (never their values) a URL's requests carry, as the verdict cache is told;
 * undefined when unknown before the first request.
 */
type CredentialsOf = (url: string) => string | undefined

/**
 * Keyed, as verdicts are, by which credentials every route's requests carry (the candidates', the
 * database's own host and the sumdb mirrors'): a decision made with credentials is not one for a
 * run without them. undefined (neither recalled nor kept) when some are unknown before a request.
 */
function sumdbKey(plan: Plan, credentialsOf: CredentialsOf = () => 'none'): string | undefined {
  const db = plan.gosumdb.kind === 'db' ? [plan.gosumdb.url ?? directUrl(plan.gosumdb)] : []
  const urls = [...plan.candidates.map(c => entryText(c.entry)), ...db, ...plan.sumdbMirrors]
  const described = urls.map(credentialsOf)
  if (described.includes(undefined)) return undefined
  // Whether each URL has user info, and which GOAUTH credentials it gets; never their values.
  const credentials = urls.map((url, i) => `${userinfoOf(url)}:${described[i]}`)
  return cacheKey({
    url: 'gosumdb',
    checks: plan.checks,
    modules: plan.modules.map(m => m.text),
    gosumdb: plan.gosumdb.raw,
    extra: [...urls.map(stripCredentials), plan.network].join(' '),
    credentials: credentials.join(' ')
  })
}
