import type { RunResult } from '../validate.js'
import { buildMarkdown, reasonWithBuild } from './build.js'
import {
  fallbackLines,
  formatMs,
  outcomeSentence,
  sumdbSentence,
  VERDICT_MARK
} from './sentences.js'

/** The job summary as Markdown: one table row a candidate, then what was exported and why. */
export function summaryMarkdown(result: RunResult, profile?: string): string {
  const lines = ['## validate-goproxy', '']
  if (profile) lines.push(`Profile: \`${profile}\``, '')
  lines.push(
    '| candidate | verdict | latency | checks | reason |',
    '| --- | --- | --- | --- | --- |',
    ...result.reports.map(r => {
      const cached = r.cached ? ` (cached, ${formatMs(r.cached.ageMs)} old)` : ''
      const checks = r.checksTotal ? `${r.checksPassed}/${r.checksTotal}` : '—'
      return `| ${cell(`${r.candidate.id} ${r.candidate.display}`)} | ${VERDICT_MARK[r.verdict]}${cached} | ${formatMs(r.latencyMs)} | ${checks} | ${cell(reasonWithBuild(result, r))} |`
    }),
    '',
    outcomeSentence(result)
  )
  for (const line of fallbackLines(result)) lines.push('', `> ${line}`)
  for (const skipped of result.skippedModules)
    lines.push('', `Skipped probe module \`${skipped.module}\`: ${skipped.reason}.`)
  const build = buildMarkdown(result)
  if (build.length > 0) lines.push('', ...build)
  lines.push('', sumdbSentence(result), '', `Took ${formatMs(result.durationMs)}.`)
  return lines.join('\n') + '\n'
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
