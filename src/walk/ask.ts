import { rm } from 'node:fs/promises'
import type { Candidate, Checks, Plan } from '../config/plan.js'
import { planBreaker } from '../resilience/plan-breaker.js'
import type { ProbeRun } from '../probe/engine.js'
import { TOOLCHAIN_MODULE } from '../goenv/gosumdb.js'
import { CandidateRequester } from '../http/requester.js'
import { askQuery, notServed } from './ask-query.js'
import { answerKey, type Answer, type BuildModule, type FileKind } from './types.js'
import { checksumMissing, type RecordedFile } from '../checksum/compare.js'
import type { LookUpRecord } from '../checksum/record-lookup.js'
import { fileRequest } from './file-request.js'
import type { ZipSpool } from './spool.js'

/** Asks a proxy candidate for one file of the build; the same question is asked once a run. */
export type Ask = (candidate: Candidate, module: BuildModule, file: FileKind) => Promise<Answer>

/** What a run's asker is given besides the plan and the network. */
export interface AskerOptions {
  /** A candidate's answers from its cached report, if any. */
  known: (candidate: Candidate) => Record<string, Answer> | undefined
  /** The checksum database's record, for a file no go.sum line hashes. */
  lookUpRecord: LookUpRecord
  /** Where zips downloaded whole (`checks: full`) wait to be hashed. */
  spool: ZipSpool
}

/**
 * The questions of one run, each asked once: a candidate's answers are remembered (and may come
 * from its cached report), so walking the chain again after a candidate is dropped only asks
 * what the new walk needs. A file no go.sum line hashes is checked against the checksum
 * database's record (`lookUpRecord`), as the go command checks it.
 */
export function createAsker(
  plan: Plan,
  run: Pick<ProbeRun, 'http' | 'clock' | 'limit'>,
  { known, lookUpRecord, spool }: AskerOptions
): { ask: Ask; answersOf(candidate: Candidate): Record<string, Answer> } {
  const requesters = new Map<string, CandidateRequester>()
  const answers = new Map<string, Map<string, Promise<Answer>>>()
  const settled = new Map<string, Record<string, Answer>>()
  const requesterFor = (candidate: Candidate & { entry: { url: string } }): CandidateRequester => {
    let requester = requesters.get(candidate.id)
    if (!requester) {
      requester = new CandidateRequester({
        http: run.http,
        clock: run.clock,
        limit: run.limit,
        breaker: planBreaker(plan, run.clock),
        timeoutMs: plan.timeoutMs,
        retries: plan.retries
      })
      requesters.set(candidate.id, requester)
    }
    return requester
  }
  const ask: Ask = (candidate, module, file) => {
    const { entry } = candidate
    if (entry.kind !== 'proxy' && entry.kind !== 'file') throw new Error(`${entry.kind} is asked`)
    const key = answerKey(module, file)
    const own = answers.get(candidate.id) ?? new Map<string, Promise<Answer>>()
    answers.set(candidate.id, own)
    let answer = own.get(key)
    if (!answer) {
      const remembered = known(candidate)?.[key]
      answer = remembered
        ? Promise.resolve(remembered)
        : askFile(entry.url, module, file, plan.checks, {
            requester: requesterFor({ ...candidate, entry }),
            spool
          }).then(asked => checkUnlisted(module, file, asked, lookUpRecord))
      answer = answer.then(a => {
        // Filled in place: copying the record for every answer grew quadratically with the build.
        const record = settled.get(candidate.id) ?? {}
        record[key] = a
        settled.set(candidate.id, record)
        return a
      })
      own.set(key, answer)
    }
    return answer
  }
  return { ask, answersOf: candidate => ({ ...settled.get(candidate.id) }) }
}

/**
 * An answer, and, for a served file that no go.sum line hashes (checkUnlisted's input), that mark
 * and its hash when it was read whole.
 */
type Asked = Answer & { unlisted?: RecordedFile; hash?: string }

async function askFile(
  base: string,
  module: BuildModule,
  file: FileKind,
  checks: Checks,
  { requester, spool }: { requester: CandidateRequester; spool: ZipSpool }
): Promise<Asked> {
  if (file === 'query') return askQuery(base, module, requester)
  const expected = file === 'mod' ? module.modHash : module.zipHash
  // Spool files are made only for a 200 from the network (one an attempt); a file:// proxy's zip
  // is read where it lies.
  const spooled: string[] = []
  const spoolTo =
    file === 'zip' && checks === 'full'
      ? async () => {
          const path = await spool.file()
          spooled.push(path)
          return path
        }
      : undefined
  const request = fileRequest(base, module, file, checks, requester.signal, spoolTo)
  const outcome = await requester
    .run(request)
    .finally(() => Promise.all(spooled.map(f => rm(f, { force: true }).catch(() => undefined))))
  if (!outcome.ok) return notServed(outcome, file)
  const { hash, goMod } = outcome.value
  const served: Answer = goMod ? { kind: 'served', goMod } : { kind: 'served' }
  // An .info has no go.sum line and no record: serving it is all Go asks of it.
  if (file === 'info') return served
  if (expected === undefined) return { ...served, unlisted: file, hash }
  if (hash === undefined || hash === expected) return served
  // A toolchain has no go.sum line: its hashes are the checksum database's.
  const source = module.path === TOOLCHAIN_MODULE ? 'the checksum database' : 'go.sum'
  return { kind: 'contradicts', problem: mismatch(module, file, hash, expected, source) }
}

/**
 * A served file with no go.sum line, checked as the go command checks it: against the checksum
 * database's record, at every level of `checks` (its content only when it was read whole).
 * Content that differs contradicts it; no record, no answer, or a record with no line for the
 * file leaves it unverified, and Go fails the download (modfetch checkSumDB) whichever entry
 * served it. Without a database to ask (GOSUMDB=off, GONOSUMDB) serving it is enough.
 */
async function checkUnlisted(
  module: BuildModule,
  file: FileKind,
  asked: Asked,
  lookUpRecord: LookUpRecord
): Promise<Answer> {
  const { unlisted, hash, ...served } = asked
  if (!unlisted) return served
  const said = await lookUpRecord(module)
  if (!said) return served
  if ('problem' in said) return { kind: 'unverified', problem: said.problem }
  const expected = file === 'mod' ? said.record.modHash : said.record.zipHash
  if (expected === undefined)
    return { kind: 'unverified', problem: checksumMissing(module, unlisted) }
  if (hash === undefined || expected === hash) return served
  const problem = mismatch(module, file, hash, expected, 'the checksum database')
  return { kind: 'contradicts', problem }
}

function mismatch(
  module: BuildModule,
  file: FileKind,
  hash: string,
  expected: string,
  source: string
): string {
  return `${module.path}@${module.version} ${fileName(file)} hashes to ${hash} but ${source} says ${expected}`
}

function fileName(file: FileKind): string {
  return file === 'mod' ? 'go.mod' : 'zip'
}
