/**
 * GOFLAGS=-modfile=tools.mod (a second set of requirements, as for tools): the go command reads
 * that file (relative to where it runs) instead of go.mod, and tools.sum beside it, for the
 * build's requirements; the toolchain it switches to, the module root, vendor/ and replacement
 * directories stay with go.mod, and a workspace, or no go.mod at all, refuses the flag. The real
 * go command is the judge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, type GoScratch } from '../world/goproxy-dir.js'
import { quietLog } from '../world/log.js'
import { goSumLines, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { tamperedCopy } from '../world/tamper.js'
import {
  GO_TIMEOUT_MS,
  goFailures,
  moduleOf,
  outcomes,
  writeFiles,
  writeProxies
} from './graph-world.js'

describe('GOFLAGS -modfile', () => {
  let scratch: GoScratch
  let getter: HttpGetter
  /** go.mod requires nothing; tools/tools.mod requires a (which requires c), tools.sum names both. */
  let app: string
  const proxies = { right: '', 'bad-c-mod': '', 'bad-a-zip': '' }

  beforeAll(async () => {
    const c = await moduleOf('example.com/c', '1.21')
    const a = await moduleOf('example.com/a', '1.21', [c])
    scratch = await makeGoScratch()
    const serve: Record<keyof typeof proxies, ModuleVersion[]> = {
      right: [a, c],
      'bad-c-mod': [a, await tamperedCopy(c, 'mod')],
      'bad-a-zip': [await tamperedCopy(a, 'zip'), c]
    }
    Object.assign(proxies, await writeProxies(scratch.proxyDir, serve))
    app = join(scratch.proxyDir, '..', 'app')
    const requires = `require (\n\t${a.path} ${a.version}\n\t${c.path} ${c.version} // indirect\n)\n`
    await writeFiles(app, {
      'go.mod': 'module example.com/app\n\ngo 1.21\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      'tools/tools.mod': `module example.com/app\n\ngo 1.21\n\n${requires}`,
      'tools/tools.sum': goSumLines([a, c]),
      'sub/x.go': 'package sub\n'
    })
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await scratch.remove()
  })

  function run(proxy: keyof typeof proxies, where: string, goflags: string): Promise<RunResult> {
    const plan = planOf({
      proxies: proxies[proxy],
      gosumdb: 'off',
      'probe-modules': 'example.com/a@v1.0.0',
      'working-directory': join(app, where),
      checks: 'full',
      timeout: '8',
      retries: '1',
      cache: 'false'
    })
    return validate(
      { ...plan, build: { ...plan.build, goflags } },
      { http: getter.get, clock: systemClock, log: quietLog }
    )
  }

  it('walks the requirements and go.sum of the file it names, relative to the working directory', async () => {
    for (const [where, goflags] of [
      ['.', '-modfile=tools/tools.mod'],
      ['sub', '-mod=mod -modfile=../tools/tools.mod']
    ]) {
      const result = await run('right', where, goflags)
      expect({ where, outcomes: outcomes(result) }).toEqual({
        where,
        outcomes: {
          'example.com/a@v1.0.0 mod': 'served',
          'example.com/a@v1.0.0 zip': 'served',
          'example.com/c@v1.0.0 mod': 'served',
          'example.com/c@v1.0.0 zip': 'served'
        }
      })
      expect(result.build.found.goSumFiles).toEqual([join(app, 'tools/tools.sum')])
      // The toolchain Go switches to comes from go.mod all the same (toolchain/select.go).
      expect(result.build.found.toolchainFiles).toEqual([join(app, 'go.mod')])
    }
    // The last setting wins, and an empty one sets none: go.mod requires nothing.
    const plain = await run('right', '.', '-modfile=tools/tools.mod -modfile=')
    expect(plain.build.modules).toEqual([])
  })

  it('refuses a file without .mod, and the flag in a workspace, as the go command does', async () => {
    await expect(run('right', '.', '-modfile=tools/tools.txt')).rejects.toThrow(
      'Invalid input \'go-sum\': "auto" GOFLAGS sets -modfile=tools/tools.txt: file does not have .mod extension (go fails too)'
    )
    const workspace = join(scratch.proxyDir, '..', 'ws')
    await writeFiles(workspace, { 'go.work': 'go 1.21\n\nuse ../app\n' })
    const plan = planOf({
      proxies: proxies.right,
      gosumdb: 'off',
      'probe-modules': 'example.com/a@v1.0.0',
      'working-directory': workspace,
      cache: 'false'
    })
    const inWorkspace = { ...plan, build: { ...plan.build, goflags: '-modfile=x.mod' } }
    await expect(
      validate(inWorkspace, { http: getter.get, clock: systemClock, log: quietLog })
    ).rejects.toThrow('-modfile cannot be used in workspace mode')
    const noModule = join(scratch.proxyDir, '..', 'no-module')
    await writeFiles(noModule, { 'x.mod': 'module example.com/x\n' })
    const outside = {
      ...plan,
      build: { ...plan.build, workingDirectory: noModule, goflags: '-modfile=x.mod' }
    }
    await expect(
      validate(outside, { http: getter.get, clock: systemClock, log: quietLog })
    ).rejects.toThrow('cannot find main module, but -modfile was set')
  })

  itWithGo(
    'agrees with go mod download through each proxy',
    async () => {
      for (const proxy of Object.keys(proxies) as (keyof typeof proxies)[]) {
        const goflags = '-modcacherw -modfile=tools/tools.mod'
        const failed = await goFailures(app, proxies[proxy], [['mod', 'download']], '.', {
          GOFLAGS: goflags
        })
        const red = (await run(proxy, '.', goflags)).selection.goproxy === undefined
        expect({ proxy, red }).toEqual({ proxy, red: failed.length > 0 })
      }
    },
    4 * GO_TIMEOUT_MS
  )
})
