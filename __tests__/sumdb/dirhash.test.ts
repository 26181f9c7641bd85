import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DirHashError,
  Hash1Builder,
  hash1,
  hashGoMod,
  sha256Hex
} from '../../src/xmod/sumdb/dirhash.js'
import { describeWithGo } from '../world/go.js'
import {
  goModDownload,
  makeGoScratch,
  writeProxyTree,
  type GoScratch
} from '../world/goproxy-dir.js'
import { buildModule, goSumLines, standardModules, type ModuleVersion } from '../world/modules.js'

describe('hashGoMod', () => {
  it('hashes an empty go.mod to the documented value', () => {
    expect(hashGoMod(Buffer.alloc(0))).toBe('h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=')
  })

  it('matches the go.sum line of rsc.io/quote v1.5.2/go.mod', () => {
    const gomod = 'module "rsc.io/quote"\n\nrequire "rsc.io/sampler" v1.3.0\n'
    expect(hashGoMod(Buffer.from(gomod))).toBe('h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=')
  })
})

describe('hash1', () => {
  it('is independent of the order the files are given in', () => {
    const a = { name: 'm@v1.0.0/a.go', data: Buffer.from('package a\n') }
    const b = { name: 'm@v1.0.0/b/b.go', data: Buffer.from('package b\n') }
    expect(hash1([a, b])).toBe(hash1([b, a]))
    expect(hash1([a, b])).not.toBe(hash1([a]))
  })

  it('sorts names by UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FF21 sorts after U+1F600 in UTF-16 (0xFF21 > 0xD83D) but before it in UTF-8 (EF < F0).
    const wide = { name: 'x/\uFF21', data: Buffer.from('1') }
    const emoji = { name: 'x/\u{1F600}', data: Buffer.from('2') }
    const builder = new Hash1Builder()
    builder.add(wide.name, sha256Hex(wide.data))
    builder.add(emoji.name, sha256Hex(emoji.data))
    expect(hash1([emoji, wide])).toBe(builder.digest())
    const swapped = new Hash1Builder()
    swapped.add(emoji.name, sha256Hex(wide.data))
    swapped.add(wide.name, sha256Hex(emoji.data))
    expect(swapped.digest()).not.toBe(builder.digest())
  })

  it('refuses a name containing a newline, as Go does', () => {
    const files = [{ name: 'a\nb', data: Buffer.alloc(0) }]
    expect(() => hash1(files)).toThrow(DirHashError)
    expect(() => hash1(files)).toThrow(
      'dirhash: filenames with newlines are not supported: "a\\nb"'
    )
  })

  it('refuses a digest that is not lower-case hex SHA-256', () => {
    const builder = new Hash1Builder()
    expect(() => builder.add('f', 'ABC')).toThrow('dirhash: not a lower-case hex SHA-256: "ABC"')
  })
})

describe('goSumLines', () => {
  it('writes the zip hash line, then the go.mod hash line', async () => {
    const mod = await buildModule('example.com/a', 'v1.2.3', { 'a.go': 'package a\n' })
    expect(goSumLines([mod])).toBe(
      `example.com/a v1.2.3 ${mod.zipHash}\nexample.com/a v1.2.3/go.mod ${mod.modHash}\n`
    )
  })

  it('builds the same bytes on every run', async () => {
    const [first, second] = await Promise.all([standardModules(), standardModules()])
    expect(first.map(m => m.zip.toString('base64'))).toEqual(
      second.map(m => m.zip.toString('base64'))
    )
  })
})

describeWithGo('hashes agree with the go command', () => {
  let scratch: GoScratch
  let mods: ModuleVersion[]

  beforeAll(async () => {
    scratch = await makeGoScratch()
    mods = await standardModules()
    await writeProxyTree(scratch.proxyDir, mods)
  })
  afterAll(() => scratch?.remove())

  it('gives the Sum and GoModSum of `go mod download -json` for every standard module', async () => {
    const reports = await goModDownload(scratch, mods)
    const got = reports.map(r => ({
      mod: `${r.Path}@${r.Version}`,
      error: r.Error,
      sum: r.Sum,
      goModSum: r.GoModSum
    }))
    const want = mods.map(m => ({
      mod: `${m.path}@${m.version}`,
      error: undefined,
      sum: m.zipHash,
      goModSum: m.modHash
    }))
    expect(got).toEqual(want)
  })
})
