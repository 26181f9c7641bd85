/**
 * The go.mod files a build fetches: the module graph as the go command loads it for a main
 * module at go 1.17 or later (modload readModGraph). The roots' go.mod files are loaded; below a
 * root whose go.mod is older than 1.17, every requirement's, transitively; a pruned root adds its
 * requirements without loading them. go.sum lists them all (as `go mod tidy` writes it), but a
 * proxy holding only what `go mod download` fetched serves the build, and the go command agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { goSumLines, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { GO_TIMEOUT_MS, goFailures, moduleOf, outcomes, validateBuild } from './graph-world.js'

describe('the module graph a build loads', () => {
  /** Required by a pruned root: in the graph, but its go.mod is never loaded. */
  let leaf: ModuleVersion
  /** Required, through an unpruned root, by a pruned module: loaded, since below an unpruned one. */
  let deep: ModuleVersion
  let all: ModuleVersion[]
  let dir: string
  let worlds: Record<'all' | 'no-leaf' | 'no-deep', ProxyWorld>
  let getter: HttpGetter

  beforeAll(async () => {
    leaf = await moduleOf('example.com/leaf', '1.21')
    deep = await moduleOf('example.com/deep', '1.21')
    const pruned = await moduleOf('example.com/pruned', '1.21', [leaf])
    const middle = await moduleOf('example.com/middle', '1.21', [deep])
    const unpruned = await moduleOf('example.com/unpruned', '1.16', [middle])
    all = [pruned, unpruned, middle, deep, leaf]
    const served = async (without?: ModuleVersion) =>
      startProxyWorld(
        all.filter(m => m !== without),
        [{ name: 'proxy', fault: 'healthy' }]
      )
    worlds = { all: await served(), 'no-leaf': await served(leaf), 'no-deep': await served(deep) }
    dir = await mkdtemp(join(tmpdir(), 'vgp-modgraph-'))
    // As `go mod tidy` writes them: every go.mod of the graph, the roots' zips, and the leaf's
    // zip too (as for a module only a dependency's tests import).
    const [zips, mods] = [[pruned, unpruned, leaf], all].map(list => goSumLines(list).split('\n'))
    const sums = [
      ...zips.filter(l => !l.includes('/go.mod ')),
      ...mods.filter(l => l.includes('/go.mod '))
    ]
    await writeFile(join(dir, 'go.sum'), `${sums.join('\n')}\n`)
    await writeFile(
      join(dir, 'main.go'),
      'package main\n\nimport (\n\t_ "example.com/pruned"\n\t_ "example.com/unpruned"\n)\n\nfunc main() {}\n'
    )
    await writeFile(
      join(dir, 'go.mod'),
      `module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/pruned v1.0.0\n\texample.com/unpruned v1.0.0\n)\n`
    )
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all(Object.values(worlds).map(w => w.close()))
    await rm(dir, { recursive: true, force: true })
  })

  const run = (proxies: string) =>
    validateBuild(proxies, { goSum: join(dir, 'go.sum') }, 'example.com/pruned@v1.0.0', getter)

  it('walks the go.mod files Go loads, and leaves the one it does not', async () => {
    const result = await run(worlds.all.url('proxy'))
    expect(outcomes(result)).toEqual({
      'example.com/pruned@v1.0.0 mod': 'served',
      'example.com/pruned@v1.0.0 zip': 'served',
      'example.com/unpruned@v1.0.0 mod': 'served',
      'example.com/unpruned@v1.0.0 zip': 'served',
      'example.com/middle@v1.0.0 mod': 'served',
      'example.com/deep@v1.0.0 mod': 'served',
      'example.com/leaf@v1.0.0 mod': 'not-fetched',
      'example.com/leaf@v1.0.0 zip': 'not-fetched'
    })
    expect(result.build.unresolved).toEqual([])
  })

  itWithGo(
    'agrees with the go command: a proxy lacking the leaf serves the build, one lacking deep does not',
    async () => {
      // What fails of what CI runs, each into the same empty module cache, none with -mod=mod.
      // `go mod download` loads the whole graph, so it needs deep's go.mod; a build of a tidy
      // module loads packages from the roots alone (lazy loading), so it does not: the check
      // follows `go mod download`, the stricter.
      const commands = [
        ['mod', 'download'],
        ['build', './...'],
        ['test', './...']
      ]
      const cases = [
        { persona: 'no-leaf', lacks: [], failing: [] },
        { persona: 'no-deep', lacks: [deep.path], failing: ['mod download'] }
      ] as const
      for (const { persona, lacks, failing } of cases) {
        const result = await run(worlds[persona].url('proxy'))
        const unresolved = result.build.unresolved.map(m => m.module.path)
        expect({ persona, unresolved }).toEqual({ persona, unresolved: lacks })
        const failed = await goFailures(dir, worlds[persona].url('proxy'), commands)
        expect({ persona, failed }).toEqual({ persona, failed: failing })
      }
    },
    8 * GO_TIMEOUT_MS
  )
})

describe('a version the main module excludes', () => {
  let dir: string
  let world: ProxyWorld
  let getter: HttpGetter

  beforeAll(async () => {
    // old (go 1.16, so below it everything is loaded) requires dep v1.1.0, which go.mod excludes:
    // since Go 1.16 that requirement is dropped, dep v1.0.0 stays selected, and dep v1.1.0's
    // go.mod is never loaded. go.sum still has its line (as one written before the exclude does).
    const depNext = await moduleOf('example.com/dep', '1.21', [], 'v1.1.0')
    const dep = await moduleOf('example.com/dep', '1.21')
    const old = await moduleOf('example.com/old', '1.16', [depNext])
    world = await startProxyWorld([old, dep], [{ name: 'proxy', fault: 'healthy' }])
    dir = await mkdtemp(join(tmpdir(), 'vgp-modgraph-exclude-'))
    const sums = [goSumLines([old, dep]).trimEnd(), goSumLines([depNext]).split('\n')[1]]
    await writeFile(join(dir, 'go.sum'), `${sums.join('\n')}\n`)
    await writeFile(
      join(dir, 'main.go'),
      'package main\n\nimport _ "example.com/old"\n\nfunc main() {}\n'
    )
    await writeFile(
      join(dir, 'go.mod'),
      [
        'module example.com/app\n\ngo 1.21\n',
        'require (\n\texample.com/old v1.0.0\n\texample.com/dep v1.0.0 // indirect\n)\n',
        'exclude example.com/dep v1.1.0\n'
      ].join('\n')
    )
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await world.close()
    await rm(dir, { recursive: true, force: true })
  })

  itWithGo(
    'is never loaded: a proxy without it serves the build, and the go command agrees',
    async () => {
      const result = await validateBuild(
        world.url('proxy'),
        { goSum: join(dir, 'go.sum') },
        'example.com/old@v1.0.0',
        getter
      )
      expect(outcomes(result)).toEqual({
        'example.com/old@v1.0.0 mod': 'served',
        'example.com/old@v1.0.0 zip': 'served',
        'example.com/dep@v1.0.0 mod': 'served',
        'example.com/dep@v1.0.0 zip': 'served',
        'example.com/dep@v1.1.0 mod': 'not-fetched'
      })
      const commands = [
        ['mod', 'download'],
        ['build', './...']
      ]
      expect(await goFailures(dir, world.url('proxy'), commands)).toEqual([])
    },
    4 * GO_TIMEOUT_MS
  )
})

describe('zip lines of other versions of a required module', () => {
  let dir: string
  let scratch: GoScratch
  let getter: HttpGetter
  let proxy: string

  beforeAll(async () => {
    // go.mod requires dep v1.1.0 and replaces r v1.0.0 by r v1.0.1; go.sum still keeps the zips
    // of dep v1.0.0 and r v1.0.0 (an earlier state), which no build fetches. The proxy, filled by
    // the builds that ran, lacks them.
    const depOld = await moduleOf('example.com/dep', '1.21')
    const depNew = await moduleOf('example.com/dep', '1.21', [], 'v1.1.0')
    const rOld = await moduleOf('example.com/r', '1.21')
    const rNew = await moduleOf('example.com/r', '1.21', [], 'v1.0.1')
    scratch = await makeGoScratch()
    await writeProxyTree(scratch.proxyDir, [depOld, depNew, rOld, rNew])
    for (const file of ['example.com/dep/@v/v1.0.0.zip', 'example.com/r/@v/v1.0.0.zip']) {
      await rm(join(scratch.proxyDir, ...file.split('/')))
    }
    proxy = pathToFileURL(scratch.proxyDir).href
    dir = await mkdtemp(join(tmpdir(), 'vgp-modgraph-versions-'))
    await writeFile(join(dir, 'go.sum'), goSumLines([depNew, depOld, rNew, rOld]))
    await writeFile(
      join(dir, 'main.go'),
      'package main\n\nimport (\n\t_ "example.com/dep"\n\t_ "example.com/r"\n)\n\nfunc main() {}\n'
    )
    await writeFile(
      join(dir, 'go.mod'),
      [
        'module example.com/app\n\ngo 1.21\n',
        'require (\n\texample.com/dep v1.1.0\n\texample.com/r v1.0.0\n)\n',
        'replace example.com/r v1.0.0 => example.com/r v1.0.1\n'
      ].join('\n')
    )
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([scratch.remove(), rm(dir, { recursive: true, force: true })])
  })

  itWithGo(
    'are not asked, and the go command agrees that the build does without them',
    async () => {
      const result = await validateBuild(
        proxy,
        { goSum: join(dir, 'go.sum') },
        'example.com/dep@v1.1.0',
        getter
      )
      expect(outcomes(result)).toEqual({
        'example.com/dep@v1.1.0 mod': 'served',
        'example.com/dep@v1.1.0 zip': 'served',
        'example.com/dep@v1.0.0 mod': 'not-fetched',
        'example.com/dep@v1.0.0 zip': 'not-fetched',
        'example.com/r@v1.0.1 mod': 'served',
        'example.com/r@v1.0.1 zip': 'served',
        'example.com/r@v1.0.0 mod': 'not-fetched',
        'example.com/r@v1.0.0 zip': 'not-fetched'
      })
      const commands = [
        ['mod', 'download'],
        ['build', './...']
      ]
      expect(await goFailures(dir, proxy, commands)).toEqual([])
    },
    4 * GO_TIMEOUT_MS
  )
})
