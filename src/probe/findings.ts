import { LEVELS, STAGES, type CandidateReport, type Finding } from './types.js'

/**
 * The finding a verdict rests on: the worst level; within a level the earliest stage in STAGES;
 * within a stage the one recorded first. Stages record in a fixed order of their own (never in
 * the order answers arrive), so the choice does not depend on which stage finished first.
 */
function decidingFinding(findings: readonly Finding[]): Finding | undefined {
  let deciding: Finding | undefined
  for (const finding of findings) {
    if (!deciding || rank(finding) < rank(deciding)) deciding = finding
  }
  return deciding
}

function rank(finding: Finding): number {
  return LEVELS.indexOf(finding.level) * STAGES.length + STAGES.indexOf(finding.stage)
}

/**
 * Sets a report's verdict and reason from its findings: the one place a verdict is decided. The
 * findings are put in stage order, so the report reads the same however the stages interleaved.
 */
export function settleVerdict(report: CandidateReport): void {
  report.findings.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage))
  const deciding = decidingFinding(report.findings)
  report.verdict = deciding?.level ?? 'healthy'
  report.reason = deciding?.reason ?? `${report.checksPassed} checks passed`
}

/** Adds what a stage established; the verdict changes only when the run settles it. */
export function recordFinding(report: CandidateReport, finding: Finding): void {
  report.findings.push(finding)
}
