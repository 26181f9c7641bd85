/**
 * A workspace whose go.work replaces a module and whose module excludes a version: Go merges
 * go.work's replacements with the modules' own and applies every module's excludes to the whole
 * graph, so the walk follows that graph rather than counting every line; the go command judges.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { goSumLines } from '../world/modules.js'
import {
  GO_TIMEOUT_MS,
  goFailures,
  moduleOf,
  outcomes,
  validateBuild,
  writeFiles
} from './graph-world.js'

type Proxy = 'no-z' | 'no-x-new' | 'no-fork-zip' | 'no-q-zip'

describe('a workspace with a replace in go.work and an exclude in a module', () => {
  let dir: string
  let scratch: GoScratch
  let getter: HttpGetter
  const proxies: Record<Proxy, string> = {
    'no-z': '',
    'no-x-new': '',
    'no-fork-zip': '',
    'no-q-zip': ''
  }

  beforeAll(async () => {
    // a requires x v1.0.0 and excludes z v1.0.0; b requires y, which requires x v1.1.0 and z.
    // x v1.1.0 is selected, and go.work replaces it by fork: Go loads fork's go.mod and fetches
    // fork's zip, nothing of x v1.1.0, and nothing of z, whose requirement the exclude drops.
    // b also requires w, which its go.mod replaces by a directory (relative to b): the graph goes
    // on from w's go.mod there, to q.
    const z = await moduleOf('example.com/z', '1.21')
    const xOld = await moduleOf('example.com/x', '1.21')
    const xNew = await moduleOf('example.com/x', '1.21', [], 'v1.1.0')
    const fork = await moduleOf('example.com/fork', '1.21')
    const y = await moduleOf('example.com/y', '1.21', [xNew, z])
    const q = await moduleOf('example.com/q', '1.21')
    scratch = await makeGoScratch()
    const lacking: Record<Proxy, string[]> = {
      'no-z': ['z/@v/v1.0.0.mod', 'z/@v/v1.0.0.zip', 'z/@v/v1.0.0.info'],
      'no-x-new': ['x/@v/v1.1.0.mod', 'x/@v/v1.1.0.zip', 'x/@v/v1.1.0.info'],
      'no-fork-zip': ['fork/@v/v1.0.0.zip'],
      'no-q-zip': ['q/@v/v1.0.0.zip']
    }
    for (const [name, files] of Object.entries(lacking)) {
      const tree = join(scratch.proxyDir, name)
      await writeProxyTree(tree, [xOld, xNew, fork, y, z, q])
      await Promise.all(files.map(file => rm(join(tree, 'example.com', file))))
      proxies[name as Proxy] = pathToFileURL(tree).href
    }
    dir = await mkdtemp(join(tmpdir(), 'vgp-workspace-replace-'))
    await writeFiles(dir, {
      'go.work':
        'go 1.21\n\nuse (\n\t./a\n\t./b\n)\n\nreplace example.com/x v1.1.0 => example.com/fork v1.0.0\n',
      // go.sum files keep lines no build of this workspace fetches: z's, and x v1.1.0's.
      'go.work.sum': goSumLines([fork, xNew, z]),
      'a/go.mod':
        'module example.com/a\n\ngo 1.21\n\nrequire example.com/x v1.0.0\n\nexclude example.com/z v1.0.0\n',
      'a/a.go': 'package a\n\nimport _ "example.com/x"\n',
      'a/go.sum': goSumLines([xOld]),
      'b/go.mod':
        'module example.com/b\n\ngo 1.21\n\nrequire (\n\texample.com/y v1.0.0\n\texample.com/w v1.0.0\n)\n\nreplace example.com/w => ../local/w\n',
      'b/b.go': 'package b\n\nimport _ "example.com/y"\n',
      'b/go.sum': goSumLines([y, q]),
      'local/w/go.mod': 'module example.com/w\n\ngo 1.21\n\nrequire example.com/q v1.0.0\n'
    })
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([scratch.remove(), rm(dir, { recursive: true, force: true })])
  })

  const run = (proxy: Proxy) =>
    validateBuild(proxies[proxy], { workingDirectory: dir }, 'example.com/y@v1.0.0', getter)

  it('walks the graph Go loads: the replacement, not the module it replaces nor the excluded', async () => {
    const result = await run('no-z')
    expect(outcomes(result)).toEqual({
      'example.com/fork@v1.0.0 mod': 'served',
      'example.com/fork@v1.0.0 zip': 'served',
      'example.com/x@v1.1.0 mod': 'not-fetched',
      'example.com/x@v1.1.0 zip': 'not-fetched',
      'example.com/z@v1.0.0 mod': 'not-fetched',
      'example.com/z@v1.0.0 zip': 'not-fetched',
      'example.com/x@v1.0.0 mod': 'served',
      'example.com/x@v1.0.0 zip': 'not-fetched',
      'example.com/y@v1.0.0 mod': 'served',
      'example.com/y@v1.0.0 zip': 'served',
      'example.com/q@v1.0.0 mod': 'served',
      'example.com/q@v1.0.0 zip': 'served'
    })
    expect(result.build.unresolved).toEqual([])
  })

  itWithGo(
    'agrees with go mod download on each proxy',
    async () => {
      const cases: { proxy: Proxy; lacks: string[]; failing: string[] }[] = [
        { proxy: 'no-z', lacks: [], failing: [] },
        { proxy: 'no-x-new', lacks: [], failing: [] },
        { proxy: 'no-fork-zip', lacks: ['example.com/fork'], failing: ['mod download'] },
        { proxy: 'no-q-zip', lacks: ['example.com/q'], failing: ['mod download'] }
      ]
      for (const { proxy, lacks, failing } of cases) {
        const result = await run(proxy)
        const unresolved = result.build.unresolved.map(m => m.module.path)
        expect({ proxy, unresolved }).toEqual({ proxy, unresolved: lacks })
        const failed = await goFailures(dir, proxies[proxy], [['mod', 'download']])
        expect({ proxy, failed }).toEqual({ proxy, failed: failing })
      }
    },
    8 * GO_TIMEOUT_MS
  )
})
