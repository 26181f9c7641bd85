import type { CandidateReport } from '../probe/types.js'
import type { IntegrityCheck } from './stage.js'
import { routeForChain, sameRoute } from './routes.js'

/** The checksum database's part of the result: what GOSUMDB to export and whether it works. */
export interface SumdbOutcome {
  ok: boolean
  /** The GOSUMDB to export: the user's, or `<key> <mirror url>` when a sumdb mirror stood in. */
  gosumdb: string
  reason: string
  /** Redacted URL of the route that was proved, when one was. */
  route?: string
  mirrorUsed: boolean
}

/**
 * Decides GOSUMDB for the chosen chain: the route the go command will take must have passed;
 * if it failed, a sumdb mirror that passed is exported in Go's `name+key url` form. GOSUMDB=off
 * is exported only when the user set it.
 */
export function decideGosumdb(check: IntegrityCheck, userValue: string, chain: CandidateReport[]): SumdbOutcome {
  const keep = { gosumdb: userValue, mirrorUsed: false }
  if (check.status !== 'checked' || !check.db) return { ok: true, reason: check.reason, ...keep }
  if (check.unknown.length > 0) {
    const names = check.unknown.map(v => `${v.path}@${v.version}`).join(', ')
    const reason = `the checksum database has no record of ${names} (the go command would refuse it; if it is private, add it to GONOSUMDB or GOPRIVATE)`
    return { ok: false, reason, ...keep }
  }
  const want = routeForChain(check.db, chain)
  const proved = check.routes.find(r => sameRoute(r.route, want))
  if (!proved) return { ok: true, reason: `${want.label} was not re-checked (verdicts from cache)`, ...keep }
  if (proved.ok) return { ok: true, reason: `${check.reason} via ${want.label}`, route: want.label, ...keep }
  const mirror = check.routes.find(r => r.route.kind === 'mirror' && r.ok)
  const failure = `${want.label} failed: ${proved.problem ?? 'unknown error'}`
  if (!mirror) return { ok: false, reason: `checksum database unreachable: ${failure}`, ...keep }
  return {
    ok: true,
    gosumdb: `${check.db.verifierKey} ${mirror.route.base}`,
    reason: `${failure}; using sumdb mirror ${mirror.route.label}`,
    route: mirror.route.label,
    mirrorUsed: true
  }
}
