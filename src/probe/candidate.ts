import type { Limit } from '../resilience/limiter.js'
import type { Clock } from '../clock.js'
import type { Candidate, Checks, ProbeModule } from '../config/plan.js'
import { webJoin } from '../goenv/urlpath.js'
import type { HttpGet } from '../http/types.js'
import type { CandidateBreaker } from '../resilience/breaker.js'
import { askList, probeModule, type ModuleProbeResult } from './module-probe.js'
import { firstContact, TEXT_CAP } from './requests.js'
import { CandidateRequester } from '../http/requester.js'
import { settleVerdict } from './findings.js'
import { probeReason, type ProbeRecord } from '../http/record.js'
import type { CandidateReport, ServedContent, Stage, SumdbSupport, Verdict } from './types.js'
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
  /** `sumdb-mirrors` are given: exported as GOSUMDB with a URL, one takes Go past any /sumdb/. */
  sumdbMirrored?: boolean
}

/** Probes one proxy (http, https or file, at `base`) with every probe module, side by side. */
export async function probeCandidate(
  candidate: Candidate,
  base: string,
  o: CandidateProbeOptions
): Promise<CandidateReport> {
  const requester = new CandidateRequester(o)
  // A breaker an earlier run left open gets exactly one half-open trial: the contact, alone.
  const halfOpen = o.breaker.state !== 'closed'
  // A contact unanswered for half the slow threshold is slow at best: what rides beside it may
  // then give its slot to a request that is due (see contact()).
  const first = requester.contact(firstContact(base, o.modules[0]), o.slowMs / 2)
  if (halfOpen) await first
  // Every probe starts now: what needs no answer rides beside the first contact (see contact()),
  // the lists first, as they name the versions whose files are asked next.
  for (const m of o.modules) void askList(base, m, requester)
  const asking = o.sumdbName
    ? askSumdbSupported(base, o.sumdbName, requester, {
        passable: candidate.entry.fallBackOnError || o.sumdbMirrored === true
      })
    : undefined
  const probing = Promise.all(o.modules.map(m => probeModule(base, m, o.checks, requester)))
  const contact = await first
  if (!contact.ok) {
    const reason = `${halfOpen ? 'half-open trial failed: ' : ''}${probeReason(contact.record)}`
    // Judged on the contact alone: which riders were sent, and how far they got, is timing.
    const probes = [contact.record, ...(await ridersSent(probing, asking, contact.record))]
    return {
      ...verdictOnly(candidate, 'unhealthy', reason, 'contact'),
      ...tallyProbes([contact.record]),
      probes,
      retries: requester.retries,
      breaker: o.breaker.state
    }
  }
  const [results, sumdb] = await Promise.all([probing, asking])
  // A request two modules share (the same list, .info or .mod) is one request, one record.
  const probes: ProbeRecord[] = [
    ...new Set([...results.flatMap(r => r.records), ...(sumdb ? [sumdb.record] : [])])
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

/** The requests that rode beside a failed first contact and reached the candidate. */
async function ridersSent(
  probing: Promise<ModuleProbeResult[]>,
  asking: Promise<{ record: ProbeRecord }> | undefined,
  contact: ProbeRecord
): Promise<ProbeRecord[]> {
  const [results, sumdb] = await Promise.all([probing, asking])
  const records = new Set([...results.flatMap(r => r.records), ...(sumdb ? [sumdb.record] : [])])
  return [...records].filter(r => r !== contact && (r.attempts > 0 || r.gaveWay))
}

/**
 * 200: the proxy serves the database; 404/410: it does not (Go asks the next entry, or goes
 * direct). Another error fails the candidate, unless something may take Go past it (`passable`:
 * `|` after it, Go then asks the next entry; or a sumdb mirror): the error is then tolerated (a
 * degraded finding), and the chain decides (routeBreaker). A timeout never is: Go would hang.
 */
async function askSumdbSupported(
  base: string,
  name: string,
  requester: CandidateRequester,
  { passable }: { passable: boolean }
): Promise<{ record: ProbeRecord; support?: SumdbSupport }> {
  const outcome = await requester.run({
    endpoint: 'supported',
    module: name,
    url: webJoin(base, `sumdb/${name}/supported`),
    maxBytes: TEXT_CAP,
    accept: () => true,
    // When Go can get past its failure, that failure must not cut the candidate's files.
    advisory: passable
  })
  if (outcome.ok) return { record: outcome.record, support: 'supported' }
  const { record } = outcome
  if (!outcome.notFound) {
    // Sent, and failed in a way Go moves on from (a timeout it would wait out; a breaker cut
    // means the candidate failed elsewhere).
    const movesOn = record.attempts > 0 && !record.timedOut && !record.breakerOpen
    if (!passable || !movesOn) return { record }
    return { record: { ...record, tolerated: true }, support: 'failed' }
  }
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
