// Verdicts as they must hold on a busy machine. CI runs on two shared cores: there any request
// may take longer than the slow threshold, and its candidate then gets a "slow" finding
// (degraded) it would not get on an idle machine. Nothing else changes with load, so tests judge
// a candidate by what it would be without that finding, and still assert the exact verdict.

/** A candidate as a report gives it (in-process or from the JSON report). */
export interface Judged {
  verdict: string
  reason: string
  /** Absent in reports of versions before findings: the reason is then the only finding. */
  findings?: readonly { level: string; reason: string }[]
}

const SLOW = /^slow: /
const WORST_FIRST = ['tampered', 'unhealthy', 'degraded']

/**
 * The verdict and reason the candidate would have without slow findings: unchanged when it has
 * none; else from the worst remaining finding (findings are in stage order, so the first one of
 * a level decides it), or healthy when none remains.
 */
export function besidesSlowness(report: Judged): { verdict: string; reason?: string } {
  const findings =
    report.findings ??
    (report.verdict === 'healthy' ? [] : [{ level: report.verdict, reason: report.reason }])
  const kept = findings.filter(f => !SLOW.test(f.reason))
  if (kept.length === findings.length) return { verdict: report.verdict, reason: report.reason }
  for (const level of WORST_FIRST) {
    const deciding = kept.find(f => f.level === level)
    if (deciding) return { verdict: level, reason: deciding.reason }
  }
  return { verdict: 'healthy' }
}

/** Just the verdict of besidesSlowness. */
export function verdictBesidesSlowness(report: Judged): string {
  return besidesSlowness(report).verdict
}
