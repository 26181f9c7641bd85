/**
 * The module graph of a workspace (readModGraph at workspace pruning): each module's requirements
 * loaded as its go.mod prunes them; then, over and over, the selected version of each module the
 * workspace depends on, where it is higher than required, with its requirements. go mod download
 * fetches the .mod and zip of each module of the build list; the go command is the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { buildText } from '../../src/report/build.js'
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

describe('a workspace', () => {
  let dir: string
  /** The same workspace without its go.work.sum: no go.sum line names x v1.1.0 or z. */
  let bare: string
  let scratch: GoScratch
  let getter: HttpGetter
  const proxies = { 'no-old-x-zip': '', 'no-z-mod': '' }

  beforeAll(async () => {
    // a requires x v1.0.0; b requires y, which (pruned) requires x v1.1.0: x v1.1.0 is selected,
    // so Go loads it again at workspace pruning, and with it z, which x v1.1.0 requires. x
    // v1.0.0's zip is never fetched, nor anything of stale, which a's go.sum still lists.
    const z = await moduleOf('example.com/z', '1.21')
    const xOld = await moduleOf('example.com/x', '1.21')
    const xNew = await moduleOf('example.com/x', '1.21', [z], 'v1.1.0')
    const y = await moduleOf('example.com/y', '1.21', [xNew])
    const stale = await moduleOf('example.com/stale', '1.21')
    scratch = await makeGoScratch()
    const lacking = {
      'no-old-x-zip': join('example.com', 'x', '@v', 'v1.0.0.zip'),
      'no-z-mod': join('example.com', 'z', '@v', 'v1.0.0.mod')
    }
    for (const [name, file] of Object.entries(lacking)) {
      const tree = join(scratch.proxyDir, name)
      await writeProxyTree(tree, [xOld, xNew, y, z])
      await rm(join(tree, file))
      proxies[name as keyof typeof proxies] = pathToFileURL(tree).href
    }
    dir = await mkdtemp(join(tmpdir(), 'vgp-workspace-graph-'))
    const files: Record<string, string> = {
      'go.work': 'go 1.21\n\nuse (\n\t./a\n\t./b\n)\n',
      'go.work.sum': goSumLines([xNew, z]),
      'a/go.mod': 'module example.com/a\n\ngo 1.21\n\nrequire example.com/x v1.0.0\n',
      'a/a.go': 'package a\n\nimport _ "example.com/x"\n',
      'a/go.sum': goSumLines([xOld, stale]),
      'b/go.mod': 'module example.com/b\n\ngo 1.21\n\nrequire example.com/y v1.0.0\n',
      'b/b.go': 'package b\n\nimport _ "example.com/y"\n',
      'b/go.sum': goSumLines([y])
    }
    await writeFiles(dir, files)
    bare = await mkdtemp(join(tmpdir(), 'vgp-workspace-bare-'))
    await writeFiles(
      bare,
      Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'go.work.sum'))
    )
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([
      scratch.remove(),
      rm(dir, { recursive: true, force: true }),
      rm(bare, { recursive: true, force: true })
    ])
  })

  const run = (proxy: string) =>
    validateBuild(proxy, { workingDirectory: dir }, 'example.com/y@v1.0.0', getter)

  it('walks the go.mod files Go loads and the zips of the build list', async () => {
    const result = await run(proxies['no-old-x-zip'])
    expect(outcomes(result)).toEqual({
      'example.com/x@v1.0.0 mod': 'served',
      'example.com/x@v1.0.0 zip': 'not-fetched',
      'example.com/stale@v1.0.0 mod': 'not-fetched',
      'example.com/stale@v1.0.0 zip': 'not-fetched',
      'example.com/y@v1.0.0 mod': 'served',
      'example.com/y@v1.0.0 zip': 'served',
      'example.com/x@v1.1.0 mod': 'served',
      'example.com/x@v1.1.0 zip': 'served',
      'example.com/z@v1.0.0 mod': 'served',
      'example.com/z@v1.0.0 zip': 'served'
    })
    expect(result.build.unresolved).toEqual([])
  })

  it('leaves nothing not-fetched when no candidate can be asked: no go.mod tells the graph', async () => {
    const result = await run(pathToFileURL(join(scratch.root, 'no-such-proxy')).href)
    expect(new Set(Object.values(outcomes(result)))).toEqual(new Set(['unresolved']))
  })

  itWithGo(
    'agrees with go mod download: the passed-over zip is not needed, the go.mod reloaded is',
    async () => {
      const cases = [
        { proxy: 'no-old-x-zip', lacks: [], failing: [] },
        { proxy: 'no-z-mod', lacks: ['example.com/z'], failing: ['mod download'] }
      ] as const
      for (const { proxy, lacks, failing } of cases) {
        const result = await run(proxies[proxy])
        const unresolved = result.build.unresolved.map(m => m.module.path)
        expect({ proxy, unresolved }).toEqual({ proxy, unresolved: lacks })
        // Below the go.mod no candidate serves, lines were not asked: the summary says why.
        const stopped = buildText(result).join('\n').includes('only a go.mod no candidate serves')
        expect({ proxy, stopped }).toEqual({ proxy, stopped: lacks.length > 0 })
        const failed = await goFailures(dir, proxies[proxy], [['mod', 'download']])
        expect({ proxy, failed }).toEqual({ proxy, failed: failing })
      }
    },
    4 * GO_TIMEOUT_MS
  )

  itWithGo(
    'follows the go.mod files no go.sum line names, as go mod download fetches them',
    async () => {
      const served = await validateBuild(
        proxies['no-old-x-zip'],
        { workingDirectory: bare },
        'example.com/y@v1.0.0',
        getter
      )
      // Walked though no line names them, and seen to be served: nothing to hash them to.
      expect(outcomes(served)).toMatchObject({
        'example.com/x@v1.1.0 mod': 'served',
        'example.com/x@v1.1.0 zip': 'served',
        'example.com/z@v1.0.0 mod': 'served',
        'example.com/z@v1.0.0 zip': 'served'
      })
      expect(served.build.unresolved).toEqual([])
      const lacking = await validateBuild(
        proxies['no-z-mod'],
        { workingDirectory: bare },
        'example.com/y@v1.0.0',
        getter
      )
      expect(lacking.build.unresolved.map(m => m.module.path)).toEqual(['example.com/z'])
      const download = [['mod', 'download']]
      expect(await goFailures(bare, proxies['no-old-x-zip'], download)).toEqual([])
      expect(await goFailures(bare, proxies['no-z-mod'], download)).toEqual(['mod download'])
    },
    4 * GO_TIMEOUT_MS
  )
})
