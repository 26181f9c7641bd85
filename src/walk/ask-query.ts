// One proxy asked what resolves a go.mod version query (see goenv/version-query.ts), as the go
// command asks it.
import type { CandidateRequester, ProbeOutcome, ProbeRequest } from '../http/requester.js'
import { probeReason } from '../http/record.js'
import type { RevInfo } from '../probe/content.js'
import { infoRequest, latestRequest, listRequest } from '../probe/requests.js'
import { pickFromList, queryMatch, revisionsOf } from '../goenv/version-query.js'
import type { Answer, BuildModule, FileKind } from './types.js'

/** A failed request's answer: missing (404/410), else failed, and whether Go stops there. */
export function notServed(
  outcome: Extract<ProbeOutcome<unknown>, { ok: false }>,
  file: FileKind
): Answer {
  const problem = probeReason(outcome.record)
  if (outcome.notFound) return { kind: 'missing', problem }
  // Go moves on across `|` only from an error of the fetch itself (a status, a broken
  // connection). It waits without a deadline on a proxy that does not answer, and checks a zip
  // only once fetched (modfetch downloadZip), so either stops the go command there.
  const stopsGo = outcome.record.timedOut === true || (outcome.badContent && file === 'zip')
  return { kind: 'failed', problem, ...(stopsGo && { stopsGo }) }
}

/**
 * A query asked of one proxy: served, with the version it resolves to, when the proxy's list (or
 * @latest) gives one whose .info it serves, or it serves the revision's .info.
 */
export async function askQuery(
  base: string,
  module: BuildModule,
  requester: CandidateRequester
): Promise<Answer> {
  const { path, version: query } = module
  const match = queryMatch(query)
  // Refused queries fail the build's reading first (build/read.ts): no proxy is blamed for one.
  if (match.kind === 'refused') throw new Error(`refused query ${query} is asked`)
  if (match.kind === 'revision') return askRevision(base, path, query, requester)
  const list = await requester.run(listRequest(base, { path, version: query, text: query }))
  if (!list.ok) return notServed(list, 'query')
  const picked = pickFromList(list.value.versions, match)
  if (picked !== undefined) return resolvedBy(requester, infoRequest(base, path, picked))
  if (match.latest && list.value.versions.length === 0) {
    return askLatest(base, path, list.value.newestByTime, requester)
  }
  return noMatch(query)
}

/** Not a not-found: Go stops at it even before a `,` (queryProxy's NoMatchingVersionError). */
function noMatch(query: string): Answer {
  return { kind: 'failed', problem: `no matching versions for query "${query}"` }
}

/**
 * `latest` of a module that lists no release: the proxy's @latest, else (when it has none) the
 * newest pseudo-version its list names (proxyRepo.Latest), else no match.
 */
async function askLatest(
  base: string,
  path: string,
  newestListed: string | undefined,
  requester: CandidateRequester
): Promise<Answer> {
  const latest = await resolvedBy(requester, latestRequest(base, path))
  if (latest.kind !== 'missing') return latest
  if (newestListed) return resolvedBy(requester, infoRequest(base, path, newestListed))
  return noMatch('latest')
}

/** A revision: its .info as written, then (for `v1.2.3+meta`) under its canonical form. */
async function askRevision(
  base: string,
  path: string,
  query: string,
  requester: CandidateRequester
): Promise<Answer> {
  let answer: Answer = noMatch(query)
  for (const revision of revisionsOf(query)) {
    // A revision no version may spell (`feature/x`) fails the build's reading first.
    answer = await resolvedBy(requester, infoRequest(base, path, revision, false))
    if (answer.kind === 'served') return answer
  }
  return answer
}

async function resolvedBy(
  requester: CandidateRequester,
  request: ProbeRequest<RevInfo>
): Promise<Answer> {
  const info = await requester.run(request)
  return info.ok ? { kind: 'served', resolved: info.value.Version } : notServed(info, 'query')
}
