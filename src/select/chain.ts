import type { OnFailure, Role, Strategy } from '../config/plan.js'
import { formatProxyList, isProxyEntry } from '../goenv/proxylist.js'
import { isUsable, type CandidateReport } from '../probe/types.js'

export type Outcome =
  /** A proxy of `proxies` passed: the chain is the user's list minus what failed. */
  | 'proxies'
  /** No proxy of `proxies` passed, a mirror did: the chain is the usable mirrors. */
  | 'mirrors'
  /** `proxies` holds no proxy to probe (only direct/off, or every module is private). */
  | 'nothing-to-probe'
  | 'on-failure-direct'
  | 'on-failure-keep'
  | 'failed'

export interface Selection {
  outcome: Outcome
  /** The GOPROXY to export; undefined when nothing is exported (failed, keep). */
  goproxy?: string
  /** The reports of the exported entries, in export order. */
  chain: CandidateReport[]
  fallbackUsed: boolean
  /** A proxy that passed its checks heads the exported chain. */
  healthy: boolean
}

/**
 * Chooses the GOPROXY to export. Only entries that passed are kept, with the user's separators;
 * `direct` and `off` stay where the user put them but never count as a proxy that passed. Mirrors
 * are exported only when no proxy of `proxies` passed.
 */
export function selectChain(
  reports: CandidateReport[],
  strategy: Strategy,
  onFailure: OnFailure
): Selection {
  for (const role of ['primary', 'mirror'] as Role[]) {
    const chain = usableChain(reports, role, strategy)
    if (chain.some(r => isUsable(r.verdict))) {
      const outcome = role === 'primary' ? 'proxies' : 'mirrors'
      return {
        outcome,
        goproxy: format(chain),
        chain,
        fallbackUsed: role === 'mirror',
        healthy: true
      }
    }
  }
  const primaries = reports.filter(r => r.candidate.role === 'primary')
  if (primaries.every(r => r.verdict === 'skipped')) {
    return {
      outcome: 'nothing-to-probe',
      goproxy: format(primaries),
      chain: primaries,
      fallbackUsed: false,
      healthy: false
    }
  }
  return failureSelection(onFailure)
}

/** What `on-failure` asks for when nothing usable was found. */
export function failureSelection(onFailure: OnFailure): Selection {
  if (onFailure === 'direct') {
    return {
      outcome: 'on-failure-direct',
      goproxy: 'direct',
      chain: [],
      fallbackUsed: true,
      healthy: false
    }
  }
  const outcome = onFailure === 'keep' ? 'on-failure-keep' : 'failed'
  return { outcome, chain: [], fallbackUsed: false, healthy: false }
}

function usableChain(
  reports: CandidateReport[],
  role: Role,
  strategy: Strategy
): CandidateReport[] {
  const kept = keepWithSeparators(reports.filter(r => r.candidate.role === role))
  return strategy === 'fastest' ? fastestFirst(kept) : kept
}

/**
 * `strategy: fastest`: the usable proxies by measured latency, never letting Go fall from one to
 * another on any error where the user's list did not: entries the user joined with `|` form a
 * group that moves as one (placed by its fastest member, ordered inside by latency), and `,`
 * stays between groups. The user's direct or off stays last, in its group.
 */
function fastestFirst(kept: CandidateReport[]): CandidateReport[] {
  const groups: CandidateReport[][] = []
  kept.forEach((report, i) => {
    const joined = i > 0 && kept[i - 1].candidate.entry.fallBackOnError
    if (joined) groups[groups.length - 1].push(report)
    else groups.push([report])
  })
  // An end has no latency: it sorts after every proxy, and its group after every other group.
  const latency = (r: CandidateReport): number =>
    isProxyEntry(r.candidate.entry) ? (r.latencyMs ?? Number.MAX_VALUE) : Infinity
  const ranked = groups.map(group => group.sort((a, b) => latency(a) - latency(b)))
  const worst = (group: CandidateReport[]): number => latency(group[group.length - 1])
  ranked.sort(
    (a, b) =>
      Number(worst(a) === Infinity) - Number(worst(b) === Infinity) || latency(a[0]) - latency(b[0])
  )
  return ranked.flatMap(group => group.map((r, i) => withSeparator(r, i < group.length - 1)))
}

/**
 * The usable entries and the user's direct/off, each with the separator that keeps Go's walk no
 * more permissive than the user's list: dropping X from `A|X,B` gives `A,B` — the user let Go
 * reach B after X only on 404/410, so A may not fall through to B on any error either.
 */
function keepWithSeparators(own: CandidateReport[]): CandidateReport[] {
  const kept: CandidateReport[] = []
  for (const report of own) {
    const { entry } = report.candidate
    const previous = kept.at(-1)
    if (previous && !entry.fallBackOnError && !staysInChain(report)) {
      kept[kept.length - 1] = withSeparator(previous, false)
    }
    if (staysInChain(report)) kept.push(report)
  }
  return kept
}

/** Whether an entry stays in the chain: it passed, or it is the user's own direct/off. */
function staysInChain(report: CandidateReport): boolean {
  return isUsable(report.verdict) || !isProxyEntry(report.candidate.entry)
}

function withSeparator(report: CandidateReport, fallBackOnError: boolean): CandidateReport {
  if (report.candidate.entry.fallBackOnError === fallBackOnError) return report
  const entry = { ...report.candidate.entry, fallBackOnError }
  return { ...report, candidate: { ...report.candidate, entry } }
}

function format(chain: CandidateReport[]): string {
  return formatProxyList(chain.map(r => r.candidate.entry))
}
