import type { Plan } from '../config/plan.js'
import { notPrivate, type IntegrityCheck } from './integrity.js'
import { checkRoute, type DbRecord, type ModuleVersion } from './route-proof.js'

/**
 * What the checksum database says of one module version: its proved record, or why there is none
 * (the database has no record of it, or could not be asked); the go command fails in both cases.
 */
export type RecordAnswer = { record: DbRecord } | { problem: string }

/**
 * The database's record of a module version, for a file the build fetches with no go.sum line to
 * hash it to (Go checks it against the database instead: modfetch checkModSum → checkSumDB).
 * undefined: Go would not ask the database (GOSUMDB=off, a GONOSUMDB module), the run does not
 * verify content (`checks: quick`), or no route to the database passed.
 */
export type LookUpRecord = (version: ModuleVersion) => Promise<RecordAnswer | undefined>

/**
 * Looks versions up, each at most once a run, on the route that gave checkIntegrity its truth
 * (its records and unknowns answer without a request), once that check is done.
 */
export function recordLookup(plan: Plan, integrity: Promise<IntegrityCheck>): LookUpRecord {
  const asked = new Map<string, Promise<RecordAnswer | undefined>>()
  return version => {
    if (notPrivate(plan, [version]).length === 0) return Promise.resolve(undefined)
    const key = `${version.path}@${version.version}`
    let answer = asked.get(key)
    if (!answer) {
      answer = integrity.then(check => lookUpOn(check, version))
      asked.set(key, answer)
    }
    return answer
  }
}

async function lookUpOn(
  check: IntegrityCheck,
  v: ModuleVersion
): Promise<RecordAnswer | undefined> {
  const { checker, trusted } = check
  if (check.status !== 'checked' || !checker || !trusted) return undefined
  const same = (w: ModuleVersion) => w.path === v.path && w.version === v.version
  const known = check.records.find(same)
  if (known) return { record: known }
  const name = `${v.path}@${v.version}`
  const noRecord = `the checksum database has no record of ${name} (the go command refuses it; if it is private, add it to GONOSUMDB or GOPRIVATE)`
  if (check.unknown.some(same)) return { problem: noRecord }
  const { sessions } = checker
  const verdict = await checkRoute(
    trusted.base,
    [v],
    sessions.verifier,
    sessions.requester(trusted)
  )
  if (verdict.records[0]) return { record: verdict.records[0] }
  if (verdict.unknown.length > 0) return { problem: noRecord }
  return {
    problem: `the checksum database could not be asked about ${name} on ${trusted.label}: ${verdict.problem ?? 'unknown error'}`
  }
}
