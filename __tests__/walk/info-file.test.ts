/**
 * `go mod download` reads each module's .info before the .mod and zip it fetches (DownloadModule),
 * so a proxy that lacks it fails the download though it serves every go.sum line; a later entry
 * of the chain that has it serves it, as the go command moves on from a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { buildText } from '../../src/report/build.js'
import { itWithGo } from '../world/go.js'
import { writeProxyTree } from '../world/goproxy-dir.js'
import { goSumLines, type ModuleVersion } from '../world/modules.js'
import { goFailures, moduleOf, outcomes, validateBuild, writeFiles } from './graph-world.js'

describe("a build module's .info", () => {
  let root: string
  let app: string
  let full: string
  let noInfo: string
  let dep: ModuleVersion
  let getter: HttpGetter

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vgp-info-'))
    dep = await moduleOf('example.com/dep', '1.21')
    const probe = await moduleOf('example.com/probe', '1.21')
    await writeProxyTree(join(root, 'full'), [dep, probe])
    await writeProxyTree(join(root, 'no-info'), [dep, probe])
    await rm(join(root, 'no-info', 'example.com', 'dep', '@v', 'v1.0.0.info'))
    full = pathToFileURL(join(root, 'full')).href
    noInfo = pathToFileURL(join(root, 'no-info')).href
    app = join(root, 'app')
    await writeFiles(app, {
      'go.mod': `module example.com/app\n\ngo 1.21\n\nrequire example.com/dep v1.0.0\n`,
      'go.sum': goSumLines([dep]),
      'main.go': 'package main\n\nimport _ "example.com/dep"\n\nfunc main() {}\n'
    })
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await rm(root, { recursive: true, force: true })
  })

  const run = (proxies: string, inputs: Record<string, string> = {}) =>
    validateBuild(proxies, { workingDirectory: app }, 'example.com/probe@v1.0.0', getter, inputs)

  it('fails the step when the only proxy lacks it, though it serves .mod and zip', async () => {
    const result = await run(noInfo)
    expect(outcomes(result)).toEqual({
      'example.com/dep@v1.0.0 mod': 'served',
      'example.com/dep@v1.0.0 zip': 'served (.info unresolved)'
    })
    expect(result.build.unresolved.map(m => m.module.path)).toEqual(['example.com/dep'])
  })

  it('is served by a later entry after a 404, as the go command moves on', async () => {
    const result = await run(`${noInfo},${full}`)
    expect(result.build.unresolved).toEqual([])
    const [module] = result.build.modules
    expect(module.files.map(f => `${f.file} ${f.servedBy?.display}`)).toEqual([
      `mod ${noInfo}`,
      `info ${full}`,
      `zip ${noInfo}`
    ])
  })

  it('is asked with checks: quick too, which asks no zip, as the summary says', async () => {
    const result = await run(noInfo, { checks: 'quick' })
    const [module] = result.build.modules
    expect(module.files.map(f => `${f.file} ${f.outcome}`)).toEqual([
      'mod served',
      'info unresolved'
    ])
    expect(buildText(result)[0]).toContain(
      '(with `checks: quick`, their .mod and .info but no zip)'
    )
  })

  it('walks a module once when go.sum has its zip line but not its go.mod line', async () => {
    const zipOnly = join(root, 'zip-only')
    await writeFiles(zipOnly, {
      'go.mod': `module example.com/app\n\ngo 1.21\n\nrequire example.com/dep v1.0.0\n`,
      'go.sum': `example.com/dep v1.0.0 ${dep.zipHash}\n`
    })
    const result = await validateBuild(
      full,
      { workingDirectory: zipOnly },
      'example.com/probe@v1.0.0',
      getter
    )
    expect(outcomes(result)).toEqual({
      'example.com/dep@v1.0.0 mod': 'served',
      'example.com/dep@v1.0.0 zip': 'served'
    })
    expect(result.build.modules).toHaveLength(1)
  })

  itWithGo('agrees with the go command: go mod download needs it, go build does not', async () => {
    const download = ['mod', 'download']
    const build = ['build', './...']
    expect(await goFailures(app, noInfo, [download])).toEqual(['mod download'])
    expect(await goFailures(app, noInfo, [build])).toEqual([])
    expect(await goFailures(app, `${noInfo},${full}`, [download, build])).toEqual([])
  })
})
