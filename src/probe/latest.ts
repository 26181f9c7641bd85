/**
 * The version `go get M@latest` resolves to on one proxy (modload/query.go queryProxy): from the
 * list, the newest release, else the newest pre-release; @latest only when the list tags none.
 */
import type { ProbeOutcome, Requests } from '../http/requester.js'
import { retractedBy } from '../build/retract.js'
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

/** The requests of one resolution, shared with the probes that follow (runShared). */
class Asker {
  readonly records: ProbeRecord[] = []
  constructor(
    private readonly base: string,
    private readonly path: string,
    private readonly requester: Requests
  ) {}

  /** Whether `version` has a go.mod of its own; throws GoModUnavailable when it cannot be read. */
  readonly hasGoMod = async (version: string): Promise<boolean> => {
    const body = await this.goMod(version)
    if (body === undefined) throw new GoModUnavailable()
    // modfetch.LegacyGoMod: what a proxy serves for a module version without a go.mod.
    return body !== `module ${this.path}\n`
  }

  async goMod(version: string): Promise<string | undefined> {
    const outcome = await this.requester.runShared(modRequest(this.base, this.path, version))
    this.records.push(outcome.record)
    return outcome.ok ? outcome.value.body.toString('latin1') : undefined
  }

  /** The version Go's Stat gives back for `version` (its .info, unless canonical already). */
  async stat(version: string): Promise<string | undefined> {
    if (isCheckedVersion(this.path, version)) return version
    const info = await this.requester.runShared(infoRequest(this.base, this.path, version, false))
    this.records.push(info.record)
    return info.ok ? info.value.Version : undefined
  }

  async latest(): Promise<ProbeOutcome<{ Version: string }>> {
    const latest = await this.requester.run(latestRequest(this.base, this.path))
    this.records.push(latest.record)
    return latest
  }
}

/**
 * The version `go get M@latest` takes on this candidate, with the requests that decided it (the
 * query of modload/query.go with CheckAllowed): the newest of the list, @latest, or the list by
 * time, as latestIgnoringRetractions picks; then, if that version's go.mod retracts it (modload
 * CheckRetractions), the newest version the list holds that it does not retract, else @latest if
 * that is not retracted, else no version ("no matching versions"). `probe` asks for the files of
 * the version taken: those of the first pick go out while its go.mod is read (they share that
 * request), so only a retracted pick costs a round trip, and its files then count for nothing.
 */
export async function resolveLatest<T>(
  base: string,
  path: string,
  list: VersionList,
  requester: Requests,
  probe: (version: string) => Promise<T>
): Promise<{ version?: string; records: ProbeRecord[]; probed?: T }> {
  const ask = new Asker(base, path, requester)
  const done = async (version?: string) => ({
    version,
    records: ask.records,
    probed: version === undefined ? undefined : await probe(version)
  })
  const first = await latestIgnoringRetractions(ask, list)
  if (!first.version) return done()
  const [probed, goMod] = await Promise.all([probe(first.version), ask.goMod(first.version)])
  const retracted = goMod === undefined ? () => false : retractedBy(goMod)
  if (!retracted(first.version)) return { version: first.version, records: ask.records, probed }
  const allowed = list.versions.filter(v => !retracted(v))
  let fromList: string | undefined
  try {
    fromList = await latestFromList(allowed, ask.hasGoMod)
  } catch (err) {
    if (err instanceof GoModUnavailable) return done()
    throw err
  }
  if (fromList) return done(await ask.stat(fromList))
  // Go's repo.Latest: @latest, else (404/410) the list's newest line by time; another error is
  // the query's own.
  const latest = first.latest ?? (await ask.latest())
  if (!latest.ok && !latest.notFound) return done()
  const version = latest.ok ? await ask.stat(latest.value.Version) : list.newestByTime
  if (version && !retracted(version)) {
    latest.record.ok = true
    latest.record.problem = undefined
    return done(version)
  }
  latest.record.ok = false
  latest.record.problem = `no matching versions for query "latest" (the go.mod of ${first.version} retracts every version this proxy offers)`
  return done()
}

/**
 * modload's queryLatestVersionIgnoringRetractions on this candidate: the version, and @latest's
 * answer if it was asked.
 */
async function latestIgnoringRetractions(
  ask: Asker,
  list: VersionList
): Promise<{ version?: string; latest?: ProbeOutcome<{ Version: string }> }> {
  let fromList: string | undefined
  try {
    fromList = await latestFromList(list.versions, ask.hasGoMod)
  } catch (err) {
    if (err instanceof GoModUnavailable) return {}
    throw err
  }
  if (fromList) return { version: await ask.stat(fromList) }
  const latest = await ask.latest()
  if (latest.ok) return { version: await ask.stat(latest.value.Version), latest }
  if (!latest.notFound) return { latest }
  if (!list.newestByTime) {
    latest.record.problem = `no matching versions for query "latest" (${latest.record.problem})`
    return { latest }
  }
  // A missing @latest is no failure: Go reads the list instead.
  latest.record.ok = true
  latest.record.problem = undefined
  return { version: list.newestByTime, latest }
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
