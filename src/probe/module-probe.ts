import type { Checks, ProbeModule } from '../config/plan.js'
import { versionFileUrl } from '../goenv/urlpath.js'
import { checkModuleZip, loadZipReader, type ZipSource } from '../xmod/zip.js'
import { checkGoMod, type VersionList } from './content.js'
import { resolveLatest } from './latest.js'
import { infoRequest, listRequest, modRequest } from './requests.js'
import { ContentError } from '../http/probe-errors.js'
import { namingEncoding } from '../http/judge.js'
import { LocalError, type HttpResponse } from '../http/types.js'
import { messageOf } from '../logger.js'
import type { CandidateRequester, ProbeOutcome, Requests } from '../http/requester.js'
import type { ProbeRecord } from '../http/record.js'
import type { ServedContent } from './types.js'

const ZIP_CAP = 64 << 20
const ZIP_LIMITS = { maxUncompressed: 256 << 20, maxGoModOrLicense: 16 << 20 }

export interface ModuleProbeResult {
  records: ProbeRecord[]
  /** The version probed: the pinned one, or what @latest/the list resolved to. */
  version?: string
  served?: ServedContent
}

/**
 * Probes one module on one candidate as the go command resolves it: a pinned version's .info,
 * .mod and .zip at once; else the list first, then the version it names (@latest only when it
 * tags none, since only then does Go ask). For a pinned module, a list that fails (an
 * allow-listing mirror's 403, a cache-only proxy's 500 with its upstream gone) leaves the builds
 * that pin it working: degraded, not unusable.
 */
export async function probeModule(
  base: string,
  module: ProbeModule,
  checks: Checks,
  requester: CandidateRequester
): Promise<ModuleProbeResult> {
  const list = askList(base, module, requester)
  if (module.version !== 'latest') {
    const [listOutcome, files] = await Promise.all([
      list,
      probeVersion(base, module.path, module.version, checks, requester)
    ])
    if (!listOutcome.ok) listOutcome.record.tolerated = true
    const unlisted = listOutcome.ok
      ? await latestOfEmptyList(
          base,
          module.path,
          listOutcome.value,
          checks,
          requester,
          module.version
        )
      : []
    const records = [listOutcome.record, ...unlisted, ...files.records]
    return { ...files, records, version: module.version }
  }
  const listOutcome = await list
  const probe = (version: string) => probeVersion(base, module.path, version, checks, requester)
  const resolved = listOutcome.ok
    ? await resolveLatest(base, module.path, listOutcome.value, requester, probe)
    : { records: [] }
  // With no version, a failed request among these says why.
  const records = [listOutcome.record, ...resolved.records]
  const files = resolved.probed
  if (!resolved.version || !files) return { records }
  return { ...files, records: [...records, ...files.records], version: resolved.version }
}

/** A module's version list; advisory for a pinned module, whose builds never read it. */
export function askList(
  base: string,
  module: ProbeModule,
  requester: CandidateRequester
): Promise<ProbeOutcome<VersionList>> {
  const asker = module.version === 'latest' ? requester : requester.advisory()
  return asker.runShared(listRequest(base, module))
}

/**
 * A list that tags no version (an empty one, as a proxy cut off from its upstream serves) sends
 * `go get M@latest` to @latest and on, then to the files of the version it resolves; when that
 * fails, so does `go get M@latest` through this entry ("no matching versions" when nothing
 * resolves). The builds that pin the module still work: these requests are advisory (the
 * breaker does not count them), and their failures make the candidate degraded.
 */
async function latestOfEmptyList(
  base: string,
  path: string,
  list: VersionList,
  checks: Checks,
  requester: CandidateRequester,
  pinnedVersion: string
): Promise<ProbeRecord[]> {
  if (list.versions.length > 0) return []
  const advisory = requester.advisory()
  // The pinned version's files are probed already.
  const probe = async (version: string) =>
    version === pinnedVersion ? undefined : probeVersion(base, path, version, checks, advisory)
  const resolved = await resolveLatest(base, path, list, advisory, probe)
  const records = [...resolved.records, ...(resolved.probed?.records ?? [])]
  for (const record of records) if (!record.ok) record.tolerated = true
  return records
}

async function probeVersion(
  base: string,
  path: string,
  version: string,
  checks: Checks,
  requester: Requests
): Promise<{ records: ProbeRecord[]; served: ServedContent }> {
  const module = `${path}@${version}`
  const served: ServedContent = { path, version }
  const probes: Promise<ProbeOutcome<unknown>>[] = [
    requester.runShared(infoRequest(base, path, version))
  ]
  if (checks !== 'quick') {
    const mod = requester.runShared(modRequest(base, path, version))
    probes.push(mod.then(outcome => checkedGoMod(outcome, path, served)))
  }
  if (checks === 'full') {
    probes.push(
      requester.run({
        endpoint: 'zip',
        module,
        url: versionFileUrl(base, path, version, 'zip'),
        maxBytes: ZIP_CAP,
        accept: async res => {
          served.zipHash = await readZipHash(res.body, path, version, requester.signal)
        }
      })
    )
  }
  const outcomes = await Promise.all(probes)
  return { records: outcomes.map(o => o.record), served }
}

/**
 * The .mod's outcome once its module statement is checked (the request may have been made to
 * resolve @latest, which reads it as bytes): on success its content is `served`.
 */
function checkedGoMod(
  outcome: ProbeOutcome<HttpResponse>,
  path: string,
  served: ServedContent
): ProbeOutcome<HttpResponse> {
  if (!outcome.ok) return outcome
  try {
    checkGoMod(outcome.value.body, outcome.value.contentType, path)
    served.goMod = outcome.value.body
  } catch (err) {
    if (!(err instanceof ContentError)) throw err
    outcome.record.ok = false
    outcome.record.problem = namingEncoding(err, outcome.value).message
  }
  return outcome
}

/** The h1: of a module zip that passes x/mod's checks; a ContentError names the first problem. */
export async function readZipHash(
  zip: ZipSource,
  path: string,
  version: string,
  signal: AbortSignal,
  limits = ZIP_LIMITS
): Promise<string> {
  // A reader that cannot be loaded (a partial install of the bundle) is the runner's failure.
  await loadZipReader().catch((err: unknown) => {
    throw new LocalError(`cannot load the zip reader: ${messageOf(err)}`)
  })
  const check = await checkModuleZip(zip, path, version, limits, signal)
  const problem = check.problems[0]
  if (problem) throw new ContentError(`invalid module zip: ${problem.message}`)
  if (!check.h1) throw new ContentError('invalid module zip: could not be read whole')
  return check.h1
}
