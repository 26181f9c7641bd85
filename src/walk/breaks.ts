import { recordFinding, settleVerdict } from '../probe/findings.js'
import type { CandidateReport } from '../probe/types.js'
import { placeOf, type FileWalk } from './types.js'

/**
 * Records a `build` finding on each candidate that breaks the walk: `tampered` for content that
 * contradicts go.sum, `unhealthy` for a file it cannot serve while the walk would stop at it. Per
 * candidate the first of each kind in go.sum order, so the reason does not depend on which
 * answer came first. Returns whether any candidate is now out of the chain.
 */
export function recordBreaks(walks: FileWalk[], reports: CandidateReport[]): boolean {
  const byId = new Map(reports.map(r => [r.candidate.id, r]))
  const recorded = new Set<string>()
  for (const walk of walks) {
    const at = walk.breaksAt
    const report = at && byId.get(at.id)
    const answer = walk.asked.at(-1)?.answer
    if (!at || !report || !answer) continue
    const level = answer.kind === 'contradicts' ? 'tampered' : 'unhealthy'
    if (recorded.has(`${at.id} ${level}`)) continue
    recorded.add(`${at.id} ${level}`)
    const where = placeOf(walk)
    const listed = walk.file === 'zip' ? walk.module.zipAt : walk.module.modAt
    const reason =
      level === 'tampered'
        ? `${listed ? 'go.sum: ' : ''}${answer.problem} (${where}), served by ${at.display}`
        : `cannot serve the build's ${walk.module.path}@${walk.module.version} .${walk.file} (${where}): ${answer.problem}`
    recordFinding(report, { stage: 'build', level, reason })
  }
  const touched = [...recorded].map(key => byId.get(key.split(' ')[0]))
  touched.forEach(report => report && settleVerdict(report))
  return touched.length > 0
}
