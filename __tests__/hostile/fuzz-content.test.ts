/**
 * Property tests over what a hostile proxy or database can send: any bytes as a list, an .info,
 * a go.mod, a module zip, a tree note or a verifier key. Each parser either accepts (and what it
 * returns holds its promise) or fails with its own error type; the zip check never throws.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as semver from '../../src/xmod/semver.js'
import { checkGoMod, parseInfo, parseList } from '../../src/probe/content.js'
import { ContentError } from '../../src/http/probe-errors.js'
import { SumdbError } from '../../src/xmod/sumdb/errors.js'
import { checkModuleZip, type ZipLimits } from '../../src/xmod/zip.js'
import { parseTreeNote, parseVerifierKey } from '../../src/xmod/sumdb/note.js'
import { buildModule, type ModuleVersion } from '../world/modules.js'

const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map(b => Buffer.from(b))
const contentType = fc.constantFrom(
  '',
  'text/plain; charset=utf-8',
  'application/json',
  'text/html'
)

/** Calls `parse`; anything thrown must be an instance of `kind`. */
function onlyThrows<T>(
  kind: abstract new (...args: never[]) => Error,
  parse: () => T
): T | undefined {
  try {
    return parse()
  } catch (err) {
    expect(err).toBeInstanceOf(kind)
    return undefined
  }
}

describe('proxy answers', () => {
  const versionish = fc.constantFrom(
    'v1.0.0',
    'v1.2.3-pre',
    'v0.0.0-20200101000000-abcdefabcdef',
    'v2',
    '1.0.0',
    'vX'
  )
  const listText = fc
    .array(
      fc.tuple(
        fc.oneof(versionish, fc.string({ maxLength: 8 })),
        fc.constantFrom('\n', ' ', '\t', '\r\n', ' 2020-01-01T00:00:00Z\n')
      ),
      { maxLength: 8 }
    )
    .map(parts => Buffer.from(parts.map(([v, s]) => v + s).join('')))
  const infoText = fc
    .record(
      {
        Version: fc.oneof(versionish, fc.anything()),
        Time: fc.oneof(fc.constant('2020-01-01T00:00:00Z'), fc.anything())
      },
      { requiredKeys: [] }
    )
    .map(info => Buffer.from(JSON.stringify(info) ?? ''))
  const body = (shaped: fc.Arbitrary<Buffer>) =>
    fc.oneof(
      shaped,
      bytes(200),
      fc.string({ maxLength: 100 }).map(s => Buffer.from(s))
    )

  it('parseList never throws and keeps only valid, non-pseudo versions', () => {
    fc.assert(
      fc.property(body(listText), b => {
        const list = parseList(b)
        for (const v of list.versions)
          expect(semver.isValid(v) && !semver.isPseudoVersion(v)).toBe(true)
        if (list.newestByTime !== undefined) expect(semver.isValid(list.newestByTime)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('parseInfo returns the requested valid version, or throws ContentError', () => {
    fc.assert(
      fc.property(
        body(infoText),
        contentType,
        fc.option(versionish, { nil: undefined }),
        (b, type, requested) => {
          const info = onlyThrows(ContentError, () => parseInfo(b, type, requested))
          if (!info) return
          expect(semver.isValid(info.Version)).toBe(true)
          if (requested !== undefined) expect(info.Version).toBe(requested)
        }
      ),
      { numRuns: 500 }
    )
  })

  it('checkGoMod accepts only a go.mod declaring the path, or throws ContentError', () => {
    const goMod = fc
      .tuple(
        fc.constantFrom('module', 'module ', '// module', 'go 1.21\nmodule'),
        fc.constantFrom(' example.com/m', ' "example.com/m"', ' other.example/x', ''),
        fc.string({ maxLength: 20 })
      )
      .map(([kw, path, rest]) => Buffer.from(`${kw}${path}\n${rest}`))
    fc.assert(
      fc.property(body(goMod), contentType, (b, type) => {
        const accepted = onlyThrows(
          ContentError,
          () => (checkGoMod(b, type, 'example.com/m'), true)
        )
        if (accepted) expect(b.toString()).toMatch(/module\s+"?example\.com\/m"?/)
      }),
      { numRuns: 500 }
    )
  })
})

describe('checkModuleZip on damaged zips', () => {
  const LIMITS: ZipLimits = { maxUncompressed: 1 << 20, maxGoModOrLicense: 64 << 10 }
  let good: ModuleVersion

  beforeAll(async () => {
    good = await buildModule('example.com/m', 'v1.0.0', {
      'a.go': 'package m\n',
      'sub/b.go': 'package sub\n'
    })
  })

  /** The good zip with some bytes overwritten and maybe cut short. */
  const damage = fc.record({
    writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    cut: fc.option(fc.nat(), { nil: undefined })
  })

  it('never throws: it returns problems, and a hash only for a zip it read whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(damage, bytes(300)), async input => {
        const zip = Buffer.isBuffer(input) ? input : damaged(good.zip, input)
        const check = await checkModuleZip(zip, 'example.com/m', 'v1.0.0', LIMITS)
        expect(check.ok).toBe(check.problems.length === 0)
        if (check.ok) expect(check.h1).toMatch(/^h1:/)
        expect(check.uncompressedBytes).toBeLessThanOrEqual(LIMITS.maxUncompressed + (64 << 10))
      }),
      { numRuns: 300 }
    )
  })

  it('gives the honest hash back when nothing was damaged', async () => {
    const check = await checkModuleZip(good.zip, 'example.com/m', 'v1.0.0', LIMITS)
    expect(check).toMatchObject({ ok: true, h1: good.zipHash })
  })
})

function damaged(zip: Buffer, how: { writes: [number, number][]; cut?: number }): Buffer {
  const copy = Buffer.from(zip)
  for (const [at, value] of how.writes) copy[at % copy.length] = value
  return how.cut === undefined ? copy : copy.subarray(0, how.cut % (copy.length + 1))
}

describe('checksum database text', () => {
  const treeish = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc
      .tuple(
        fc.constantFrom('go.sum database tree\n', 'go.sum database tree', ''),
        fc.constantFrom('5\n', '-1\n', '99999999999999999999\n', 'x\n', ''),
        fc.string({ maxLength: 50 })
      )
      .map(parts => parts.join(''))
  )

  it('parseTreeNote returns a tree or throws SumdbError', () => {
    fc.assert(
      fc.property(treeish, text => {
        const tree = onlyThrows(SumdbError, () => parseTreeNote(text))
        if (tree) expect(Number.isSafeInteger(tree.size) && tree.size >= 0).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('parseVerifierKey returns a key or throws SumdbError', () => {
    const keyish = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc
        .tuple(
          fc.constantFrom('sum.example', '', 'a+b'),
          fc.constantFrom('+033de0ae', '+zz', '+', ''),
          fc.constantFrom('+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8', '+AQ==', '+', '')
        )
        .map(parts => parts.join(''))
    )
    fc.assert(
      fc.property(keyish, key => {
        onlyThrows(SumdbError, () => parseVerifierKey(key))
      }),
      { numRuns: 500 }
    )
  })
})
