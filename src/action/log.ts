import * as core from '@actions/core'
import type { RunResult } from '../run.js'
import { VERDICT_MARK, formatMs } from '../report/words.js'

/** One log group a candidate with each probe, and an annotation for each one that failed. */
export function logReports(result: RunResult): void {
  for (const report of result.reports) {
    const { candidate } = report
    core.startGroup(
      `${candidate.id} ${candidate.display}: ${VERDICT_MARK[report.verdict]} — ${report.reason}`
    )
    if (report.cached) core.info(`verdict from cache, ${formatMs(report.cached.ageMs)} old`)
    for (const probe of report.probes) {
      const mark = probe.ok ? '✓' : '✗'
      const answer = probe.ok
        ? `${probe.status ?? ''} in ${formatMs(probe.totalMs)}`
        : probe.problem
      const tries = probe.attempts > 1 ? ` (${probe.attempts} attempts)` : ''
      core.info(`${mark} ${probe.endpoint} ${probe.url} → ${answer}${tries}`)
    }
    core.endGroup()
    const title = `validate-goproxy: ${candidate.display} is ${report.verdict}`
    if (report.verdict === 'tampered') core.error(report.reason, { title })
    if (report.verdict === 'unhealthy') core.warning(report.reason, { title })
  }
}
