/**
 * A module replaced by a directory, as monorepos replace their siblings: Go reads its go.mod from
 * disk, fetching nothing for it, and follows the graph from there like any other go.mod.
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals'
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

describe('a module replaced by a directory', () => {
  let dir: string
  let scratch: GoScratch
  let getter: HttpGetter
  let proxy: string

  beforeAll(async () => {
    // app requires sibling, replaced by ./sibling, whose go.mod (go 1.16: unpruned) requires old;
    // old requires deep. Go loads old's and deep's go.mod, fetches old's zip (a requirement of
    // app too), and nothing of stale, which go.sum still lists. The proxy lacks stale.
    const deep = await moduleOf('example.com/deep', '1.21')
    const old = await moduleOf('example.com/old', '1.16', [deep])
    const stale = await moduleOf('example.com/stale', '1.21')
    scratch = await makeGoScratch()
    await writeProxyTree(scratch.proxyDir, [deep, old])
    proxy = pathToFileURL(scratch.proxyDir).href
    dir = await mkdtemp(join(tmpdir(), 'vgp-local-replace-'))
    const files: Record<string, string> = {
      'go.mod': [
        'module example.com/app\n\ngo 1.21\n',
        'require (\n\texample.com/old v1.0.0\n\texample.com/sibling v0.0.0\n)\n',
        'replace example.com/sibling => ./sibling\n'
      ].join('\n'),
      'go.sum': goSumLines([old, deep, stale]),
      'main.go': 'package main\n\nimport _ "example.com/sibling"\n\nfunc main() {}\n',
      'sibling/go.mod': 'module example.com/sibling\n\ngo 1.16\n\nrequire example.com/old v1.0.0\n',
      'sibling/sibling.go': 'package sibling\n\nimport _ "example.com/old"\n'
    }
    await writeFiles(dir, files)
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await Promise.all([scratch.remove(), rm(dir, { recursive: true, force: true })])
  })

  itWithGo(
    'is read from disk: the graph goes on below it, and the go command agrees',
    async () => {
      const result = await validateBuild(
        proxy,
        { goSum: join(dir, 'go.sum') },
        'example.com/old@v1.0.0',
        getter
      )
      expect(outcomes(result)).toEqual({
        'example.com/old@v1.0.0 mod': 'served',
        'example.com/old@v1.0.0 zip': 'served',
        'example.com/deep@v1.0.0 mod': 'served',
        'example.com/deep@v1.0.0 zip': 'not-fetched',
        'example.com/stale@v1.0.0 mod': 'not-fetched',
        'example.com/stale@v1.0.0 zip': 'not-fetched'
      })
      const commands = [
        ['mod', 'download'],
        ['build', './...']
      ]
      expect(await goFailures(dir, proxy, commands)).toEqual([])
    },
    4 * GO_TIMEOUT_MS
  )
})
