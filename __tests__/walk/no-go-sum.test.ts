/**
 * A module whose go.mod requires others but has no go.sum yet (a new module, or one whose go.sum
 * is not committed): `go mod download` follows the module graph from go.mod alone and checks
 * every file against the checksum database before it writes go.sum, and a read-only build stops
 * at the first "missing go.sum entry". The walk follows the same graph, and says so. The real go
 * command is the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { buildJson, buildText } from '../../src/report/build.js'
import { annotateBuild } from '../../src/action/build-log.js'
import type { ActionLog } from '../../src/action/log.js'
import type { AnnotationProperties } from '@actions/core'
import type { RunResult } from '../../src/validate.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, type GoScratch } from '../world/goproxy-dir.js'
import type { ModuleVersion } from '../world/modules.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
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

const PROBE = 'example.com/a@v1.0.0'

describe('a module with requirements and no go.sum', () => {
  let scratch: GoScratch
  let getter: HttpGetter
  let db: SumdbWorld
  /** go 1.16 (unpruned) and go 1.21 (pruned) main modules requiring a, which requires c. */
  const apps = { unpruned: '', pruned: '' }
  const proxies = { right: '', 'bad-c-mod': '', 'bad-c-zip': '' }

  beforeAll(async () => {
    const c = await moduleOf('example.com/c', '1.21')
    const a = await moduleOf('example.com/a', '1.21', [c])
    scratch = await makeGoScratch()
    const serve: Record<keyof typeof proxies, ModuleVersion[]> = {
      right: [a, c],
      'bad-c-mod': [a, await tamperedCopy(c, 'mod')],
      'bad-c-zip': [a, await tamperedCopy(c, 'zip')]
    }
    Object.assign(proxies, await writeProxies(scratch.proxyDir, serve))
    db = await startSumdb([a, c])
    for (const [name, go] of [
      ['unpruned', '1.16'],
      ['pruned', '1.21']
    ] as const) {
      apps[name] = join(scratch.proxyDir, '..', name)
      const indirect = go === '1.21' ? `require ${c.path} ${c.version} // indirect\n` : ''
      await writeFiles(apps[name], {
        'go.mod': `module example.com/app\n\ngo ${go}\n\nrequire ${a.path} ${a.version}\n${indirect}`,
        'main.go': `package main\n\nimport _ "${a.path}"\n\nfunc main() {}\n`
      })
    }
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([db.close(), scratch.remove()])
  })

  const gosumdb = () => `${db.verifierKey} ${db.url}`
  function run(app: keyof typeof apps, proxy: keyof typeof proxies): Promise<RunResult> {
    return validateBuild(proxies[proxy], { workingDirectory: apps[app] }, PROBE, getter, {
      gosumdb: gosumdb(),
      checks: 'full'
    })
  }

  it('walks the module graph from go.mod and says go.sum is missing', async () => {
    for (const app of ['unpruned', 'pruned'] as const) {
      const result = await run(app, 'right')
      expect({ app, outcomes: outcomes(result) }).toEqual({
        app,
        outcomes: {
          'example.com/a@v1.0.0 mod': 'served',
          'example.com/a@v1.0.0 zip': 'served',
          'example.com/c@v1.0.0 mod': 'served',
          'example.com/c@v1.0.0 zip': 'served'
        }
      })
      expect(result.reports[0].verdict).toBe('healthy')
      expect(buildText(result).join('\n')).toContain(
        `${join(apps[app], 'go.mod')} has no go.sum beside it`
      )
      expect(buildJson(result)).toMatchObject({ missingGoSum: join(apps[app], 'go.sum') })
      const annotations: { message: string; where: AnnotationProperties }[] = []
      const log = {
        annotate: (_level: string, message: string, where: AnnotationProperties) =>
          annotations.push({ message, where })
      } as unknown as ActionLog
      annotateBuild(result, log, apps[app])
      expect(annotations).toEqual([
        {
          message: expect.stringContaining('stops at "missing go.sum entry"'),
          where: { title: 'validate-goproxy: go.mod has no go.sum', file: 'go.mod' }
        }
      ])
    }
  })

  it('says nothing of a go.sum for a go.mod that requires nothing', async () => {
    const bare = join(scratch.proxyDir, '..', 'bare')
    await writeFiles(bare, { 'go.mod': 'module example.com/bare\n\ngo 1.21\n' })
    const result = await validateBuild(proxies.right, { workingDirectory: bare }, PROBE, getter)
    expect(buildJson(result)).toMatchObject({ missingGoSum: null })
    expect(buildText(result).join('\n')).not.toContain('go.sum beside it')
  })

  it('fails a proxy that serves a file of the graph tampered', async () => {
    for (const proxy of ['bad-c-mod', 'bad-c-zip'] as const) {
      const result = await run('pruned', proxy)
      expect({ proxy, verdict: result.reports[0].verdict }).toEqual({ proxy, verdict: 'tampered' })
      expect(result.selection.goproxy).toBeUndefined()
    }
  })

  itWithGo(
    'agrees with go mod download on each proxy',
    async () => {
      for (const app of ['unpruned', 'pruned'] as const) {
        for (const proxy of Object.keys(proxies) as (keyof typeof proxies)[]) {
          const failed = await goFailures(apps[app], proxies[proxy], [['mod', 'download']], '.', {
            GOSUMDB: gosumdb()
          })
          const red = (await run(app, proxy)).selection.goproxy === undefined
          expect({ app, proxy, red }).toEqual({ app, proxy, red: failed.length > 0 })
        }
      }
    },
    6 * GO_TIMEOUT_MS
  )
})
