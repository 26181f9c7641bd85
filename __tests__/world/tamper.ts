// Tampered module content for the test world: the same path@version with a zip or go.mod that is
// not the one the checksum database recorded, as a compromised proxy (or cache) would serve it.
import yauzl from 'yauzl'
import { hash1, hashGoMod } from '../../src/xmod/sumdb/dirhash.js'
import { zipEntries, type ModuleVersion } from './modules.js'
import { indexModules, type Served } from './protocol.js'

export type TamperTarget = 'zip' | 'mod'

async function readEntries(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zipfile = await yauzl.fromBufferPromise(zip, { lazyEntries: true })
  const entries: { name: string; data: Buffer }[] = []
  try {
    for await (const entry of zipfile.eachEntry()) {
      const chunks: Buffer[] = []
      for await (const chunk of await zipfile.openReadStreamPromise(entry)) {
        chunks.push(chunk as Buffer)
      }
      entries.push({ name: entry.fileName, data: Buffer.concat(chunks) })
    }
  } finally {
    zipfile.close()
  }
  return entries
}

// One byte of one file changed; go.mod is left alone unless it is the only file.
function tamperOneFile(entries: { name: string; data: Buffer }[]): void {
  const victim =
    entries.find(e => !e.name.endsWith('/go.mod') && e.data.length > 0) ??
    entries.find(e => e.data.length > 0)
  if (!victim) throw new Error('tamper: the zip has no file with content to change')
  victim.data = Buffer.from(victim.data)
  victim.data[0] ^= 0x01
}

/**
 * The same path@version with different content: `zip` changes one byte of one file in the zip
 * (still a valid zip), `mod` adds a require line to the .mod file (the zip is unchanged). The
 * hash field of what changed (`zipHash` or `modHash`) is the hash of the tampered content.
 */
export async function tamperedCopy(m: ModuleVersion, what: TamperTarget): Promise<ModuleVersion> {
  if (what === 'mod') {
    const goMod = Buffer.concat([m.goMod, Buffer.from('\nrequire example.com/tampered v1.0.0\n')])
    return { ...m, goMod, modHash: hashGoMod(goMod) }
  }
  const entries = await readEntries(m.zip)
  tamperOneFile(entries)
  return {
    ...m,
    zip: await zipEntries(entries, new Date(m.time)),
    zipHash: hash1(entries)
  }
}

/** What a `tampered` persona serves (persona.tamperedServed): every module tampered the same way. */
export async function tamperedServed(
  modules: readonly ModuleVersion[],
  what: TamperTarget
): Promise<Served> {
  return indexModules(await Promise.all(modules.map(m => tamperedCopy(m, what))))
}
