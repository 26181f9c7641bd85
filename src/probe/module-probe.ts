import type { Checks, ProbeModule } from '../config/plan.js'
import { escapePath } from '../xmod/module.js'
import { joinUrlPath, pathEscape, versionFileUrl } from '../goenv/urlpath.js'
import { checkModuleZip, loadZipReader, type ZipSource } from '../xmod/zip.js'
import { checkGoMod, newestFromList, parseInfo, parseList } from './content.js'
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
 * Probes one module on one candidate: list and @latest side by side, and .info, .mod and .zip of
 * the version as soon as it is known (at once when it is pinned, else when the list names one).
 */
export async function probeModule(
  base: string,
  module: ProbeModule,
  checks: Checks,
  requester: CandidateRequester
): Promise<ModuleProbeResult> {
  const name = `${module.path}@${module.version}`
  const list = requester.runShared(listRequest(base, module))
  const latest = requester.run({
    endpoint: 'latest',
    module: name,
    url: moduleUrl(base, module.path, '@latest'),
    maxBytes: TEXT_CAP,
    accept: res => parseInfo(res.body, res.contentType)
  })
  const pinned = module.version === 'latest' ? undefined : module.version
  const resolving = pinned ? Promise.resolve(pinned) : versionToProbe(list, latest)
  const probing = resolving.then(version =>
    version ? probeVersion(base, module.path, version, checks, requester) : undefined
  )
  const [listOutcome, latestOutcome, version, files] = await Promise.all([
    list,
    latest,
    resolving,
    probing
  ] as const)
  const records = [listOutcome.record, latestOutcome.record]
  acceptMissingLatest(listOutcome, latestOutcome)
  if (pinned) records.forEach(tolerateRefusal)
  if (!files) {
    if (listOutcome.ok && latestOutcome.record.ok) {
      listOutcome.record.ok = false
      listOutcome.record.problem = '@v/list and @latest name no version of this module'
    }
    return { records }
  }
  return { records: [...records, ...files.records], version, served: files.served }
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

export function listRequest(base: string, module: ProbeModule): ProbeRequest<string[]> {
  return {
    endpoint: 'list',
    module: `${module.path}@${module.version}`,
    url: moduleUrl(base, module.path, '@v/list'),
    maxBytes: TEXT_CAP,
    accept: res => parseList(res.body, res.contentType)
  }
}

/** @latest is optional in the protocol: on 404/410 the go command reads the list instead. */
function acceptMissingLatest(list: ProbeOutcome<string[]>, latest: ProbeOutcome<unknown>): void {
  if (!latest.ok && latest.notFound && list.ok) {
    latest.record.ok = true
    latest.record.problem = undefined
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
 * The version `go get M@latest` picks: the newest release (else pre-release) of the list, known
 * as soon as the list is; the @latest answer only when the list has none.
 */
async function versionToProbe(
  list: Promise<ProbeOutcome<string[]>>,
  latest: Promise<ProbeOutcome<{ Version: string }>>
): Promise<string | undefined> {
  const listed = await list
  const fromList = listed.ok ? newestFromList(listed.value) : undefined
  if (fromList) return fromList
  const answer = await latest
  return answer.ok ? answer.value.Version : undefined
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
    probes.push(
      requester.run({
        endpoint: 'mod',
        module,
        url: versionFileUrl(base, path, version, 'mod'),
        maxBytes: TEXT_CAP,
        accept: res => {
          checkGoMod(res.body, res.contentType, path)
          served.goMod = res.body
        }
      })
    )
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
