/**
 * The version `go get M@latest` resolves to on one proxy (modload/query.go queryProxy): from the
 * list, the newest release, else the newest pre-release; @latest only when the list tags none.
 */
import * as semver from '../xmod/semver.js'

/**
 * The versions a latest query considers, in ascending order (query.go filterVersions): once a
 * +incompatible version follows a compatible one whose go.mod is real (not the one-line go.mod a
 * proxy makes up for a module without one), the +incompatible versions are left out, and so is
 * everything above them. `hasGoMod` fetches that go.mod; it throws when the fetch fails, and so
 * does the query.
 */
async function consideredVersions(
  versions: string[],
  hasGoMod: (version: string) => Promise<boolean>
): Promise<string[]> {
  const sorted = [...versions].sort(semver.compare)
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

/** The go.mod a proxy serves for a module version that has none (modfetch.LegacyGoMod). */
export function isLegacyGoMod(goMod: Buffer, path: string): boolean {
  return goMod.toString('latin1') === `module ${path}\n`
}
