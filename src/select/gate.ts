// The gate `fail-on` sets, read the same way by the action (healthy, step failure) and the CLI
// (exit status). Only the proxy heading the exported chain is judged: it serves every request of
// the build, and the entries after it are reached only when it fails.
import type { FailOn } from '../config/plan.js'
import type { CandidateReport, Verdict } from '../probe/types.js'
import type { Selection } from './chain.js'

/**
 * A proxy that passed heads the exported chain, and passed at the level `fail-on` asks: with
 * `degraded`, a degraded head does not count.
 */
export function headPassed(selection: Selection, failOn: FailOn): boolean {
  return selection.healthy && degradedHead(selection, failOn) === undefined
}

/** The head that fails the run under `fail-on: degraded` only: usable, but degraded. */
export function degradedHead(selection: Selection, failOn: FailOn): CandidateReport | undefined {
  const head = selection.chain[0]
  if (failOn !== 'degraded' || !selection.healthy || head?.verdict !== 'degraded') return undefined
  return head
}

/**
 * Each candidate's verdict by its display (redacted URL, or direct/off), for the `verdicts`
 * output. A URL listed twice (in proxies and in mirrors) is one server: its first entry speaks.
 */
export function verdictsByCandidate(reports: CandidateReport[]): Record<string, Verdict> {
  const verdicts: Record<string, Verdict> = {}
  for (const { candidate, verdict } of reports) {
    if (!Object.hasOwn(verdicts, candidate.display)) verdicts[candidate.display] = verdict
  }
  return verdicts
}

/** Why a run whose head is degraded fails under `fail-on: degraded`. */
export function degradedHeadSentence(head: CandidateReport): string {
  return `${head.candidate.display} heads the exported GOPROXY and is degraded (${head.reason}); fail-on is \`degraded\`, so the run fails.`
}
