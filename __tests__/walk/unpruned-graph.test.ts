/**
 * The module graph of a main module before go 1.17 (unpruned): Go loads the go.mod of every module
 * its requirements reach, transitively, and go mod download fetches the zips of the build list
 * (the versions minimal version selection picks), not those of versions it passes over — and of
 * each module of the build list, whether go.sum has a line for its zip or not.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { goSumLines } from '../world/modules.js'
import { GO_TIMEOUT_MS, goFailures, moduleOf, outcomes, validateBuild } from './graph-world.js'

describe('a main module before go 1.17', () => {
  let dir: string
  /** The same module, its go.sum without the zip line of c v1.1.0 (no package of c is built). */
  let zipless: string
  let scratch: GoScratch
  let getter: HttpGetter
  const proxies: Record<'full' | 'no-old-c-zip' | 'no-c-zips', string> = {
    full: '',
    'no-old-c-zip': '',
    'no-c-zips': ''
  }

  beforeAll(async () => {
    // Unpruned from the roots: a (go 1.16) requires c v1.1.0 and b (go 1.21) c v1.0.0; both
    // go.mod files of c are loaded, and minimal version selection picks c v1.1.0, the only zip
    // of c go mod download fetches. go.sum also keeps c v1.0.0's zip and a stale module nothing
    // reaches, as an untidy go.sum can.
    const cOld = await moduleOf('example.com/c', '1.21')
    const cNew = await moduleOf('example.com/c', '1.21', [], 'v1.1.0')
    const a = await moduleOf('example.com/a', '1.16', [cNew])
    const b = await moduleOf('example.com/b', '1.21', [cOld])
    const stale = await moduleOf('example.com/stale', '1.21')
    scratch = await makeGoScratch()
    const cZip = (version: string) => join('example.com', 'c', '@v', `${version}.zip`)
    const lacking = {
      full: [],
      'no-old-c-zip': [cZip('v1.0.0')],
      'no-c-zips': [cZip('v1.0.0'), cZip('v1.1.0')]
    }
    for (const [name, files] of Object.entries(lacking)) {
      const tree = join(scratch.proxyDir, name)
      await writeProxyTree(tree, [a, b, cOld, cNew])
      await Promise.all(files.map(file => rm(join(tree, file))))
      proxies[name as keyof typeof proxies] = pathToFileURL(tree).href
    }
    dir = await mkdtemp(join(tmpdir(), 'vgp-modgraph-unpruned-'))
    await writeFile(join(dir, 'go.sum'), goSumLines([a, b, cNew, cOld, stale]))
    await writeFile(
      join(dir, 'main.go'),
      'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/b"\n)\n\nfunc main() {}\n'
    )
    await writeFile(
      join(dir, 'go.mod'),
      'module example.com/app\n\ngo 1.16\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n'
    )
    zipless = await mkdtemp(join(tmpdir(), 'vgp-modgraph-zipless-'))
    await cp(dir, zipless, { recursive: true })
    const cZipLine = `example.com/c v1.1.0 ${cNew.zipHash}\n`
    await writeFile(join(zipless, 'go.sum'), goSumLines([a, b, cNew, cOld]).replace(cZipLine, ''))
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([
      scratch.remove(),
      rm(dir, { recursive: true, force: true }),
      rm(zipless, { recursive: true, force: true })
    ])
  })

  it('walks the go.mod files the roots reach and the zips of the build list', async () => {
    const result = await validateBuild(
      proxies['no-old-c-zip'],
      { goSum: join(dir, 'go.sum') },
      'example.com/a@v1.0.0',
      getter
    )
    expect(outcomes(result)).toEqual({
      'example.com/a@v1.0.0 mod': 'served',
      'example.com/a@v1.0.0 zip': 'served',
      'example.com/b@v1.0.0 mod': 'served',
      'example.com/b@v1.0.0 zip': 'served',
      'example.com/c@v1.1.0 mod': 'served',
      'example.com/c@v1.1.0 zip': 'served',
      'example.com/c@v1.0.0 mod': 'served',
      'example.com/c@v1.0.0 zip': 'not-fetched',
      'example.com/stale@v1.0.0 mod': 'not-fetched',
      'example.com/stale@v1.0.0 zip': 'not-fetched'
    })
    expect(result.build.unresolved).toEqual([])
  })

  itWithGo(
    'agrees with the go command: the old zip of c is not needed, the selected one is',
    async () => {
      const commands = [
        ['mod', 'download'],
        ['build', './...']
      ]
      const cases = [
        { proxy: 'no-old-c-zip', lacks: [], failing: [] },
        // No package of c is imported: a build needs no zip of it, go mod download the selected.
        { proxy: 'no-c-zips', lacks: ['example.com/c'], failing: ['mod download'] }
      ] as const
      for (const { proxy, lacks, failing } of cases) {
        const result = await validateBuild(
          proxies[proxy],
          { goSum: join(dir, 'go.sum') },
          'example.com/a@v1.0.0',
          getter
        )
        const unresolved = result.build.unresolved.map(m => m.module.path)
        expect({ proxy, unresolved }).toEqual({ proxy, unresolved: lacks })
        const failed = await goFailures(dir, proxies[proxy], commands)
        expect({ proxy, failed }).toEqual({ proxy, failed: failing })
      }
    },
    8 * GO_TIMEOUT_MS
  )

  it('walks the zip of a build-list module that go.sum has only a go.mod line for', async () => {
    const run = (proxy: keyof typeof proxies) =>
      validateBuild(
        proxies[proxy],
        { goSum: join(zipless, 'go.sum') },
        'example.com/a@v1.0.0',
        getter
      )
    const served = await run('no-old-c-zip')
    expect(outcomes(served)).toMatchObject({
      'example.com/c@v1.1.0 mod': 'served',
      'example.com/c@v1.1.0 zip': 'served'
    })
    expect(served.build.unresolved).toEqual([])
    const lacking = await run('no-c-zips')
    expect(lacking.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      'example.com/c@v1.1.0'
    ])
  })

  itWithGo(
    'agrees with the go command: go mod download fetches that zip, a build does not',
    async () => {
      const commands = [
        ['mod', 'download'],
        ['build', './...']
      ]
      expect(await goFailures(zipless, proxies['no-old-c-zip'], commands)).toEqual([])
      expect(await goFailures(zipless, proxies['no-c-zips'], commands)).toEqual(['mod download'])
    },
    4 * GO_TIMEOUT_MS
  )
})
