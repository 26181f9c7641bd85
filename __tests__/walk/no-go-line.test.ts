/**
 * A main go.mod without a `go` line (as old projects have: viper v1.3.2). `go mod download` first
 * adds a go line and prunes (modload's addGoStmt, convertPruning), then fetches only the zips of
 * the paths go.mod requires; a build must be allowed to write go.mod (-mod=mod: Go 1.26 refuses
 * it read-only, "updates to go.mod needed") and fetches the zips of the packages it builds.
 * Neither fetches the zip of a module the graph reaches only through a dependency's requirements,
 * with no zip line in go.sum (a test-only dependency of a dependency), so a proxy without it
 * serves this build; one without a required zip does not.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { itWithGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { goSumLines } from '../world/modules.js'
import { GO_TIMEOUT_MS, goFailures, moduleOf, outcomes, validateBuild } from './graph-world.js'

describe('a main module whose go.mod has no go line', () => {
  let dir: string
  let scratch: GoScratch
  let getter: HttpGetter
  const proxies: Record<'no-c-zip' | 'no-a-zip', string> = { 'no-c-zip': '', 'no-a-zip': '' }

  beforeAll(async () => {
    // a (go 1.16) requires c, whose package a does not import: c's go.mod is in the graph, and
    // go.sum has only its go.mod line.
    const c = await moduleOf('example.com/c', '1.21')
    const a = await moduleOf('example.com/a', '1.16', [c])
    scratch = await makeGoScratch()
    for (const [name, lacks] of [
      ['no-c-zip', c],
      ['no-a-zip', a]
    ] as const) {
      const tree = join(scratch.proxyDir, name)
      await writeProxyTree(tree, [a, c])
      await rm(join(tree, lacks.path, '@v', `${lacks.version}.zip`))
      proxies[name] = pathToFileURL(tree).href
    }
    dir = await mkdtemp(join(tmpdir(), 'vgp-no-go-line-'))
    const cZipLine = `${c.path} ${c.version} ${c.zipHash}\n`
    await writeFile(join(dir, 'go.sum'), goSumLines([a, c]).replace(cZipLine, ''))
    await writeFile(
      join(dir, 'go.mod'),
      `module example.com/app\n\nrequire ${a.path} ${a.version}\n`
    )
    await writeFile(
      join(dir, 'main.go'),
      `package main\n\nimport _ "${a.path}"\n\nfunc main() {}\n`
    )
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([scratch.remove(), rm(dir, { recursive: true, force: true })])
  })

  const run = (proxy: keyof typeof proxies) =>
    validateBuild(proxies[proxy], { goSum: join(dir, 'go.sum') }, 'example.com/a@v1.0.0', getter)

  it('asks for the zips of its requirements and of what go.sum lists, not the others', async () => {
    const served = await run('no-c-zip')
    expect(outcomes(served)).toEqual({
      'example.com/a@v1.0.0 mod': 'served',
      'example.com/a@v1.0.0 zip': 'served',
      'example.com/c@v1.0.0 mod': 'served'
    })
    expect(served.build.unresolved).toEqual([])
    const lacking = await run('no-a-zip')
    expect(lacking.build.unresolved.map(m => `${m.module.path}@${m.module.version}`)).toEqual([
      'example.com/a@v1.0.0'
    ])
  })

  itWithGo(
    'agrees with the go command: go mod download and go build -mod=mod need a zip of a, not of c',
    async () => {
      // Each command on its own copy: go mod download may write the go line it adds.
      const failures = async (proxy: keyof typeof proxies) => [
        ...(await goFailures(dir, proxies[proxy], [['mod', 'download']])),
        ...(await goFailures(dir, proxies[proxy], [['build', './...']], '.', {
          GOFLAGS: '-modcacherw -mod=mod'
        }))
      ]
      expect(await failures('no-c-zip')).toEqual([])
      expect(await failures('no-a-zip')).toEqual(['mod download', 'build ./...'])
    },
    4 * GO_TIMEOUT_MS
  )
})
