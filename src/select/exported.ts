// What a run exports and how each face shows it, worked out once: the faces only format these.
import type { FailOn } from '../config/plan.js'
import type { CandidateReport } from '../probe/types.js'
import type { Selection } from './chain.js'
import { headPassed } from './gate.js'

export interface Exported {
  /** The GOPROXY to export, credentials included (the go command needs them); none when failed. */
  goproxy?: string
  /** The same chain as shown to people: each entry redacted, with its separator. */
  shown?: string
  /** The entry heading the chain (`direct` when on-failure exported it); none when nothing is. */
  selected?: string
  /** A proxy that passed heads the chain at the level `fail-on` asks (see headPassed). */
  healthy: boolean
  /** A mirror took the place of a proxy, or a sumdb mirror that of the database's own route. */
  fallbackUsed: boolean
  /**
   * Every probed candidate's verdict came from the cache and the run sent no request (a build
   * file or toolchain still asked, or a lookup, makes it a miss).
   */
  cacheHit: boolean
}

export function exportedOf(
  selection: Selection,
  reports: CandidateReport[],
  failOn: FailOn,
  run: { sumdbMirrorUsed: boolean; requested: boolean }
): Exported {
  const { goproxy, chain } = selection
  const probed = reports.filter(r => r.verdict !== 'skipped' || r.cached)
  return {
    goproxy,
    shown: goproxy === undefined ? undefined : displayChain(chain) || goproxy,
    selected: chain[0]?.candidate.display ?? (goproxy === 'direct' ? 'direct' : undefined),
    healthy: headPassed(selection, failOn),
    fallbackUsed: selection.fallbackUsed || run.sumdbMirrorUsed,
    cacheHit: !run.requested && probed.length > 0 && probed.every(r => r.cached)
  }
}

/** A chain as GOPROXY spells it, each entry by its display (redacted URL, or direct/off). */
export function displayChain(chain: CandidateReport[]): string {
  return chain
    .map(
      (r, i) =>
        r.candidate.display +
        (i < chain.length - 1 ? (r.candidate.entry.fallBackOnError ? '|' : ',') : '')
    )
    .join('')
}
