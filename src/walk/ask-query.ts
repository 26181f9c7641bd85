// One proxy asked what resolves a go.mod version query (see query.ts), as the go command asks it.
import type { CandidateRequester, ProbeOutcome, ProbeRequest } from '../http/requester.js'
import { probeReason } from '../http/record.js'
import type { RevInfo } from '../probe/content.js'
import { infoRequest, latestRequest, listRequest } from '../probe/requests.js'
import { pickFromList, queryMatch, revisionsOf } from './query.js'
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
  if (match.kind === 'refused') return { kind: 'failed', problem: match.problem }
  if (match.kind === 'revision') return askRevision(base, path, query, requester)
  const list = await requester.run(listRequest(base, { path, version: query, text: query }))
  if (!list.ok) return notServed(list, 'query')
  const picked = pickFromList(list.value.versions, match)
  if (picked !== undefined) return resolvedBy(requester, infoRequest(base, path, picked))
  // `latest` of a module that lists no version: the proxy's @latest (queryProxy's Latest).
  if (match.latest && list.value.versions.length === 0) {
    return resolvedBy(requester, latestRequest(base, path))
  }
  return { kind: 'failed', problem: `no matching versions for query "${query}"` }
}

/** A revision: its .info as written, then (for `v1.2.3+meta`) under its canonical form. */
async function askRevision(
  base: string,
  path: string,
  query: string,
  requester: CandidateRequester
): Promise<Answer> {
  let answer: Answer = { kind: 'failed', problem: `invalid version: ${query}` }
  for (const revision of revisionsOf(query)) {
    let request: ProbeRequest<RevInfo>
    try {
      request = infoRequest(base, path, revision, false)
    } catch (err) {
      // A revision no version may spell (`feature/x`): Go fails to escape it too.
      return { kind: 'failed', problem: `invalid version: ${(err as Error).message}` }
    }
    answer = await resolvedBy(requester, request)
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
