import { maskCredentials } from '../credentials/mask.js'
import type { RunResult } from '../validate.js'
import type { Verdict } from '../probe/types.js'

export const VERDICT_MARK: Record<Verdict, string> = {
  healthy: '✅ healthy',
  degraded: '⚠️ degraded',
  unhealthy: '❌ unhealthy',
  tampered: '🛑 tampered',
  skipped: '➖ skipped'
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/**
 * Whether the build went unresolved for want of any candidate: every one failed its checks (or
 * was dropped), no chain was left, and so no file of the build was asked of anyone.
 */
export function noCandidateLeft(result: Pick<RunResult, 'build' | 'selection'>): boolean {
  const { unresolved } = result.build
  return (
    result.selection.chain.length === 0 &&
    unresolved.length > 0 &&
    unresolved.every(m => m.files.every(f => f.asked.length === 0))
  )
}

/** What the build comes to when no candidate is left (see noCandidateLeft). */
export function noCandidateLeftLine(result: Pick<RunResult, 'build'>): string {
  const count = result.build.unresolved.length
  return `${count} module version${count === 1 ? '' : 's'} of the build: no candidate passed its checks, so none was asked for ${count === 1 ? 'it' : 'them'}`
}

/**
 * Whether the build goes unresolved because GOPROXY is `off` as given (nothing to probe): the go
 * command downloads nothing, so the build must come from the module cache or vendor/, which the
 * action cannot see. A warning, not an error a module: the user chose it.
 */
export function buildOffline(result: Pick<RunResult, 'build' | 'selection'>): boolean {
  return result.selection.outcome === 'nothing-to-probe' && result.build.unresolved.length > 0
}

/** What the build comes to with GOPROXY=off (see buildOffline). */
export function buildOfflineLine(result: Pick<RunResult, 'build'>): string {
  const count = result.build.unresolved.length
  const one = count === 1
  return `GOPROXY=off: the go command downloads none of the build's ${count} module version${one ? '' : 's'}, so ${one ? 'it' : 'they'} must already be in the module cache (or vendor/); not checked`
}

/** One sentence on what was exported and why, for the summary, the log and the CLI. */
export function outcomeSentence(result: RunResult): string {
  const { selection } = result
  const cause = !result.sumdb.ok
    ? `The checksum database check failed (${result.sumdb.reason})`
    : result.build.unresolved.length > 0 && !noCandidateLeft(result)
      ? unresolvedCause(result)
      : 'No candidate passed'
  const first = selection.chain[0]?.candidate.display
  const { shown } = result.exported
  switch (selection.outcome) {
    case 'proxies':
      return `Exported GOPROXY=${shown} — ${first} passed its checks.`
    case 'mirrors':
      return `No proxy of \`proxies\` passed; fell back to mirror ${first}: GOPROXY=${shown}.`
    case 'nothing-to-probe':
      return `Nothing to probe: exported GOPROXY=${shown} as given, unverified.`
    case 'on-failure-direct':
      return `${cause}; exported GOPROXY=direct because on-failure is \`direct\`.`
    case 'on-failure-keep':
      return `${cause}; left the environment as it was because on-failure is \`keep\`.`
    case 'failed':
      return `${cause}; nothing was exported.`
  }
}

/** Why each failed primary was left out, naming what replaced it when mirrors took over. */
export function fallbackLines(result: RunResult): string[] {
  const lines = result.sumdb.mirrorUsed ? [`Checksum database: ${result.sumdb.reason}.`] : []
  if (result.selection.outcome !== 'mirrors' && result.selection.outcome !== 'on-failure-direct')
    return lines
  const replacement = result.selection.chain[0]?.candidate.display ?? 'direct'
  const replaced = result.reports
    .filter(r => r.candidate.role === 'primary' && r.verdict !== 'skipped')
    .map(r => `${r.candidate.display} failed (${r.reason}); replaced by ${replacement}.`)
  return [...replaced, ...lines]
}

/** One line on the checksum database: what was proved, by which route, or why it failed. */
export function sumdbSentence(result: RunResult): string {
  const { sumdb, integrity } = result
  const mark = integrity.status !== 'checked' ? '➖' : sumdb.ok ? '✅' : '❌'
  return `${mark} Checksum database: ${sumdb.reason}. GOSUMDB=${maskCredentials(sumdb.gosumdb)}`
}

/** Why a run whose candidates passed still failed: modules of the build no candidate serves. */
function unresolvedCause(result: RunResult): string {
  const { unresolved } = result.build
  const first = unresolved[0].module
  const more = unresolved.length > 1 ? ` and ${unresolved.length - 1} more` : ''
  return `${unresolved.length} module version${unresolved.length === 1 ? '' : 's'} of the build resolve${unresolved.length === 1 ? 's' : ''} through no usable candidate (${first.path}@${first.version}${more})`
}
