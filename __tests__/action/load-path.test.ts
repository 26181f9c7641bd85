// What the bundled action loads. An input error fails the step before the engine, the Actions
// cache or the network are loaded, and @actions/core's own imports of @actions/exec and
// @actions/http-client (for core.platform and getIDToken, never called) go through the bundle's
// stand-ins (script/lazy/), which load the real package at its first use. A run over plain http
// with no proxy variable loads neither TLS nor child processes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runAction, type RunOptions } from '../world/runner.js'

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

describe('what the bundled action loads', () => {
  let dir: string
  let world: ProxyWorld
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vgp-load-path-'))
    world = await startProxyWorld(await standardModules(), [{ name: 'good', fault: 'healthy' }])
  })
  afterAll(async () => {
    await Promise.all([world.close(), rm(dir, { recursive: true, force: true })])
  })

  /** Runs the bundled action and reads Node's list of the built-in modules it loaded. */
  async function runRecording(inputs: Record<string, string>, env: RunOptions['env'] = {}) {
    const listFile = join(dir, 'loaded.txt')
    const preload = join(dir, 'record-loaded.cjs')
    await writeFile(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, process.moduleLoadList.join('\\n')))\n`
    )
    const run = await runAction(inputs, { env: { NODE_OPTIONS: `--require=${preload}`, ...env } })
    return { run, loaded: (await readFile(listFile, 'utf8')).split('\n') }
  }

  it('fails the step on an input error without loading the network, child processes or compression', async () => {
    const { run, loaded } = await runRecording({ proxies: 'https://proxy.example', timeout: 'abc' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::Invalid input 'timeout'`)
    expect(loaded).toContain('NativeModule fs')
    for (const name of ['http', 'https', 'tls', 'child_process', 'zlib']) {
      expect(loaded).not.toContain(`NativeModule ${name}`)
    }
  })

  const healthy = () => ({
    proxies: world.url('good'),
    'probe-modules': 'example.com/hello',
    cache: 'false',
    timeout: '10'
  })

  it('probes a proxy over plain http without loading TLS, child processes or zip reading', async () => {
    const { run, loaded } = await runRecording(healthy())
    expect(run.code).toBe(0)
    expect(run.outputs.healthy).toBe('true')
    expect(loaded).toContain('NativeModule http')
    // checks: standard reads no zip, and the proxy sends no gzip: zlib stays unloaded too.
    for (const name of ['https', 'tls', 'child_process', 'zlib']) {
      expect(loaded).not.toContain(`NativeModule ${name}`)
    }
  })

  it('goes through @actions/http-client (and its tunnel) when a proxy variable applies', async () => {
    // The client itself keeps a loopback URL off the proxy; that the variable is set is enough
    // for the client (and tunnel, and tls with it) to be loaded and asked.
    const { run, loaded } = await runRecording(healthy(), { HTTP_PROXY: 'http://127.0.0.1:9' })
    expect(run.code).toBe(0)
    expect(run.outputs.healthy).toBe('true')
    expect(loaded).toContain('NativeModule tls')
  })
})
