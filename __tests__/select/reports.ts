/** Candidate reports with only a verdict, for tests of what is chosen and gated from verdicts. */
import type { Candidate, Role } from '../../src/config/plan.js'
import { entryText, isProxyEntry, parseProxyList } from '../../src/goenv/proxylist.js'
import { verdictOnly } from '../../src/probe/candidate.js'
import type { CandidateReport, Verdict } from '../../src/probe/types.js'

/**
 * A report for each entry of a GOPROXY-syntax list, each proxy given its verdict (direct/off are
 * skipped) and the reason `<verdict> for a reason`; a healthy one has no finding.
 */
export function reportsOf(list: string, verdicts: Verdict[], role: Role = 'primary') {
  return parseProxyList(list).map((entry, i): CandidateReport => {
    const candidate: Candidate = { id: `${role}[${i}]`, role, entry, display: entryText(entry) }
    const verdict = isProxyEntry(entry) ? verdicts[i] : 'skipped'
    const reason = `${verdict} for a reason`
    if (verdict !== 'healthy') return verdictOnly(candidate, verdict, reason)
    return { ...verdictOnly(candidate, 'skipped', reason), verdict, findings: [] }
  })
}
