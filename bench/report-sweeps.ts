/** The comparison tables of RESULTS.md: the mixed-fault sweep of every checker. Pure. */
import { count, mib, seconds, spreadText, table } from './format.js'
import { MIXED } from './personas.js'
import type { CandidateRow, SweepSummary } from './summary.js'

function budget(s: SweepSummary): string {
  if (s.id === 'A') return 'timeout: 3 per request, all side by side'
  return s.budgetMs ? `killed at ${seconds(s.budgetMs)} per candidate` : '—'
}

export function describeComparison(sweeps: SweepSummary[], timeoutMs: number): string {
  const a = sweeps.find(s => s.id === 'A')
  const rows = sweeps.map(s => [
    `**${s.id}** ${s.title}`,
    budget(s),
    spreadText(s.wallMs, seconds),
    spreadText(s.requests, count),
    spreadText(s.maxRssMiB, mib),
    `${spreadText(s.right, count)} / ${s.total}`,
    a && s !== a ? (a.wallMs.median / s.wallMs.median).toFixed(2) : '',
    a && s !== a ? `${(s.wallMs.median / a.wallMs.median).toFixed(1)}×` : ''
  ])
  const header = [
    'checker',
    'limit',
    'wall time (one after another for B, C)',
    'requests the world received',
    'peak RSS (largest process)',
    'right verdicts',
    'A / this (time)',
    'A is faster by'
  ]
  const note = `A's timeout is ${seconds(timeoutMs)}. B and C run one candidate after another; a sweep's time is the sum of its candidates' own wall times, a killed run counting as its limit.`
  return `${table(header, rows)}\n\n${note}`
}

function cell(c: CandidateRow | undefined): string {
  if (!c) return '—'
  if (c.usable === 'varies') return '⚠️ varies'
  const mark = c.usable === c.truth ? '✓' : '✗'
  const word = c.usable ? 'usable' : 'not usable'
  const last = c.lastRequestMs.n > 0 ? `, last req at ${seconds(c.lastRequestMs.median)}` : ''
  const time = c.ms.n > 0 ? ` ${seconds(c.ms.median)}` : last
  return `${mark} ${word}${time}, ${count(c.requests.median)} req`
}

export function describeVerdicts(sweeps: SweepSummary[]): string {
  const header = ['candidate', 'truth', ...sweeps.map(s => s.id)]
  const rows = MIXED.map(spec => [
    `${spec.name} — ${spec.why}`,
    spec.usable ? 'usable' : 'not usable',
    ...sweeps.map(s => cell(s.candidates.find(c => c.name === spec.name)))
  ])
  const a = sweeps.find(s => s.id === 'A')
  const reasons = a
    ? `\n\nA's verdicts in its own words (first run):\n\n${a.candidates.map(c => `- **${c.name}**: ${c.said}`).join('\n')}`
    : ''
  const wrong = sweeps
    .filter(s => s.id !== 'A')
    .flatMap(s =>
      s.candidates
        .filter(c => c.usable !== c.truth)
        .map(c => `- ${s.id} on **${c.name}**: ${c.said || '(no message)'}`)
    )
  const misses =
    wrong.length > 0
      ? `\n\nWhat B and C said where they were wrong (first run):\n\n${wrong.join('\n')}`
      : ''
  return `✓ right, ✗ wrong; time = the candidate's own wall time (B, C), or when its persona's last request arrived, from the spawn (A); req = requests its persona received.\n\n${table(header, rows)}${reasons}${misses}`
}
