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
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { itWithGo, runGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { buildModule, goSumLines, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

const GO_TIMEOUT_MS = 60_000

/** A module whose go.mod has `go <go>` and requires `requires`. */
function moduleOf(path: string, go: string, requires: ModuleVersion[] = []) {
  const lines = requires.map(r => `require ${r.path} ${r.version}\n`).join('')
  const name = path.split('/').pop()
  return buildModule(
    path,
    'v1.0.0',
    { [`${name}.go`]: `package ${name}\n` },
    {
      goMod: `module ${path}\n\ngo ${go}\n${lines}`
    }
  )
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

  function run(proxies: string): Promise<RunResult> {
    const plan = planOf({
      proxies,
      gosumdb: 'off',
      'probe-modules': 'example.com/pruned@v1.0.0',
      'go-sum': join(dir, 'go.sum'),
      timeout: '8',
      retries: '1',
      cache: 'false'
    })
    return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
  }

  const outcomes = (result: RunResult): Record<string, string> =>
    Object.fromEntries(
      result.build.modules.flatMap(m => m.files.map(f => [`${m.module.path} ${f.file}`, f.outcome]))
    )

  it('walks the go.mod files Go loads, and leaves the one it does not', async () => {
    const result = await run(worlds.all.url('proxy'))
    expect(outcomes(result)).toEqual({
      'example.com/pruned mod': 'served',
      'example.com/pruned zip': 'served',
      'example.com/unpruned mod': 'served',
      'example.com/unpruned zip': 'served',
      'example.com/middle mod': 'served',
      'example.com/deep mod': 'served',
      'example.com/leaf mod': 'not-fetched',
      'example.com/leaf zip': 'not-fetched'
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
        const work = await mkdtemp(join(tmpdir(), 'vgp-modgraph-go-'))
        try {
          for (const name of ['go.mod', 'go.sum', 'main.go']) {
            await copyFile(join(dir, name), join(work, name))
          }
          const failed: string[] = []
          for (const args of commands) {
            const go = await runGo(args, {
              cwd: work,
              env: {
                GOPROXY: worlds[persona].url('proxy'),
                GOSUMDB: 'off',
                GOFLAGS: '-modcacherw'
              },
              timeoutMs: GO_TIMEOUT_MS
            })
            if (go.code !== 0) failed.push(args.join(' '))
          }
          expect({ persona, failed }).toEqual({ persona, failed: failing })
        } finally {
          await rm(work, { recursive: true, force: true })
        }
      }
    },
    8 * GO_TIMEOUT_MS
  )
})
