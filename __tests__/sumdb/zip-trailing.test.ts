/**
 * Bytes after a module zip's end of central directory record: Go's archive/zip takes the last
 * record in the file's final 65 KiB whose comment fits and ignores what follows it, so the go
 * command accepts such a zip and hashes it as the plain one. A comment that claims more bytes
 * than the file has left, or a record too far from the end, is no zip for Go.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GO_ZIP_LIMITS, checkModuleZip, type ZipSource } from '../../src/xmod/zip.js'
import { describeWithGo } from '../world/go.js'
import {
  goModDownload,
  makeGoScratch,
  writeProxyTree,
  type GoScratch
} from '../world/goproxy-dir.js'
import { buildModule, type ModuleVersion } from '../world/modules.js'

/** The most bytes Go lets follow a zip without a comment: its 65 KiB search less the record. */
const MOST_TRAILING = 65 * 1024 - 22

/** `count` bytes of junk that hold no end record signature ("PK\x05\x06"). */
function junk(count: number): Buffer {
  return Buffer.alloc(count, 'GARBAGE-AFTER-EOCD;')
}

/** `zip` (its end record last, with no comment) given `comment`, declared `declared` bytes long. */
function withComment(zip: Buffer, comment: Buffer, declared = comment.length): Buffer {
  const out = Buffer.concat([zip, comment])
  out.writeUInt16LE(declared, zip.length - 2)
  return out
}

function moduleNamed(name: string): Promise<ModuleVersion> {
  return buildModule(`example.com/${name}`, 'v1.0.0', { 'a.go': 'package a\n' })
}

function check(mod: ModuleVersion, zip: ZipSource) {
  return checkModuleZip(zip, mod.path, mod.version, GO_ZIP_LIMITS)
}

describe('a module zip with bytes after its end record', () => {
  let mod: ModuleVersion
  let dir: string
  /** The check of `zip` from a file on disk (as a build's zip is read). */
  let checkFile: (zip: Buffer) => ReturnType<typeof check>

  beforeAll(async () => {
    mod = await moduleNamed('trailing')
    dir = await mkdtemp(join(tmpdir(), 'vgp-zip-trailing-'))
    let files = 0
    checkFile = async zip => {
      const file = join(dir, `${files++}.zip`)
      await writeFile(file, zip)
      return check(mod, { file })
    }
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it.each([1, 200, 5000, MOST_TRAILING])(
    'hashes the zip + %i bytes as the plain zip, from a buffer and from a file',
    async count => {
      const zip = Buffer.concat([mod.zip, junk(count)])
      const expected = { ok: true, problems: [], files: 2, h1: mod.zipHash, goMod: mod.goMod }
      expect(await check(mod, zip)).toMatchObject(expected)
      expect(await checkFile(zip)).toMatchObject(expected)
    }
  )

  it('ignores the bytes after a comment too', async () => {
    const zip = Buffer.concat([withComment(mod.zip, Buffer.from('a comment')), junk(300)])
    expect(await check(mod, zip)).toMatchObject({ ok: true, h1: mod.zipHash })
    expect(await checkFile(zip)).toMatchObject({ ok: true, h1: mod.zipHash })
  })

  it('finds no zip when the record is farther from the end than Go looks', async () => {
    const zip = Buffer.concat([mod.zip, junk(MOST_TRAILING + 1)])
    const problems = [
      {
        code: 'bad-zip',
        message:
          'not a valid zip file: End of central directory record signature not found. Either not a zip file, or file is truncated.'
      }
    ]
    expect(await check(mod, zip)).toMatchObject({ ok: false, problems, h1: undefined })
    expect(await checkFile(zip)).toMatchObject({ ok: false, problems, h1: undefined })
  })

  it('refuses a comment that claims more bytes than the file has left', async () => {
    const zip = withComment(mod.zip, Buffer.from('short'), 10)
    const at = mod.zip.length - 22
    const problems = [
      {
        code: 'bad-zip',
        message: `not a valid zip file: invalid comment length: the end of central directory record at offset ${at} declares a 10-byte comment, but only 5 bytes follow it`
      }
    ]
    expect(await check(mod, zip)).toMatchObject({ ok: false, problems, h1: undefined })
    expect(await checkFile(zip)).toMatchObject({ ok: false, problems, h1: undefined })
  })
})

describeWithGo('the go command on zips with bytes after their end record', () => {
  let scratch: GoScratch
  beforeAll(async () => (scratch = await makeGoScratch()))
  afterAll(() => scratch?.remove())

  it('accepts and refuses the same zips we do, with the same hash', async () => {
    const shapes: [string, (zip: Buffer) => Buffer][] = [
      ['trailing-few', zip => Buffer.concat([zip, junk(200)])],
      ['trailing-most', zip => Buffer.concat([zip, junk(MOST_TRAILING)])],
      ['trailing-too-many', zip => Buffer.concat([zip, junk(MOST_TRAILING + 1)])],
      ['comment-too-long', zip => withComment(zip, Buffer.from('short'), 10)]
    ]
    const mods = await Promise.all(
      shapes.map(async ([name, shape]) => {
        const mod = await moduleNamed(name)
        return { ...mod, zip: shape(mod.zip) }
      })
    )
    await writeProxyTree(scratch.proxyDir, mods)
    const reports = await goModDownload(scratch, mods)
    const ours = await Promise.all(mods.map(mod => check(mod, mod.zip)))
    const go = reports.map(r => ({ accepted: r.Error === undefined, sum: r.Sum }))
    expect(go).toEqual([
      { accepted: true, sum: mods[0].zipHash },
      { accepted: true, sum: mods[1].zipHash },
      { accepted: false, sum: undefined },
      { accepted: false, sum: undefined }
    ])
    expect(reports[2].Error).toMatch(/zip: not a valid zip file/)
    expect(reports[3].Error).toMatch(/zip: not a valid zip file/)
    expect(ours.map(r => ({ accepted: r.ok, sum: r.h1 }))).toEqual(go)
  }, 180_000)
})
