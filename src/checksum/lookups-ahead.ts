import type { Plan } from '../config/plan.js'
import type { CandidateReport } from '../probe/types.js'
import { notPrivate, versionsToCheck } from './integrity.js'
import type { RouteSessions } from './route-checker.js'
import type { ModuleVersion } from './route-proof.js'
import { settledFirstRoute } from './routes.js'

/**
 * Told each candidate's report as its probes end, starts the database's lookups for what it
 * served, on the route checkIntegrity will try first, as soon as that route is settled: the proof
 * then finds them answered instead of starting once the slowest candidate has ended. They are
 * requests the proof makes anyway, on the requester it uses, so what it decides is unchanged;
 * only when they are sent. The build's toolchain (`alsoLookUp`) is looked up with the first
 * versions served, as checkIntegrity does.
 */
export function lookupsAhead(
  plan: Plan,
  sessions: RouteSessions | undefined,
  alsoLookUp: ModuleVersion[]
): (report: CandidateReport) => void {
  if (!sessions || plan.checks === 'quick') return () => undefined
  const reports = new Map<string, CandidateReport>()
  let pending: ModuleVersion[] = []
  let extra = notPrivate(plan, alsoLookUp)
  return report => {
    reports.set(report.candidate.id, report)
    pending.push(...versionsToCheck(plan, [report]))
    const route = settledFirstRoute(sessions.db, plan.candidates, c => reports.get(c.id))
    if (!route || pending.length === 0) return
    sessions.lookUpAhead(route, [...pending, ...extra])
    pending = []
    extra = []
  }
}
