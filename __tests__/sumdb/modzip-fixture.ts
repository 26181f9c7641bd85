// The module the zip checks run against, and zips of it built entry by entry.
import { hash1 } from '../../src/xmod/sumdb/dirhash.js'
import { checkModuleZip, GO_ZIP_LIMITS, type ZipLimits } from '../../src/xmod/zip.js'
import { buildModule, type ModuleVersion } from '../world/modules.js'
import { rawZip, type RawEntry } from './rawzip.js'

export const PATH = 'example.com/m'
export const VERSION = 'v1.0.0'
export const PREFIX = `${PATH}@${VERSION}/`

/** checkModuleZip for the module PATH@VERSION. */
export function check(zip: Buffer, limits: ZipLimits = GO_ZIP_LIMITS, signal?: AbortSignal) {
  return checkModuleZip(zip, PATH, VERSION, limits, signal)
}

/** An entry of PATH@VERSION, by its name inside the module. */
export function file(
  rel: string,
  data = `content of ${rel}\n`
): RawEntry & { name: string; data: Buffer } {
  return { name: PREFIX + rel, data: Buffer.from(data) }
}

/** A module whose zip has a directory entry, which the go command never writes but accepts. */
export async function moduleWithDirectories(): Promise<ModuleVersion> {
  const mod = await buildModule('example.com/dirs', 'v1.0.0', { 'sub/a.go': 'package sub\n' })
  const prefix = 'example.com/dirs@v1.0.0/'
  const entries = [
    { name: `${prefix}go.mod`, data: mod.goMod },
    { name: `${prefix}sub/`, data: Buffer.alloc(0) },
    { name: `${prefix}sub/a.go`, data: Buffer.from('package sub\n') }
  ]
  return { ...mod, zip: rawZip(entries), zipHash: hash1(entries) }
}

/** A module whose zip holds exactly `entries` (names relative to `<path>@<version>/`, or absolute). */
export async function moduleWithEntries(
  path: string,
  entries: readonly { name: string; data?: string; absolute?: boolean }[]
): Promise<ModuleVersion> {
  const mod = await buildModule(path, 'v1.0.0', {})
  const prefix = `${path}@v1.0.0/`
  const raw = entries.map(e => ({
    name: e.absolute ? e.name : prefix + e.name,
    data: Buffer.from(e.data ?? `content of ${e.name}\n`)
  }))
  return { ...mod, zip: rawZip(raw), zipHash: hash1(raw) }
}
