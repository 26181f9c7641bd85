import { isUsable, type CandidateReport, type ProbeRecord, type Verdict } from './types.js'

export interface Judgement {
  verdict: Verdict
  reason: string
  latencyMs?: number
  checksPassed: number
  checksTotal: number
}

/** One line naming the request and what was wrong with it. */
export function probeReason(record: ProbeRecord): string {
  return `GET ${record.url} → ${record.problem ?? `${record.status ?? ''} ok`.trim()}`
}

/**
 * A candidate's verdict from its probes: any failed probe makes it unhealthy, named by its own
 * failure (a timeout or a real answer first, the requests it cut short last); a refusal to list a
 * pinned module, slow answers or retries make it degraded.
 */
export function judge(records: ProbeRecord[], retries: number, timeoutMs: number): Judgement {
  const passed = records.filter(r => r.ok)
  const base = {
    checksPassed: passed.length,
    checksTotal: records.length,
    latencyMs: median(passed.map(r => r.latencyMs).filter((n): n is number => n !== undefined))
  }
  const failed = records.filter(r => !r.ok && !r.tolerated)
  if (failed.length > 0) {
    const cause = failed.find(r => r.timedOut) ?? failed.find(r => r.attempts > 0) ?? failed[0]
    return { ...base, verdict: 'unhealthy', reason: probeReason(cause) }
  }
  const refused = records.find(r => r.tolerated)
  if (refused) {
    const reason = `${probeReason(refused)}: builds that pin versions work, resolving new versions through it does not`
    return { ...base, verdict: 'degraded', reason }
  }
  const slow = passed.find(r => r.totalMs > timeoutMs / 2)
  if (slow) {
    const reason = `slow: GET ${slow.url} took ${seconds(slow.totalMs)} (timeout ${seconds(timeoutMs)})`
    return { ...base, verdict: 'degraded', reason }
  }
  if (retries > 0) {
    const retried = passed.find(r => r.attempts > 1)
    const where = retried ? `: GET ${retried.url} took ${retried.attempts} attempts` : ''
    return {
      ...base,
      verdict: 'degraded',
      reason: `needed ${retries} retr${retries === 1 ? 'y' : 'ies'}${where}`
    }
  }
  return { ...base, verdict: 'healthy', reason: `${passed.length} checks passed` }
}

/**
 * Marks usable candidates whose @latest resolved older than another usable candidate's as
 * degraded: their cache is behind, and `go get -u` through them would miss the newest release.
 * Only usable candidates set the bar — a broken or tampered mirror's "newer" version proves nothing.
 */
export function markStale(
  reports: CandidateReport[],
  compare: (a: string, b: string) => number
): void {
  const newest = new Map<string, string>()
  for (const report of reports.filter(r => isUsable(r.verdict))) {
    for (const [path, version] of Object.entries(report.latest)) {
      const best = newest.get(path)
      if (!best || compare(version, best) > 0) newest.set(path, version)
    }
  }
  for (const report of reports) {
    if (report.verdict !== 'healthy') continue
    const behind = Object.entries(report.latest).find(
      ([path, v]) => compare(v, newest.get(path) ?? v) < 0
    )
    if (behind) {
      const [path, version] = behind
      report.verdict = 'degraded'
      report.reason = `stale: @latest of ${path} is ${version}, another candidate serves ${newest.get(path)}`
    }
  }
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
