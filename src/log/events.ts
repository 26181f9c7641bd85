// The events of a run as both faces log them: each probe, each verdict, what was exported.
import type { ProbeRecord } from '../http/record.js'
import { isProxyEntry } from '../goenv/proxylist.js'
import type { CandidateReport } from '../probe/types.js'
import { formatMs } from '../report/sentences.js'
import type { LogFields } from '../logger.js'
import type { RunResult } from '../validate.js'
import type { LogEvent, LogLevel } from './ecs.js'

/** `✓ info https://…/@v/v1.0.0.info → 200 in 12 ms`: one request and its answer. */
export function probeLine(probe: ProbeRecord): string {
  const mark = probe.ok ? '✓' : '✗'
  const answer = probe.ok ? `${probe.status ?? ''} in ${formatMs(probe.totalMs)}` : probe.problem
  const tries = probe.attempts > 1 ? ` (${probe.attempts} attempts)` : ''
  return `${mark} ${probe.endpoint} ${probe.url} → ${answer}${tries}`
}

export function probeEvent(report: CandidateReport, probe: ProbeRecord): LogEvent {
  return {
    level: 'info',
    message: probeLine(probe),
    action: 'probe',
    url: probe.url,
    candidate: report.candidate.id,
    status: probe.status,
    durationMs: probe.totalMs,
    outcome: probe.ok ? 'success' : 'failure',
    reason: probe.problem
  }
}

const VERDICT_LEVEL: Record<CandidateReport['verdict'], LogLevel> = {
  healthy: 'info',
  degraded: 'info',
  skipped: 'info',
  unhealthy: 'warning',
  tampered: 'error'
}

/** A candidate's verdict; `message` is the face's own line for it. */
export function verdictEvent(report: CandidateReport, message: string): LogEvent {
  return {
    level: VERDICT_LEVEL[report.verdict],
    message,
    action: 'verdict',
    url: isProxyEntry(report.candidate.entry) ? report.candidate.display : undefined,
    candidate: report.candidate.id,
    verdict: report.verdict,
    reason: report.reason,
    latencyMs: report.latencyMs
  }
}

/** The fields of the run's last line, which says what was exported. */
export function exportFields(result: RunResult): LogFields {
  const head = result.selection.chain[0]?.candidate
  return {
    action: 'export',
    url: head && isProxyEntry(head.entry) ? head.display : undefined,
    durationMs: result.durationMs,
    outcome: result.selection.goproxy === undefined ? 'failure' : 'success'
  }
}
