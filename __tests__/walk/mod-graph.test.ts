/**
 * The go.mod files a build fetches: the module graph as the go command loads it for a main
 * module at go 1.17 or later (modload readModGraph). The roots' go.mod files are loaded; below a
 * root whose go.mod is older than 1.17, every requirement's, transitively; a pruned root adds its
 * requirements without loading them. go.sum lists them all (as `go mod tidy` writes it), but a
 * proxy holding only what `go mod download` fetched serves the build, and the go command agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { itWithGo, runGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { quietLog } from '../world/log.js'
import { buildModule, goSumLines, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

const GO_TIMEOUT_MS = 60_000

/** A module (v1.0.0 unless `version` says) whose go.mod has `go <go>` and requires `requires`. */
function moduleOf(path: string, go: string, requires: ModuleVersion[] = [], version = 'v1.0.0') {
  const lines = requires.map(r => `require ${r.path} ${r.version}\n`).join('')
  const name = path.split('/').pop()
  return buildModule(
    path,
    version,
    { [`${name}.go`]: `package ${name}\n` },
    {
      goMod: `module ${path}\n\ngo ${go}\n${lines}`
    }
  )
}

function validateBuild(
  proxies: string,
  dir: string,
  probe: string,
  getter: HttpGetter
): Promise<RunResult> {
  const plan = planOf({
    proxies,
    gosumdb: 'off',
    'probe-modules': probe,
    'go-sum': join(dir, 'go.sum'),
    timeout: '8',
    retries: '1',
    cache: 'false'
  })
  return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
}

const outcomes = (result: RunResult): Record<string, string> =>
  Object.fromEntries(
    result.build.modules.flatMap(m =>
      m.files.map(f => [`${m.module.path}@${m.module.version} ${f.file}`, f.outcome])
    )
  )

/** Runs each go command in a copy of `dir` through `proxy`; the ones that failed. */
async function goFailures(dir: string, proxy: string, commands: string[][]): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), 'vgp-modgraph-go-'))
  try {
    for (const name of ['go.mod', 'go.sum', 'main.go']) {
      await copyFile(join(dir, name), join(work, name))
    }
    const failed: string[] = []
    for (const args of commands) {
      const go = await runGo(args, {
        cwd: work,
        env: { GOPROXY: proxy, GOSUMDB: 'off', GOFLAGS: '-modcacherw' },
        timeoutMs: GO_TIMEOUT_MS
      })
      if (go.code !== 0) failed.push(args.join(' '))
    }
    return failed
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

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

  const run = (proxies: string) => validateBuild(proxies, dir, 'example.com/pruned@v1.0.0', getter)

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
      const result = await validateBuild(world.url('proxy'), dir, 'example.com/old@v1.0.0', getter)
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

describe('a main module before go 1.17', () => {
  let dir: string
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
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([scratch.remove(), rm(dir, { recursive: true, force: true })])
  })

  it('walks the go.mod files the roots reach and the zips of the build list', async () => {
    const result = await validateBuild(proxies['no-old-c-zip'], dir, 'example.com/a@v1.0.0', getter)
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
        const result = await validateBuild(proxies[proxy], dir, 'example.com/a@v1.0.0', getter)
        const unresolved = result.build.unresolved.map(m => m.module.path)
        expect({ proxy, unresolved }).toEqual({ proxy, unresolved: lacks })
        const failed = await goFailures(dir, proxies[proxy], commands)
        expect({ proxy, failed }).toEqual({ proxy, failed: failing })
      }
    },
    8 * GO_TIMEOUT_MS
  )
})
