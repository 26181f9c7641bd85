/**
 * A main module's go.mod that spells a version so that it is not canonical (`require a v1.1`, as
 * hand edits and old tools leave it): the go command reads it as a query. `go mod download`
 * resolves it to the newest v1.1.x and rewrites go.mod; a read-only build stops ("updates to
 * go.mod needed"). The walk cannot know what the query picks, so it follows no graph from that
 * go.mod and asks every go.sum line, and says why. The real go command is the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import type { AnnotationProperties } from '@actions/core'
import { annotateBuild } from '../../src/action/build-log.js'
import type { ActionLog } from '../../src/action/log.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { buildJson, buildText } from '../../src/report/build.js'
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
  const proxies = { right: '', 'no-v1.1.0': '', 'bad-v1.1.3-zip': '' }

  beforeAll(async () => {
    const a0 = await moduleOf('example.com/a', '1.21', [], 'v1.1.0')
    const a3 = await moduleOf('example.com/a', '1.21', [], 'v1.1.3')
    scratch = await makeGoScratch()
    const serve: Record<keyof typeof proxies, ModuleVersion[]> = {
      right: [a0, a3],
      'no-v1.1.0': [a3],
      'bad-v1.1.3-zip': [a0, await tamperedCopy(a3, 'zip')]
    }
    Object.assign(proxies, await writeProxies(scratch.proxyDir, serve))
    app = join(scratch.proxyDir, '..', 'app')
    await writeFiles(app, {
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.1\n',
      'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n',
      'go.sum': goSumLines([a3])
    })
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await scratch.remove()
  })

  function run(proxy: keyof typeof proxies): Promise<RunResult> {
    return validateBuild(
      proxies[proxy],
      { workingDirectory: app },
      'example.com/a@v1.1.3',
      getter,
      { checks: 'full' }
    )
  }

  it('asks every go.sum line, not the version the text seems to name, and says why', async () => {
    const result = await run('right')
    expect(outcomes(result)).toEqual({
      'example.com/a@v1.1.3 mod': 'served',
      'example.com/a@v1.1.3 zip': 'served'
    })
    expect(result.build.queried).toEqual([
      { file: join(app, 'go.mod'), line: 5, path: 'example.com/a', version: 'v1.1' }
    ])
    expect(buildText(result).join('\n')).toContain(
      `${join(app, 'go.mod')}:5 spells example.com/a v1.1 as no canonical version, which the go command reads as a query`
    )
    expect(buildJson(result)).toMatchObject({
      queried: [{ file: join(app, 'go.mod'), line: 5, path: 'example.com/a', version: 'v1.1' }]
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

  itWithGo(
    'agrees with go mod download on each proxy',
    async () => {
      for (const proxy of Object.keys(proxies) as (keyof typeof proxies)[]) {
        const failed = await goFailures(app, proxies[proxy], [['mod', 'download']])
        const red = (await run(proxy)).selection.goproxy === undefined
        expect({ proxy, red }).toEqual({ proxy, red: failed.length > 0 })
      }
      // A read-only build stops whatever the proxy serves, as the summary says.
      const built = await goFailures(app, proxies.right, [['build', '-mod=readonly', '.']])
      expect(built).toEqual(['build -mod=readonly .'])
    },
    4 * GO_TIMEOUT_MS
  )
})
