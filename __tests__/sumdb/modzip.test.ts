import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GO_ZIP_LIMITS, checkModuleZip, type ZipLimits } from '../../src/xmod/zip.js'
import { describeWithGo } from '../world/go.js'
import {
  goModDownload,
  makeGoScratch,
  writeProxyTree,
  type GoScratch
} from '../world/goproxy-dir.js'
import { standardModules } from '../world/modules.js'
import { PREFIX, check, file, moduleWithDirectories, moduleWithEntries } from './modzip-fixture.js'
import { deflatedZeros, rawZip } from './rawzip.js'

const MiB = 1 << 20

describe('checkModuleZip on good zips', () => {
  it('passes the standard modules, with the h1 and go.mod they were built with', async () => {
    for (const mod of await standardModules()) {
      const result = await checkModuleZip(mod.zip, mod.path, mod.version, GO_ZIP_LIMITS)
      expect(result).toMatchObject({ ok: true, problems: [], h1: mod.zipHash, goMod: mod.goMod })
    }
  })

  it('counts file entries and inflated bytes', async () => {
    const entries = [file('go.mod', 'module example.com/m\n'), file('a.go', 'package a\n')]
    const result = await check(rawZip(entries))
    expect(result).toMatchObject({ ok: true, files: 2, uncompressedBytes: 31 })
    expect(result.goMod?.toString()).toBe('module example.com/m\n')
  })

  it('hashes directory entries as empty files, under their names ending in "/"', async () => {
    const mod = await moduleWithDirectories()
    const result = await checkModuleZip(mod.zip, mod.path, mod.version, GO_ZIP_LIMITS)
    expect(result).toMatchObject({ ok: true, files: 2, h1: mod.zipHash })
  })

  it('accepts the bare "<module>@<version>/" entry and has no go.mod when there is none', async () => {
    const result = await check(rawZip([{ name: PREFIX }, file('a.go')]))
    expect(result).toMatchObject({ ok: true, problems: [], files: 1, goMod: undefined })
  })

  it('treats dotless i as a letter of its own, as Go does', async () => {
    expect((await check(rawZip([file('i.go'), file('\u0131.go')]))).ok).toBe(true)
  })
})

describeWithGo('checkModuleZip agrees with the go command', () => {
  let scratch: GoScratch
  beforeAll(async () => (scratch = await makeGoScratch()))
  afterAll(() => scratch?.remove())

  it('computes the Sum that `go mod download` records, directory entries included', async () => {
    const mods = [...(await standardModules()), await moduleWithDirectories()]
    await writeProxyTree(scratch.proxyDir, mods)
    const reports = await goModDownload(scratch, mods)
    const ours = await Promise.all(
      mods.map(m => checkModuleZip(m.zip, m.path, m.version, GO_ZIP_LIMITS))
    )
    expect(reports.map(r => r.Sum)).toEqual(mods.map(m => m.zipHash))
    expect(ours.map(r => r.h1)).toEqual(mods.map(m => m.zipHash))
  })
  it('refuses the zips the go command refuses, for the same reason', async () => {
    const goMod = { name: 'go.mod', data: 'module example.com/x\n' }
    const bad = await Promise.all([
      moduleWithEntries('example.com/nested', [goMod, { name: 'sub/go.mod' }]),
      moduleWithEntries('example.com/cased', [goMod, { name: 'README' }, { name: 'readme' }]),
      moduleWithEntries('example.com/stray', [
        goMod,
        { name: 'other.com/x@v1.0.0/a.go', absolute: true }
      ])
    ])
    await writeProxyTree(scratch.proxyDir, bad)
    const [nested, cased, stray] = await goModDownload(scratch, bad)
    const ours = await Promise.all(
      bad.map(m => checkModuleZip(m.zip, m.path, m.version, GO_ZIP_LIMITS))
    )
    // Go hashes the zip before it checks the names, so it reports a Sum even for a zip it refuses.
    for (const [go, our] of [
      [nested, ours[0]],
      [cased, ours[1]]
    ] as const) {
      expect(go.Error).toBe(`unzip ${go.Zip}: ${our.problems[0].message}`)
      expect(our.h1).toBe(go.Sum)
    }
    expect(ours.map(r => r.problems.map(p => p.code))).toEqual([
      ['gomod-not-at-root'],
      ['case-collision'],
      ['bad-prefix']
    ])
    expect(stray.Error).toBe(
      'zip for example.com/stray@v1.0.0 has unexpected file other.com/x@v1.0.0/a.go'
    )
  })
})

describe('checkModuleZip limits', () => {
  const oneMiB: ZipLimits = { maxUncompressed: MiB, maxGoModOrLicense: 1024 }

  it('refuses honest headers over the total without inflating anything', async () => {
    const zeros = await deflatedZeros(50 * MiB)
    const zip = rawZip([
      { name: `${PREFIX}big`, compressed: zeros.compressed, crc: zeros.crc, declaredSize: 50 * MiB }
    ])
    const result = await check(zip, oneMiB)
    expect(result).toMatchObject({ ok: false, uncompressedBytes: 0, h1: undefined })
    expect(result.problems).toEqual([
      {
        code: 'too-large',
        message: 'total uncompressed size of module contents too large (max size is 1048576 bytes)'
      }
    ])
  })

  it('stops a zip bomb whose header lies at the declared size, far below 50 MiB', async () => {
    const zeros = await deflatedZeros(50 * MiB)
    const zip = rawZip([
      { name: `${PREFIX}bomb`, compressed: zeros.compressed, crc: zeros.crc, declaredSize: 100_000 }
    ])
    const result = await check(zip, oneMiB)
    expect(result.problems).toEqual([
      {
        code: 'bad-zip',
        file: `${PREFIX}bomb`,
        message: expect.stringMatching(
          /^example\.com\/m@v1\.0\.0\/bomb: too many bytes in the stream\. expected 100000\./
        )
      }
    ])
    expect(result.uncompressedBytes).toBeLessThanOrEqual(100_000)
    expect(result.h1).toBeUndefined()
  })

  it.each(['go.mod', 'LICENSE'])('refuses a root %s over its own limit', async rel => {
    const result = await check(rawZip([file(rel, 'x'.repeat(2048))]), oneMiB)
    expect(result.problems).toEqual([
      {
        code: 'too-large',
        file: PREFIX + rel,
        message: `${PREFIX}${rel}: ${rel} file too large (max size is 1024 bytes)`
      }
    ])
    expect(result.goMod).toBeUndefined()
  })

  it('refuses more entries than allowed, and a zip file bigger than allowed', async () => {
    const zip = rawZip([file('a'), file('b'), file('c')])
    expect((await check(zip, { ...oneMiB, maxEntries: 2 })).problems).toEqual([
      { code: 'too-many-entries', message: 'zip has 3 entries (limit is 2)' }
    ])
    expect((await check(zip, { ...oneMiB, maxZipBytes: 100 })).problems).toEqual([
      {
        code: 'too-large',
        message: `module zip file is too large (${zip.length} bytes; limit is 100 bytes)`
      }
    ])
  })

  it('has the limits of x/mod zip', () => {
    expect(GO_ZIP_LIMITS).toEqual({
      maxUncompressed: 524288000,
      maxGoModOrLicense: 16777216,
      maxZipBytes: 524288000
    })
  })
})

describe('checkModuleZip on broken zips', () => {
  const notAZip =
    'not a valid zip file: End of central directory record signature not found. Either not a zip file, or file is truncated.'

  it.each([
    ['garbage', Buffer.from('<html><body>Not Found</body></html>')],
    ['an empty buffer', Buffer.alloc(0)]
  ])('reports %s as bad-zip', async (_label, bytes) => {
    expect(await check(bytes)).toEqual({
      ok: false,
      problems: [{ code: 'bad-zip', message: notAZip }],
      files: 0,
      uncompressedBytes: 0,
      h1: undefined,
      goMod: undefined
    })
  })

  it('reports a truncated zip as bad-zip', async () => {
    const zip = rawZip([file('a.go'), file('b.go')])
    expect((await check(zip.subarray(0, zip.length - 30))).problems).toEqual([
      { code: 'bad-zip', message: notAZip }
    ])
  })

  it('reports a damaged central directory as bad-zip', async () => {
    const zip = Buffer.from(rawZip([file('a.go')]))
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    zip[central + 3] = 0x09
    expect((await check(zip)).problems).toEqual([
      {
        code: 'bad-zip',
        message: 'not a valid zip file: invalid central directory file header signature: 0x9014b50'
      }
    ])
  })

  it('reports content that does not match its CRC-32', async () => {
    const result = await check(rawZip([{ ...file('a.go'), crc: 12345 }]))
    expect(result.problems).toEqual([
      { code: 'bad-zip', file: `${PREFIX}a.go`, message: `${PREFIX}a.go: zip: checksum error` }
    ])
    expect(result.h1).toBeUndefined()
  })

  it('reports data that does not inflate', async () => {
    const result = await check(
      rawZip([
        { name: `${PREFIX}a.go`, compressed: Buffer.from([0xff, 0xff, 0xff]), declaredSize: 3 }
      ])
    )
    expect(result.problems).toEqual([
      {
        code: 'bad-zip',
        file: `${PREFIX}a.go`,
        message: `${PREFIX}a.go: invalid block type`
      }
    ])
  })

  it('reports a directory entry that carries data', async () => {
    const result = await check(rawZip([file('d/', 'x')]))
    expect(result.problems).toEqual([
      {
        code: 'bad-zip',
        file: `${PREFIX}d/`,
        message: `${PREFIX}d/: directory entry has 1 bytes of data`
      }
    ])
  })
})

describe('checkModuleZip and its abort signal', () => {
  it('rejects with the reason when the signal was aborted before the call', async () => {
    const reason = new Error('cancelled before')
    await expect(
      check(rawZip([file('a.go')]), GO_ZIP_LIMITS, AbortSignal.abort(reason))
    ).rejects.toBe(reason)
  })

  it('rejects with the reason when the signal aborts while the zip is read', async () => {
    const zeros = await deflatedZeros(20 * MiB)
    const zip = rawZip([
      { name: `${PREFIX}big`, compressed: zeros.compressed, crc: zeros.crc, declaredSize: 20 * MiB }
    ])
    const controller = new AbortController()
    const reason = new Error('cancelled while reading')
    const pending = check(zip, GO_ZIP_LIMITS, controller.signal)
    setImmediate(() => controller.abort(reason))
    await expect(pending).rejects.toBe(reason)
  })
})
