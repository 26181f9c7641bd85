import type { Checks, ProbeModule } from '../config/plan.js'
import { escapePath } from '../xmod/module.js'
import { joinUrlPath, pathEscape, versionFileUrl } from '../goenv/urlpath.js'
import { checkModuleZip, loadZipReader, type ZipSource } from '../xmod/zip.js'
import { checkGoMod, parseInfo, parseList, type VersionList } from './content.js'
import { isLegacyGoMod, latestFromList } from './latest.js'
import { ContentError } from '../http/probe-errors.js'
import { LocalError } from '../http/types.js'
import { messageOf } from '../logger.js'
import type { CandidateRequester, ProbeOutcome, ProbeRequest } from '../http/requester.js'
import type { ProbeRecord } from '../http/record.js'
import type { ServedContent } from './types.js'

/** Caps far below Go's 500 MiB: enough for any probe module, small enough for a runner. */
export const TEXT_CAP = 4 << 20
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
 * tags none, since only then does Go ask).
 */
export async function probeModule(
  base: string,
  module: ProbeModule,
  checks: Checks,
  requester: CandidateRequester
): Promise<ModuleProbeResult> {
  const list = requester.runShared(listRequest(base, module))
  if (module.version !== 'latest') {
    const [listOutcome, files] = await Promise.all([
      list,
      probeVersion(base, module.path, module.version, checks, requester)
    ])
    tolerateRefusal(listOutcome.record)
    return { ...files, records: [listOutcome.record, ...files.records], version: module.version }
  }
  const listOutcome = await list
  const resolved = listOutcome.ok
    ? await resolveLatest(base, module.path, listOutcome.value, requester)
    : { records: [] }
  const records = [listOutcome.record, ...resolved.records]
  if (!resolved.version) {
    if (listOutcome.ok && records.every(r => r.ok)) {
      listOutcome.record.ok = false
      listOutcome.record.problem = '@v/list and @latest name no version of this module'
    }
    return { records }
  }
  const files = await probeVersion(base, module.path, resolved.version, checks, requester)
  // The go.mod asked while resolving may be the version's own: one request, one record.
  const all = [...new Set([...records, ...files.records])]
  return { records: all, version: resolved.version, served: files.served }
}

/** `<base>/<escaped module path>/<rest>`, e.g. rest `@v/list` or `@latest`. */
function moduleUrl(base: string, path: string, rest: string): string {
  return joinUrlPath(base, `${pathEscape(escapePath(path))}/${rest}`)
}

/**
 * A candidate's first request, asked alone: what the go command asks first for this module —
 * the .info of a pinned version (`go mod download m@v` never lists), else the version list.
 */
export function firstContact(base: string, module: ProbeModule): ProbeRequest<unknown> {
  if (module.version === 'latest') return listRequest(base, module)
  return infoRequest(base, module.path, module.version)
}

export function listRequest(base: string, module: ProbeModule): ProbeRequest<VersionList> {
  return {
    endpoint: 'list',
    module: `${module.path}@${module.version}`,
    url: moduleUrl(base, module.path, '@v/list'),
    maxBytes: TEXT_CAP,
    accept: res => parseList(res.body)
  }
}

/**
 * For a pinned module, a proxy that refuses to list versions (403, 404, 410: allow-listing
 * mirrors do) still serves the builds that pin it; it is degraded, not unusable.
 */
function tolerateRefusal(record: ProbeRecord): void {
  const status = record.status ?? 0
  if (!record.ok && status >= 400 && status < 500 && status !== 429) record.tolerated = true
}

/**
 * The version `go get M@latest` takes on this candidate, with the requests that decided it: the
 * list's newest (a go.mod may be asked for to rule out +incompatible versions), else @latest's,
 * else, when @latest is missing (404/410), the list's newest line by time.
 */
async function resolveLatest(
  base: string,
  path: string,
  list: VersionList,
  requester: CandidateRequester
): Promise<{ version?: string; records: ProbeRecord[] }> {
  const records: ProbeRecord[] = []
  const hasGoMod = async (version: string): Promise<boolean> => {
    const outcome = await requester.runShared(modRequest(base, path, version))
    records.push(outcome.record)
    if (!outcome.ok) throw outcome
    return !isLegacyGoMod(outcome.value, path)
  }
  try {
    const fromList = await latestFromList(list.versions, hasGoMod)
    if (fromList) return { version: fromList, records }
  } catch {
    return { records }
  }
  const latest = await requester.run({
    endpoint: 'latest',
    module: `${path}@latest`,
    url: moduleUrl(base, path, '@latest'),
    maxBytes: TEXT_CAP,
    accept: res => parseInfo(res.body, res.contentType)
  })
  records.push(latest.record)
  if (latest.ok) return { version: latest.value.Version, records }
  if (!latest.notFound || !list.newestByTime) return { records }
  // A missing @latest is no failure: Go reads the list instead.
  latest.record.ok = true
  latest.record.problem = undefined
  return { version: list.newestByTime, records }
}

async function probeVersion(
  base: string,
  path: string,
  version: string,
  checks: Checks,
  requester: CandidateRequester
): Promise<{ records: ProbeRecord[]; served: ServedContent }> {
  const module = `${path}@${version}`
  const served: ServedContent = { path, version }
  const probes: Promise<ProbeOutcome<unknown>>[] = [
    requester.runShared(infoRequest(base, path, version))
  ]
  if (checks !== 'quick') {
    const mod = requester.runShared(modRequest(base, path, version))
    probes.push(mod.then(o => ((served.goMod = o.ok ? o.value : undefined), o)))
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

/** A go.mod that names `path`: shared, so the one asked to resolve @latest is not asked again. */
function modRequest(base: string, path: string, version: string): ProbeRequest<Buffer> {
  return {
    endpoint: 'mod',
    module: `${path}@${version}`,
    url: versionFileUrl(base, path, version, 'mod'),
    maxBytes: TEXT_CAP,
    accept: res => {
      checkGoMod(res.body, res.contentType, path)
      return res.body
    }
  }
}

function infoRequest(base: string, path: string, version: string): ProbeRequest<unknown> {
  return {
    endpoint: 'info',
    module: `${path}@${version}`,
    url: versionFileUrl(base, path, version, 'info'),
    maxBytes: TEXT_CAP,
    accept: res => parseInfo(res.body, res.contentType, version)
  }
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
