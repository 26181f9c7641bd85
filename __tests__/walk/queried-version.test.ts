/**
 * A main module's go.mod that spells a version so that it is not canonical (`require a v1.1`, as
 * hand edits and old tools leave it; `latest`; a range): the go command reads it as a query. `go
 * mod download` resolves it (`v1.1` to the newest v1.1.x) and rewrites go.mod; a read-only build
 * stops ("updates to go.mod needed"), but in a workspace Go resolves it and builds. The walk asks
 * what resolves the query (the @v/list, then the .info of the version it picks), then walks the
 * build as Go reads the rewritten go.mod. The real go command is the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { AnnotationProperties } from '@actions/core'
import { annotateBuild } from '../../src/action/build-log.js'
import type { ActionLog } from '../../src/action/log.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { buildJson, buildText } from '../../src/report/build.js'
import { jsonReport } from '../../src/report/json.js'
import { loadReportValidator } from '../report/validator.js'
import type { RunResult } from '../../src/validate.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, type GoScratch } from '../world/goproxy-dir.js'
import { goSumLines, type ModuleVersion } from '../world/modules.js'
import { tamperedCopy } from '../world/tamper.js'
import {
  GO_TIMEOUT_MS,
  goFailures,
  moduleOf,
  outcomes,
  validateBuild,
  writeFiles,
  writeProxies
} from './graph-world.js'

describe('a go.mod version the go command reads as a query', () => {
  let scratch: GoScratch
  let getter: HttpGetter
  /** Requires example.com/a v1.1; its go.sum names v1.1.3, the version the query picks. */
  let app: string
  /** The same, its go.sum naming v1.1.0 (written before v1.1.3 was out). */
  let stale: string
  /** A workspace whose module requires example.com/a v1.1, with the same stale go.sum. */
  let workspace: string
  /** Apps requiring example.com/a at other queries, by query; and builds where more decides. */
  const queries: [string, string][] = []
  const proxies = {
    right: '',
    'no-v1.1.0': '',
    'bad-v1.1.3-zip': '',
    'no-list': '',
    'no-v1.1.3-zip': '',
    'no-v1.2.0-zip': ''
  }

  beforeAll(async () => {
    const a0 = await moduleOf('example.com/a', '1.21', [], 'v1.1.0')
    const a3 = await moduleOf('example.com/a', '1.21', [], 'v1.1.3')
    // What the candidates are probed with, served by every proxy: the build decides the rest.
    const probe = await moduleOf('example.com/probe', '1.21')
    // b requires a higher a than the query picks: the module graph, not the query, decides.
    const a20 = await moduleOf('example.com/a', '1.21', [], 'v1.2.0')
    const b = await moduleOf('example.com/b', '1.21', [a20])
    // Only a pseudo-version, and no @latest: `latest` takes the newest the list names.
    const pseudo = await moduleOf('example.com/p', '1.21', [], 'v0.0.0-20240101000000-abcdefabcdef')
    scratch = await makeGoScratch()
    const serve: Record<keyof typeof proxies, ModuleVersion[]> = {
      right: [a0, a3],
      'no-v1.1.0': [a3],
      'bad-v1.1.3-zip': [a0, await tamperedCopy(a3, 'zip')],
      // Every file, but no @v/list: the query cannot be resolved there.
      'no-list': [a0, a3],
      'no-v1.1.3-zip': [a0, a3],
      'no-v1.2.0-zip': [a0, a3]
    }
    for (const modules of Object.values(serve)) modules.push(probe, a20, b, pseudo)
    Object.assign(proxies, await writeProxies(scratch.proxyDir, serve))
    await rm(join(scratch.proxyDir, 'no-list/example.com/a/@v/list'))
    await rm(join(scratch.proxyDir, 'no-v1.1.3-zip/example.com/a/@v/v1.1.3.zip'))
    await rm(join(scratch.proxyDir, 'no-v1.2.0-zip/example.com/a/@v/v1.2.0.zip'))
    const module = (goSum: string, query = 'v1.1') => ({
      'go.mod': `module example.com/app\n\ngo 1.21\n\nrequire example.com/a ${query}\n`,
      'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n',
      'go.sum': goSum
    })
    app = join(scratch.proxyDir, '..', 'app')
    await writeFiles(app, module(goSumLines([a3])))
    stale = join(scratch.proxyDir, '..', 'stale')
    await writeFiles(stale, module(goSumLines([a0])))
    // Queries Go takes in a go.mod too: the newest release, and the lowest at or above a bound.
    for (const query of ['latest', '>=v1.1.0']) {
      const dir = join(scratch.proxyDir, '..', `query-${queries.length}`)
      await writeFiles(dir, module(goSumLines([a0, a3]), query))
      queries.push([query, dir])
    }
    const raised = join(scratch.proxyDir, '..', 'raised')
    await writeFiles(raised, {
      ...module(goSumLines([a3, a20, b])),
      'go.mod': `module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.1\n\texample.com/b v1.0.0\n)\n`
    })
    queries.push(['raised by b', raised])
    const pseudoOnly = join(scratch.proxyDir, '..', 'pseudo-only')
    await writeFiles(pseudoOnly, {
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/p latest\n',
      'main.go': 'package main\n\nimport _ "example.com/p"\n\nfunc main() {}\n',
      'go.sum': goSumLines([pseudo])
    })
    queries.push(['latest of a pseudo-version', pseudoOnly])
    // Two workspace modules whose queries pick different versions: the graph takes the higher.
    const twoQueries = join(scratch.proxyDir, '..', 'two-queries')
    await writeFiles(join(twoQueries, 'm1'), module(goSumLines([a20]), 'v1.2'))
    await writeFiles(join(twoQueries, 'm2'), {
      ...module(goSumLines([a3])),
      'go.mod': 'module example.com/m2\n\ngo 1.21\n\nrequire example.com/a v1.1\n'
    })
    await writeFiles(twoQueries, { 'go.work': 'go 1.21\n\nuse (\n\t./m1\n\t./m2\n)\n' })
    queries.push(['two queries in a workspace', twoQueries])
    workspace = join(scratch.proxyDir, '..', 'workspace')
    await writeFiles(join(workspace, 'm'), module(goSumLines([a0])))
    await writeFiles(workspace, { 'go.work': 'go 1.21\n\nuse ./m\n' })
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await scratch.remove()
  })

  function run(proxy: keyof typeof proxies, dir = app): Promise<RunResult> {
    return validateBuild(
      proxies[proxy],
      { workingDirectory: dir },
      'example.com/probe@v1.0.0',
      getter,
      {
        checks: 'full'
      }
    )
  }

  it('resolves the query as Go does, walks the version it picks, and says why', async () => {
    const result = await run('right')
    expect(outcomes(result)).toEqual({
      'example.com/a@v1.1 query': 'served',
      'example.com/a@v1.1.3 mod': 'served',
      'example.com/a@v1.1.3 zip': 'served'
    })
    expect(result.build.queried).toEqual([
      {
        file: join(app, 'go.mod'),
        line: 5,
        verb: 'require',
        path: 'example.com/a',
        version: 'v1.1'
      }
    ])
    expect(buildText(result).join('\n')).toContain(
      `${join(app, 'go.mod')}:5 spells example.com/a v1.1 as no canonical version, which the go command reads as a query`
    )
    const validator = await loadReportValidator()
    expect(validator.problems(jsonReport(result, {}))).toEqual([])
    expect(buildJson(result)).toMatchObject({
      queried: [
        {
          file: join(app, 'go.mod'),
          line: 5,
          path: 'example.com/a',
          version: 'v1.1'
        }
      ]
    })
    const annotations: { level: string; where: AnnotationProperties }[] = []
    const log = {
      annotate: (level: string, _message: string, where: AnnotationProperties) =>
        annotations.push({ level, where })
    } as unknown as ActionLog
    annotateBuild(result, log, app)
    expect(annotations).toEqual([
      {
        level: 'warning',
        where: {
          title: 'validate-goproxy: go.mod needs `go mod tidy`',
          file: 'go.mod',
          startLine: 5
        }
      }
    ])
  })

  /** Queries the go command refuses before it asks any proxy, each in a go.mod of its own. */
  const REFUSED = [
    ['patch', 'no existing version is required'],
    ['>v1.1', 'ambiguous semantic version "v1.1" in range ">v1.1"']
  ]
  const refusedApp = async (query: string): Promise<string> => {
    const dir = join(scratch.proxyDir, '..', `refused-${query.length}`)
    await writeFiles(dir, {
      'go.mod': `module example.com/app\n\ngo 1.21\n\nrequire example.com/a ${query}\n`
    })
    return dir
  }

  it('refuses, naming the line, a go.mod whose query the go command refuses before asking', async () => {
    for (const [query, problem] of REFUSED) {
      const dir = await refusedApp(query)
      await expect(run('right', dir)).rejects.toThrow(
        `Invalid input 'go-sum': ${JSON.stringify(join(dir, 'go.mod'))} line 5: example.com/a ${query}: ${problem}, so the go command refuses it`
      )
    }
  })

  itWithGo('agrees with the go command, which refuses those go.mod files', async () => {
    for (const [query] of REFUSED) {
      const failed = await goFailures(await refusedApp(query), proxies.right, [['mod', 'download']])
      expect({ query, failed }).toEqual({ query, failed: ['mod download'] })
    }
  })

  it('ends at a query no proxy resolves, as the go command does, blaming nothing else', async () => {
    const result = await run('no-list')
    expect(result.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      'example.com/a@v1.1'
    ])
    expect(Object.keys(outcomes(result))).toEqual(['example.com/a@v1.1 query'])
  })

  it('walks the version the query resolves to when no go.sum line names it, no other', async () => {
    expect(outcomes(await run('right', stale))).toEqual({
      'example.com/a@v1.1 query': 'served',
      'example.com/a@v1.1.0 mod': 'not-fetched',
      'example.com/a@v1.1.0 zip': 'not-fetched',
      'example.com/a@v1.1.3 mod': 'served',
      'example.com/a@v1.1.3 zip': 'served'
    })
  })

  itWithGo(
    'agrees with go mod download on each proxy',
    async () => {
      for (const [name, dir] of [
        ['app', app],
        ['stale', stale],
        ['workspace', workspace],
        ...queries
      ]) {
        for (const proxy of Object.keys(proxies) as (keyof typeof proxies)[]) {
          const failed = await goFailures(dir, proxies[proxy], [['mod', 'download']])
          const red = (await run(proxy, dir)).selection.goproxy === undefined
          // The one known difference, on the safe side: b raises a past the version its query
          // picks, which leaves a pruned graph Go reloads and the walk does not follow, so every
          // go.sum line counts, the zip of v1.1.3 too, which Go then never fetches.
          const stricter = name === 'raised by b' && proxy.endsWith('v1.1.3-zip')
          expect({ name, proxy, red }).toEqual({ name, proxy, red: failed.length > 0 || stricter })
        }
      }
      // A read-only build stops whatever the proxy serves, as the summary says; in a workspace
      // Go resolves the query and builds.
      const built = await goFailures(app, proxies.right, [['build', '-mod=readonly', '.']])
      expect(built).toEqual(['build -mod=readonly .'])
      expect(await goFailures(workspace, proxies.right, [['build', './m']])).toEqual([])
    },
    15 * GO_TIMEOUT_MS
  )
})
