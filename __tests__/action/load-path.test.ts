// What the bundled action loads. An input error fails the step before the engine, the Actions
// cache or the network are loaded, and @actions/core's own imports of @actions/exec and
// @actions/http-client (for core.platform and getIDToken, never called) go through the bundle's
// stand-ins (script/lazy/), which load the real package at its first use.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../world/runner.js'

type LazyNamespace = <T extends object>(load: () => T) => T
const lazyNamespace = createRequire(import.meta.url)(
  '../../script/lazy/namespace.js'
) as LazyNamespace

describe('a stand-in for a package', () => {
  it('loads the package once, at the first look at any of its exports', () => {
    let loads = 0
    const exports = lazyNamespace(() => {
      loads++
      return { answer: 42, twice: (n: number) => 2 * n }
    })
    expect(loads).toBe(0)
    expect(exports.twice(exports.answer)).toBe(84)
    expect(loads).toBe(1)
  })

  it('shows the exports as the package has them', () => {
    class Kind {}
    const exports = lazyNamespace(() => ({ Kind, name: 'x' }))
    expect('Kind' in exports).toBe(true)
    expect(Object.keys(exports)).toEqual(['Kind', 'name'])
    expect({ ...exports }).toEqual({ Kind, name: 'x' })
    expect(new exports.Kind()).toBeInstanceOf(Kind)
  })
})

describe('the bundled action on an input error', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vgp-load-path-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('fails the step without loading the network, child processes or compression', async () => {
    // Node's own list of the built-in modules the process loaded, written as it exits.
    const listFile = join(dir, 'loaded.txt')
    const preload = join(dir, 'record-loaded.cjs')
    await writeFile(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, process.moduleLoadList.join('\\n')))\n`
    )
    const run = await runAction(
      { proxies: 'https://proxy.example', timeout: 'abc' },
      { env: { NODE_OPTIONS: `--require=${preload}` } }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::Invalid input 'timeout'`)
    const loaded = (await readFile(listFile, 'utf8')).split('\n')
    expect(loaded).toContain('NativeModule fs')
    for (const name of ['http', 'https', 'tls', 'child_process', 'zlib']) {
      expect(loaded).not.toContain(`NativeModule ${name}`)
    }
  })
})
