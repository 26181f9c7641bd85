/**
 * The version `go get M@latest` resolves to on one proxy (modload/query.go queryProxy): from the
 * list, the newest release, else the newest pre-release; @latest only when the list tags none.
 */
import type { CandidateRequester } from '../http/requester.js'
import type { ProbeRecord } from '../http/record.js'
import { checkVersion } from '../xmod/module.js'
import * as semver from '../xmod/semver.js'
import type { VersionList } from './content.js'
import { infoRequest, latestRequest, modRequest } from './requests.js'

/** The query failed on a go.mod it had to read: its record says why. */
class GoModUnavailable extends Error {}

/**
 * The versions a latest query considers, in ascending order (query.go filterVersions): once a
 * +incompatible version follows a compatible one whose go.mod is real (not the one-line go.mod a
 * proxy makes up for a module without one), the +incompatible versions are left out, and so is
 * everything above them. `hasGoMod` fetches that go.mod.
 */
async function consideredVersions(
  versions: string[],
  hasGoMod: (version: string) => Promise<boolean>
): Promise<string[]> {
  // semver.Sort: by precedence, then as strings (v1.2 before v1.2.0).
  const sorted = [...versions].sort((a, b) => semver.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0))
  const considered: string[] = []
  let lastCompatible: string | undefined
  for (const [index, version] of sorted.entries()) {
    if (!version.endsWith('+incompatible')) lastCompatible = version
    else if (lastCompatible !== undefined) {
      if (await hasGoMod(lastCompatible)) break
      // No go.mod: legacy major-version tags count, from here on.
      return [...considered, ...sorted.slice(index)]
    }
    considered.push(version)
  }
  return considered
}

/** The newest release of the considered versions, else the newest pre-release. */
export async function latestFromList(
  versions: string[],
  hasGoMod: (version: string) => Promise<boolean>
): Promise<string | undefined> {
  const considered = await consideredVersions(versions, hasGoMod)
  const releases = considered.filter(v => !semver.prerelease(v))
  return releases.at(-1) ?? considered.at(-1)
}

/**
 * The version `go get M@latest` takes on this candidate, with the requests that decided it: the
 * list's newest (a go.mod may be read to rule out +incompatible versions), else @latest's, else,
 * when @latest is missing (404/410), the list's newest line by time. A version that is not
 * canonical (`v1.2`) is what its .info says it is, as Go's Stat reads it.
 */
export async function resolveLatest(
  base: string,
  path: string,
  list: VersionList,
  requester: CandidateRequester
): Promise<{ version?: string; records: ProbeRecord[] }> {
  const records: ProbeRecord[] = []
  const hasGoMod = async (version: string): Promise<boolean> => {
    const outcome = await requester.runShared(modRequest(base, path, version))
    records.push(outcome.record)
    if (!outcome.ok) throw new GoModUnavailable()
    // modfetch.LegacyGoMod: what a proxy serves for a module version without a go.mod.
    return outcome.value.body.toString('latin1') !== `module ${path}\n`
  }
  const stat = async (version: string): Promise<string | undefined> => {
    if (isCheckedVersion(path, version)) return version
    const info = await requester.runShared(infoRequest(base, path, version, false))
    records.push(info.record)
    return info.ok ? info.value.Version : undefined
  }
  let fromList: string | undefined
  try {
    fromList = await latestFromList(list.versions, hasGoMod)
  } catch (err) {
    if (err instanceof GoModUnavailable) return { records }
    throw err
  }
  if (fromList) return { version: await stat(fromList), records }
  const latest = await requester.run(latestRequest(base, path))
  records.push(latest.record)
  if (latest.ok) return { version: await stat(latest.value.Version), records }
  if (!latest.notFound) return { records }
  if (!list.newestByTime) {
    latest.record.problem = `no matching versions for query "latest" (${latest.record.problem})`
    return { records }
  }
  // A missing @latest is no failure: Go reads the list instead.
  latest.record.ok = true
  latest.record.problem = undefined
  return { version: list.newestByTime, records }
}

/** Whether Go's Stat wants this very version back: canonical, and valid for the path. */
function isCheckedVersion(path: string, version: string): boolean {
  try {
    checkVersion(path, version)
    return true
  } catch {
    return false
  }
}
