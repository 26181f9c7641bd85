import { probeEvent, verdictEvent } from '../log/events.js'
import type { CandidateReport } from '../probe/types.js'
import { formatMs, VERDICT_MARK } from '../report/sentences.js'
import type { RunResult } from '../validate.js'
import type { ActionLog } from './log.js'

/** Each candidate's verdict with its probes, and an annotation for each one that failed. */
export function logReports(result: RunResult, log: ActionLog): void {
  for (const report of result.reports) logReport(report, log)
}

function verdictTitle(report: CandidateReport): string {
  const { candidate } = report
  return `${candidate.id} ${candidate.display}: ${VERDICT_MARK[report.verdict]} — ${report.reason}`
}

/**
 * A candidate's verdict as soon as its own probes end, one line (the groups with every probe and
 * the final verdicts follow once the checksum database and the build are checked).
 */
export function logProbed(report: CandidateReport, log: ActionLog): void {
  log.info(`probed ${verdictTitle(report)}`, { action: 'probe', candidate: report.candidate.id })
}

/** In text a collapsed group titled with the verdict; in json an event a probe, then the verdict's. */
export function logReport(report: CandidateReport, log: ActionLog): void {
  const { candidate } = report
  const title = verdictTitle(report)
  log.group(title, () => {
    if (report.cached) {
      const age = formatMs(report.cached.ageMs)
      log.info(`verdict from cache, ${age} old`, { action: 'cache.hit', candidate: candidate.id })
    }
    for (const probe of report.probes) log.event(probeEvent(report, probe))
  })
  // In text the group's title says it; a log store needs the verdict as an event of its own.
  log.json?.(verdictEvent(report, title))
  const where = { title: `validate-goproxy: ${candidate.display} is ${report.verdict}` }
  if (report.verdict === 'tampered') log.annotate('error', report.reason, where)
  if (report.verdict === 'unhealthy') log.annotate('warning', report.reason, where)
}
