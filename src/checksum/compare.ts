import { recordFinding } from '../probe/findings.js'
import { isUsable, type CandidateReport, type Finding } from '../probe/types.js'
import { hashGoMod } from '../xmod/sumdb/dirhash.js'
import type { DbRecord, ModuleVersion } from './route-proof.js'

/** A file of a module version the go command checks against the database's record. */
export type RecordedFile = 'mod' | 'zip'

/**
 * Judges what usable candidates served of each probe module against the signed records, as
 * `go mod download M@V` with no go.sum line does (modfetch checkModSum → checkSumDB): the .mod
 * first, then the zip. A hash that differs is a `tampered` finding naming both hashes; a record
 * with no line for a file is an `unhealthy` one in Go's words, at every level of `checks` (the
 * go command downloads the zip even when the run does not): Go refuses the version from any proxy.
 */
export function compareServed(reports: CandidateReport[], records: DbRecord[]): void {
  const byVersion = new Map(records.map(r => [`${r.path}@${r.version}`, r]))
  for (const report of reports) {
    if (!isUsable(report.verdict)) continue
    for (const served of report.served) {
      const record = byVersion.get(`${served.path}@${served.version}`)
      if (!record) continue
      const problem =
        judgeFile(record, 'mod', served.goMod && hashGoMod(served.goMod)) ??
        judgeFile(record, 'zip', served.zipHash)
      // Each comparison with the database is a check of its own in the report's count.
      report.checksTotal++
      if (!problem) {
        report.checksPassed++
        continue
      }
      const reason = `${problem.reason}, served by ${report.candidate.display}`
      recordFinding(report, { stage: 'sumdb', level: problem.level, reason })
      break
    }
  }
}

function judgeFile(
  record: DbRecord,
  file: RecordedFile,
  served: string | undefined
): Pick<Finding, 'level' | 'reason'> | undefined {
  const recorded = file === 'mod' ? record.modHash : record.zipHash
  if (recorded === undefined) return { level: 'unhealthy', reason: checksumMissing(record, file) }
  if (!served || served === recorded) return undefined
  const what = file === 'mod' ? 'go.mod' : 'zip'
  const reason = `${record.path}@${record.version}: ${what} hashes to ${served} but the checksum database says ${recorded}`
  return { level: 'tampered', reason }
}

/**
 * The go command's error (modfetch checkSumDB) for a file it checks against the database whose
 * signed record has no line for it, and why: it fails the download whichever proxy serves it.
 */
export function checksumMissing(v: ModuleVersion, file: RecordedFile): string {
  const noun = file === 'mod' ? 'go.mod' : 'module'
  const line = `${v.path} ${v.version}${file === 'mod' ? '/go.mod' : ''} h1:`
  return (
    `${v.path}@${v.version}: verifying ${noun}: checksum missing from sumdb response ` +
    `(SECURITY ERROR: the checksum database's signed record has no "${line}" line, so the go ` +
    'command refuses the download from any proxy)'
  )
}
