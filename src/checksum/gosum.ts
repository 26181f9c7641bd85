import { readFile } from 'node:fs/promises'
import { Inputs } from '../constants.js'
import { InputError } from '../config/errors.js'
import type { Plan } from '../config/plan.js'
import { matchPrefixPatterns } from '../goenv/patterns.js'
import { versionFileUrl } from '../goenv/urlpath.js'
import { netrcCredentialsFor } from '../probe/credentials.js'
import { TEXT_CAP, ZIP_CAP, readZipHash } from '../probe/module-probe.js'
import { CandidateRequester } from '../probe/requester.js'
import { isUsable, type CandidateReport } from '../probe/types.js'
import { planBreaker } from '../probe/breaker.js'
import { hashGoMod } from '../sumdb/dirhash.js'
import type { DbRecord } from './route-check.js'
import type { IntegrityDeps } from './route-checker.js'

/**
 * Reads the `go-sum` files into one record per module version (its go.mod and zip hashes), before
 * any request: an unreadable file or a malformed line is a bad input.
 */
export async function readGoSums(files: string[]): Promise<DbRecord[]> {
  const records = new Map<string, DbRecord>()
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(err => {
      const reason = `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`
      throw new InputError(Inputs.GoSum, file, reason)
    })
    for (const [n, line] of text.split('\n').entries()) {
      const fields = line.trim().split(/\s+/)
      if (fields.length === 1 && fields[0] === '') continue
      const [path, version, hash] = fields
      if (fields.length !== 3 || !hash.startsWith('h1:'))
        throw new InputError(Inputs.GoSum, file, `has a malformed go.sum line ${n + 1}`)
      const isMod = version.endsWith('/go.mod')
      const bare = isMod ? version.slice(0, -'/go.mod'.length) : version
      const record = records.get(`${path}@${bare}`) ?? { path, version: bare }
      records.set(
        `${path}@${bare}`,
        isMod ? { ...record, modHash: hash } : { ...record, zipHash: hash }
      )
    }
  }
  return [...records.values()]
}

/**
 * Checks each freshly probed usable candidate against go.sum: every listed version it serves must
 * hash, .mod (and with `checks: full` .zip), to its line. Catches wrong content for a module the
 * public database never saw — one in GONOSUMDB that is still fetched through the proxy (GONOPROXY
 * modules never are, so they are skipped). A version the proxy does not have (404/410) is left to
 * the next proxy, as the go command does.
 */
export async function checkGoSums(
  plan: Plan,
  reports: CandidateReport[],
  goSums: DbRecord[],
  deps: IntegrityDeps
): Promise<void> {
  const records = goSums.filter(r => !matchPrefixPatterns(plan.patterns.gonoproxy, r.path))
  if (records.length === 0) return
  const fresh = reports.filter(r => isUsable(r.verdict) && !r.cached)
  await Promise.all(fresh.map(report => checkCandidate(plan, report, records, deps)))
}

async function checkCandidate(
  plan: Plan,
  report: CandidateReport,
  records: DbRecord[],
  deps: IntegrityDeps
): Promise<void> {
  const { entry } = report.candidate
  if (entry.kind !== 'proxy' && entry.kind !== 'file') return
  const requester = new CandidateRequester({
    ...deps,
    breaker: planBreaker(plan),
    timeoutMs: plan.timeoutMs,
    retries: plan.retries,
    credentials: netrcCredentialsFor(entry.url, deps.netrc)
  })
  const problems = await Promise.all(
    records.map(r => checkVersion(entry.url, r, plan.checks === 'full', requester))
  )
  const problem = problems.find(p => p !== undefined)
  report.goSum = { checked: records.length, mismatches: problems.filter(Boolean).length }
  // The checksum-database stage runs alongside and may already have judged this candidate.
  if (!problem || (!problem.tampered && !isUsable(report.verdict))) return
  report.verdict = problem.tampered ? 'tampered' : 'unhealthy'
  report.reason = `go.sum: ${problem.text}, served by ${report.candidate.display}`
}

async function checkVersion(
  base: string,
  record: DbRecord,
  withZip: boolean,
  requester: CandidateRequester
): Promise<{ text: string; tampered: boolean } | undefined> {
  const name = `${record.path}@${record.version}`
  const wanted: [string | undefined, 'mod' | 'zip'][] = [
    [record.modHash, 'mod'],
    [withZip ? record.zipHash : undefined, 'zip']
  ]
  for (const [hash, ext] of wanted) {
    if (!hash) continue
    const outcome = await requester.run({
      endpoint: ext,
      module: name,
      url: versionFileUrl(base, record.path, record.version, ext),
      maxBytes: ext === 'mod' ? TEXT_CAP : ZIP_CAP,
      accept: res =>
        ext === 'mod'
          ? hashGoMod(res.body)
          : readZipHash(res.body, record.path, record.version, requester.signal)
    })
    if (!outcome.ok && outcome.notFound) return undefined
    if (!outcome.ok) return { text: `${name}.${ext}: ${outcome.record.problem}`, tampered: false }
    if (outcome.value !== hash) {
      return {
        text: `${name} ${ext === 'mod' ? 'go.mod' : 'zip'} hashes to ${outcome.value} but go.sum says ${hash}`,
        tampered: true
      }
    }
  }
  return undefined
}
