import { recordFinding } from './findings.js'
import { probeReason, type ProbeRecord } from '../http/record.js'
import { isUsable, type CandidateReport, type Finding } from './types.js'

export interface ProbeTally {
  latencyMs?: number
  checksPassed: number
  checksTotal: number
}

export interface ProbeLimits {
  timeoutMs: number
  /** A request slower than this makes the candidate degraded. */
  slowMs: number
}

/** Counts and the median time to headers over a candidate's successful probes. */
export function tallyProbes(records: ProbeRecord[]): ProbeTally {
  const passed = records.filter(r => r.ok)
  const latencies = passed.map(r => r.latencyMs).filter((n): n is number => n !== undefined)
  return { checksPassed: passed.length, checksTotal: records.length, latencyMs: median(latencies) }
}

/**
 * What a candidate's probes established, worst first. Failures (unhealthy): a timeout, then real
 * answers, then requests cut short; when the circuit breaker cut requests off, the reason says so.
 * Then what still works but costs builds (degraded): rate limits, a refusal to list a pinned
 * module, slow answers, retries.
 */
export function probeFindings(records: ProbeRecord[], limits: ProbeLimits): Finding[] {
  return [...failureFindings(records), ...degradedFindings(records, limits)]
}

function failureFindings(records: ProbeRecord[]): Finding[] {
  const failed = records.filter(r => !r.ok && !r.tolerated)
  const answered = failed.filter(r => r.attempts > 0 && !r.breakerOpen)
  const ordered = [
    ...answered.filter(r => r.timedOut),
    ...answered.filter(r => !r.timedOut),
    ...failed.filter(r => r.attempts === 0 || r.breakerOpen)
  ]
  const cutOff = failed.filter(r => r.breakerOpen).length
  const breakerNote =
    cutOff > 0 ? `; then the circuit breaker opened and ${cutOff} request(s) were not asked` : ''
  return ordered.map((record, i) => ({
    stage: 'probe',
    level: 'unhealthy',
    reason: probeReason(record) + (i === 0 && record.attempts > 0 ? breakerNote : '')
  }))
}

function degradedFindings(records: ProbeRecord[], { timeoutMs, slowMs }: ProbeLimits): Finding[] {
  const degraded = (reason: string): Finding => ({ stage: 'probe', level: 'degraded', reason })
  const passed = records.filter(r => r.ok)
  const findings: Finding[] = []
  const limited = passed.find(r => r.rateLimited)
  if (limited?.rateLimited) {
    const wait = seconds(limited.rateLimited.retryAfterMs)
    findings.push(
      degraded(
        `rate limited: GET ${limited.url} asked to wait ${wait} (Retry-After), then answered`
      )
    )
  }
  const refused = records.find(r => r.tolerated && r.endpoint !== 'supported')
  if (refused) {
    findings.push(
      degraded(
        `${probeReason(refused)}: builds that pin versions work, resolving new versions through it does not`
      )
    )
  }
  const noDatabase = records.find(r => r.tolerated && r.endpoint === 'supported')
  if (noDatabase) {
    findings.push(
      degraded(
        `${probeReason(noDatabase)}: Go reaches the checksum database past it (the next entry across |, or a sumdb mirror), not through it`
      )
    )
  }
  const slow = passed.find(r => r.totalMs > slowMs)
  if (slow) {
    const bound = `slow-threshold ${seconds(slowMs)}, timeout ${seconds(timeoutMs)}`
    findings.push(degraded(`slow: GET ${slow.url} took ${seconds(slow.totalMs)} (${bound})`))
  }
  const retried = passed.filter(r => r.attempts > 1)
  if (retried.length > 0) {
    const sent = records.filter(r => r.attempts > 0).length
    const example = `GET ${retried[0].url} took ${retried[0].attempts} attempts`
    findings.push(degraded(`needed retries on ${retried.length} of ${sent} requests: ${example}`))
  }
  return findings
}

/**
 * Records a staleness finding on each usable candidate whose @latest resolved older than another
 * usable candidate's: its cache is behind, and `go get -u` through it would miss the newest
 * release. Only usable candidates set the bar — a broken or tampered mirror's "newer" version
 * proves nothing.
 */
export function staleFindings(
  reports: CandidateReport[],
  compare: (a: string, b: string) => number
): void {
  const usable = reports.filter(r => isUsable(r.verdict))
  const newest = new Map<string, string>()
  for (const report of usable) {
    for (const [path, version] of Object.entries(report.latest)) {
      const best = newest.get(path)
      if (!best || compare(version, best) > 0) newest.set(path, version)
    }
  }
  for (const report of usable) {
    const behind = Object.entries(report.latest).find(
      ([path, v]) => compare(v, newest.get(path) ?? v) < 0
    )
    if (!behind) continue
    const [path, version] = behind
    recordFinding(report, {
      stage: 'staleness',
      level: 'degraded',
      reason: `stale: @latest of ${path} is ${version}, another candidate serves ${newest.get(path)}`
    })
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
