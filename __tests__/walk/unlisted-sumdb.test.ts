/**
 * Files the build fetches with no go.sum line to hash them to — here the go.mod and zip of a module
 * the graph reaches that go.sum does not name, and a zip whose module has only a go.mod line — are
 * checked as the go command checks them: against the checksum database's record (modfetch
 * checkModSum → checkSumDB). A mirror serving them tampered, or a version the database does not
 * know, fails `go mod download` and the walk alike; GOSUMDB=off and GONOSUMDB leave them unchecked
 * in both. The real go command is the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { buildText } from '../../src/report/build.js'
import { annotateBuild } from '../../src/action/build-log.js'
import type { ActionLog } from '../../src/action/log.js'
import type { AnnotationProperties } from '@actions/core'
import type { RunResult } from '../../src/validate.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { goSumLines, type ModuleVersion } from '../world/modules.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedCopy } from '../world/tamper.js'
import { hashGoMod } from '../../src/xmod/sumdb/dirhash.js'
import {
  GO_TIMEOUT_MS,
  goFailures,
  moduleOf,
  outcomes,
  validateBuild,
  writeAppRequiring
} from './graph-world.js'

const PROBE = 'example.com/a@v1.0.0'

/** The same module version with a go.mod that says the same but hashes differently. */
function withComment(m: ModuleVersion): ModuleVersion {
  const goMod = Buffer.concat([m.goMod, Buffer.from('// changed\n')])
  return { ...m, goMod, modHash: hashGoMod(goMod) }
}
const DOWNLOAD = [['mod', 'download']]

describe('files with no go.sum line, checked against the checksum database', () => {
  let scratch: GoScratch
  let getter: HttpGetter
  /** Knows a and c; `withoutC` knows only a. */
  let db: SumdbWorld
  let withoutC: SumdbWorld
  /** go.sum names only a: c's go.mod and zip have no line. */
  let unlisted: string
  /** go.sum names a, and c's go.mod only: c's zip has no line. */
  let zipless: string
  /** Knows a and c, but keeps no zip line in c's record. */
  let onlyModLine: SumdbWorld
  const proxies = { right: '', 'bad-c-mod': '', 'bad-c-zip': '' }

  beforeAll(async () => {
    // The main module is at go 1.16 (unpruned): go mod download fetches the go.mod and zip of
    // every module of the build list, c included, though the main module requires only a.
    const c = await moduleOf('example.com/c', '1.21')
    const a = await moduleOf('example.com/a', '1.16', [c])
    // c's record keeps only its go.mod line (a's both, as go.sum has them): Go refuses c's zip.
    onlyModLine = await startSumdb([a, c], {
      recordOf: m =>
        Buffer.from(m === c ? `${m.path} ${m.version}/go.mod ${m.modHash}\n` : goSumLines([m]))
    })
    scratch = await makeGoScratch()
    const serve: Record<keyof typeof proxies, ModuleVersion[]> = {
      right: [a, c],
      'bad-c-mod': [a, withComment(c)],
      'bad-c-zip': [a, await tamperedCopy(c, 'zip')]
    }
    for (const [name, modules] of Object.entries(serve)) {
      const tree = join(scratch.proxyDir, name)
      await writeProxyTree(tree, modules)
      proxies[name as keyof typeof proxies] = pathToFileURL(tree).href
    }
    db = await startSumdb([a, c])
    withoutC = await startSumdb([a])
    const project = async (name: string, goSum: string) => {
      const dir = join(scratch.proxyDir, '..', name)
      await writeAppRequiring(dir, a, goSum)
      return dir
    }
    unlisted = await project('unlisted', goSumLines([a]))
    const cZipLine = `example.com/c v1.0.0 ${c.zipHash}\n`
    zipless = await project('zipless', goSumLines([a, c]).replace(cZipLine, ''))
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([db.close(), withoutC.close(), onlyModLine.close(), scratch.remove()])
  })

  const gosumdbOf = (world: SumdbWorld) => `${world.verifierKey} ${world.url}`

  function run(
    dir: string,
    proxy: keyof typeof proxies,
    inputs: Record<string, string>
  ): Promise<RunResult> {
    return validateBuild(proxies[proxy], { workingDirectory: dir }, PROBE, getter, {
      gosumdb: gosumdbOf(db),
      ...inputs
    })
  }

  const textOf = (result: RunResult) => buildText(result).join('\n')

  /** The candidate's verdict and the modules the build left unresolved. */
  function verdictOf(result: RunResult) {
    return {
      verdict: result.reports[0].verdict,
      unresolved: result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)
    }
  }

  it('checks the go.mod and zip of a module no line names against the database', async () => {
    const right = await run(unlisted, 'right', { checks: 'full' })
    expect(outcomes(right)).toEqual({
      'example.com/a@v1.0.0 mod': 'served',
      'example.com/a@v1.0.0 zip': 'served',
      'example.com/c@v1.0.0 mod': 'served',
      'example.com/c@v1.0.0 zip': 'served'
    })
    expect(verdictOf(right)).toEqual({ verdict: 'healthy', unresolved: [] })
    expect(textOf(right)).toContain("checked against the checksum database's record")

    const badMod = await run(unlisted, 'bad-c-mod', { checks: 'standard' })
    expect(verdictOf(badMod)).toMatchObject({ verdict: 'tampered' })
    expect(badMod.reports[0].reason).toMatch(
      /example\.com\/c@v1\.0\.0 go\.mod hashes to h1:\S+ but the checksum database says h1:/
    )
    expect(badMod.selection.goproxy).toBeUndefined()

    const badZip = await run(unlisted, 'bad-c-zip', { checks: 'full' })
    expect(verdictOf(badZip)).toMatchObject({ verdict: 'tampered' })
    expect(badZip.reports[0].reason).toMatch(/example\.com\/c@v1\.0\.0 zip hashes to h1:/)
    // As with zips go.sum names, `checks: standard` sees a zip served without hashing it.
    const seen = await run(unlisted, 'bad-c-zip', { checks: 'standard' })
    expect(verdictOf(seen)).toEqual({ verdict: 'healthy', unresolved: [] })
  })

  it('checks the zip of a module go.sum has only a go.mod line for', async () => {
    const right = await run(zipless, 'right', { checks: 'full' })
    expect(verdictOf(right)).toEqual({ verdict: 'healthy', unresolved: [] })
    const badZip = await run(zipless, 'bad-c-zip', { checks: 'full' })
    expect(verdictOf(badZip)).toMatchObject({ verdict: 'tampered' })
    // Not go.sum's word: the zip has no line there.
    expect(badZip.reports[0].reason).toMatch(
      /^example\.com\/c@v1\.0\.0 zip hashes to h1:\S+ but the checksum database says h1:/
    )
    const annotations: { level: string; message: string; where: AnnotationProperties }[] = []
    const log = {
      annotate: (level: string, message: string, where: AnnotationProperties) =>
        annotations.push({ level, message, where })
    } as unknown as ActionLog
    annotateBuild(badZip, log, zipless)
    const display = badZip.reports[0].candidate.display
    expect(annotations.filter(a => a.message.includes('zip hashes to'))).toEqual([
      {
        level: 'error',
        message: expect.stringContaining('but the checksum database says'),
        // On the module's go.mod line, the nearest go.sum has.
        where: {
          title: `validate-goproxy: ${display} contradicts the checksum database`,
          file: 'go.sum',
          startLine: 3
        }
      }
    ])
  })

  it('fails, at checks: standard too, a zip whose record has no zip line', async () => {
    for (const checks of ['standard', 'full']) {
      const result = await validateBuild(
        proxies.right,
        { workingDirectory: zipless },
        PROBE,
        getter,
        {
          gosumdb: gosumdbOf(onlyModLine),
          checks
        }
      )
      expect({ checks, ...verdictOf(result) }).toMatchObject({
        checks,
        unresolved: ['example.com/c@v1.0.0']
      })
      expect(textOf(result)).toContain(
        'example.com/c@v1.0.0: verifying module: checksum missing from sumdb response'
      )
    }
  })

  itWithGo('agrees with the go command: go mod download refuses that zip', async () => {
    const env = { GOSUMDB: gosumdbOf(onlyModLine) }
    const failed = await goFailures(zipless, proxies.right, DOWNLOAD, '.', env)
    expect(failed).toEqual(['mod download'])
  })

  it('fails a version the database has no record of, and blames no content', async () => {
    const result = await run(unlisted, 'right', { gosumdb: gosumdbOf(withoutC) })
    expect(result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      'example.com/c@v1.0.0'
    ])
    expect(textOf(result)).toContain('the checksum database has no record of example.com/c')
    // No content is wrong: the proxy is not tampered, the version is unknown to the database.
    expect(result.reports[0].verdict).toBe('healthy')
    expect(result.selection.goproxy).toBeUndefined()
  })

  it('leaves them unchecked with GOSUMDB off, or GONOSUMDB naming them, as Go does', async () => {
    const off = await run(unlisted, 'bad-c-mod', { gosumdb: 'off' })
    expect(verdictOf(off)).toEqual({ verdict: 'healthy', unresolved: [] })
    expect(textOf(off)).toContain('not checked against the checksum database')
    const nosumdb = await run(unlisted, 'bad-c-mod', { gonosumdb: 'example.com/c' })
    expect(verdictOf(nosumdb)).toEqual({ verdict: 'healthy', unresolved: [] })
  })

  itWithGo(
    'agrees with the go command on each case',
    async () => {
      const go = (dir: string, proxy: keyof typeof proxies, env: Record<string, string> = {}) =>
        goFailures(dir, proxies[proxy], DOWNLOAD, '.', { GOSUMDB: gosumdbOf(db), ...env })
      const cases: {
        dir: string
        proxy: keyof typeof proxies
        env: { GOSUMDB?: string; GONOSUMDB?: string }
        fails: boolean
      }[] = [
        { dir: unlisted, proxy: 'right', env: {}, fails: false },
        { dir: unlisted, proxy: 'bad-c-mod', env: {}, fails: true },
        { dir: unlisted, proxy: 'bad-c-zip', env: {}, fails: true },
        { dir: zipless, proxy: 'bad-c-zip', env: {}, fails: true },
        { dir: unlisted, proxy: 'right', env: { GOSUMDB: gosumdbOf(withoutC) }, fails: true },
        { dir: unlisted, proxy: 'bad-c-mod', env: { GOSUMDB: 'off' }, fails: false },
        { dir: unlisted, proxy: 'bad-c-mod', env: { GONOSUMDB: 'example.com/c' }, fails: false }
      ]
      for (const { dir, proxy, env, fails } of cases) {
        const failed = await go(dir, proxy, env)
        const name = `${dir === zipless ? 'zipless' : 'unlisted'} ${proxy} ${JSON.stringify(env)}`
        expect({ name, failed }).toEqual({ name, failed: fails ? ['mod download'] : [] })
        const inputs = {
          checks: 'full',
          ...(env.GOSUMDB ? { gosumdb: env.GOSUMDB } : {}),
          ...(env.GONOSUMDB ? { gonosumdb: env.GONOSUMDB } : {})
        }
        const result = await run(dir, proxy, inputs)
        const red = result.selection.goproxy === undefined
        expect({ name, red }).toEqual({ name, red: fails })
      }
    },
    10 * GO_TIMEOUT_MS
  )
})
