import type { Limit } from '../resilience/limiter.js'
import type { Clock } from '../clock.js'
import type { Candidate, Checks, ProbeModule } from '../config/plan.js'
import { joinUrlPath } from '../goenv/urlpath.js'
import type { HttpGet } from '../http/types.js'
import type { CandidateBreaker } from '../resilience/breaker.js'
import { firstContact, probeModule, TEXT_CAP } from './module-probe.js'
import { CandidateRequester } from '../http/requester.js'
import { settleVerdict } from './findings.js'
import { probeReason, type ProbeRecord } from '../http/record.js'
import type { CandidateReport, ServedContent, Stage, Verdict } from './types.js'
import { probeFindings, tallyProbes } from './verdict.js'

export interface CandidateProbeOptions {
  http: HttpGet
  clock: Clock
  limit: Limit
  breaker: CandidateBreaker
  modules: ProbeModule[]
  checks: Checks
  timeoutMs: number
  slowMs: number
  retries: number
  /** Ask `/sumdb/<name>/supported`, as the go command does before it reaches the database. */
  sumdbName?: string
}

/** Probes one proxy (http, https or file, at `base`) with every probe module, side by side. */
export async function probeCandidate(
  candidate: Candidate,
  base: string,
  o: CandidateProbeOptions
): Promise<CandidateReport> {
  const requester = new CandidateRequester(o)
  // First contact alone: a dead candidate then holds one request slot, not one per probe, and a
  // breaker an earlier run left open gets exactly one half-open trial.
  const halfOpen = o.breaker.state !== 'closed'
  const first = await requester.runShared(firstContact(base, o.modules[0]))
  if (!first.ok) {
    const reason = `${halfOpen ? 'half-open trial failed: ' : ''}${probeReason(first.record)}`
    return {
      ...verdictOnly(candidate, 'unhealthy', reason, 'contact'),
      probes: [first.record],
      checksTotal: 1,
      retries: requester.retries,
      breaker: o.breaker.state
    }
  }
  const asking = o.sumdbName ? askSumdbSupported(base, o.sumdbName, requester) : undefined
  const results = await Promise.all(o.modules.map(m => probeModule(base, m, o.checks, requester)))
  const sumdb = await asking
  const probes: ProbeRecord[] = [
    ...results.flatMap(r => r.records),
    ...(sumdb ? [sumdb.record] : [])
  ]
  const latest: Record<string, string> = {}
  const served: ServedContent[] = []
  results.forEach((result, i) => {
    if (o.modules[i].version === 'latest' && result.version)
      latest[o.modules[i].path] = result.version
    if (result.served) served.push(result.served)
  })
  const report: CandidateReport = {
    candidate,
    verdict: 'healthy',
    reason: '',
    findings: probeFindings(probes, o),
    ...tallyProbes(probes),
    retries: requester.retries,
    probes,
    latest,
    served,
    breaker: o.breaker.state,
    sumdb: sumdb?.support
  }
  settleVerdict(report)
  return report
}

/** 200: the proxy serves the database; 404/410: it does not (Go then goes direct). */
async function askSumdbSupported(
  base: string,
  name: string,
  requester: CandidateRequester
): Promise<{ record: ProbeRecord; support?: 'supported' | 'unsupported' }> {
  const outcome = await requester.run({
    endpoint: 'supported',
    module: name,
    url: joinUrlPath(base, `sumdb/${name}/supported`),
    maxBytes: TEXT_CAP,
    accept: () => true
  })
  if (outcome.ok) return { record: outcome.record, support: 'supported' }
  if (!outcome.notFound) return { record: outcome.record }
  return { record: { ...outcome.record, ok: true, problem: undefined }, support: 'unsupported' }
}

/**
 * A report with one finding and no probe behind it: a skipped entry, or a verdict reached before
 * any answer (first contact failed, or the breaker is open).
 */
export function verdictOnly(
  candidate: Candidate,
  level: Verdict,
  reason: string,
  stage: Stage = 'contact'
): CandidateReport {
  return {
    candidate,
    verdict: level,
    reason,
    findings: level === 'healthy' ? [] : [{ stage, level, reason }],
    checksPassed: 0,
    checksTotal: 0,
    retries: 0,
    probes: [],
    latest: {},
    served: []
  }
}
