import { recordFinding } from '../probe/findings.js'
import { isUsable, type CandidateReport } from '../probe/types.js'
import { hashGoMod } from '../xmod/sumdb/dirhash.js'
import type { DbRecord } from './route-proof.js'

/**
 * Records a `tampered` finding on every usable candidate whose served .mod or .zip hashes differ
 * from the signed record, naming the module version, both hashes and the candidate.
 */
export function compareServed(reports: CandidateReport[], records: DbRecord[]): void {
  const byVersion = new Map(records.map(r => [`${r.path}@${r.version}`, r]))
  for (const report of reports) {
    if (!isUsable(report.verdict)) continue
    for (const served of report.served) {
      const record = byVersion.get(`${served.path}@${served.version}`)
      if (!record) continue
      const mismatch =
        findMismatch(served.goMod && hashGoMod(served.goMod), record.modHash, 'go.mod') ??
        findMismatch(served.zipHash, record.zipHash, 'zip')
      // Each comparison with the database is a check of its own in the report's count.
      report.checksTotal++
      if (!mismatch) {
        report.checksPassed++
        continue
      }
      const reason = `${served.path}@${served.version}: ${mismatch}, served by ${report.candidate.display}`
      recordFinding(report, { stage: 'sumdb', level: 'tampered', reason })
      break
    }
  }
}

function findMismatch(
  served: string | undefined,
  recorded: string | undefined,
  what: string
): string | undefined {
  if (!served || !recorded || served === recorded) return undefined
  return `${what} hashes to ${served} but the checksum database says ${recorded}`
}
