/**
 * Quiet at scale: a go.sum of hundreds of module versions, checked against proxies that each
 * answer every request, at a low and a high concurrency, print no Node warning (a MaxListenersExceeded
 * warning once came from one abort listener per queued request on a candidate's shared signal).
 * The CLI runs as its own process with Node's warnings on, so any warning would reach stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildModule, goSumLines, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runBounded } from '../world/spawn.js'

const VERSIONS = 500
const TSX = resolve('node_modules/.bin/tsx')
const CLI = resolve('src/cli.ts')

let dir: string
let world: ProxyWorld
let modules: ModuleVersion[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-quiet-'))
  modules = await Promise.all(
    Array.from({ length: VERSIONS }, (_, i) =>
      buildModule(`example.com/many/m${i}`, 'v1.0.0', { 'm.go': `package m${i}\n` })
    )
  )
  world = await startProxyWorld(modules, [
    { name: 'one', fault: 'healthy' },
    { name: 'two', fault: 'healthy' }
  ])
  await writeFile(join(dir, 'go.sum'), goSumLines(modules))
})

afterAll(async () => {
  await world.close()
  await rm(dir, { recursive: true, force: true })
})

/** Runs the CLI with an environment of our own: no NODE_OPTIONS or NODE_NO_WARNINGS from jest. */
function runCli(args: string[]) {
  const env = { PATH: process.env.PATH, HOME: dir, NETRC: join(dir, 'no-netrc') }
  return runBounded(TSX, [CLI, ...args], { env, cwd: dir, killAfterMs: 240_000 })
}

describe('a go.sum of hundreds of module versions', () => {
  it.each(['8', '256'])(
    'prints no Node warning at concurrency %s',
    async concurrency => {
      world.resetCounts()
      const run = await runCli([
        '--proxies',
        `${world.url('one')},${world.url('two')}`,
        '--probe-modules',
        'example.com/many/m0@v1.0.0',
        '--go-sum',
        join(dir, 'go.sum'),
        '--checks',
        'full',
        '--gosumdb',
        'off',
        '--cache',
        'false',
        '--concurrency',
        concurrency,
        '--timeout',
        '60',
        '--format',
        'json'
      ])
      const warnings = run.stderr.split('\n').filter(line => /Warning|MaxListeners/.test(line))
      // The whole stderr only when the run failed: it says why.
      const failure = run.code === 0 ? {} : { stderr: run.stderr }
      expect({ code: run.code, timedOut: run.timedOut, warnings, ...failure }).toEqual({
        code: 0,
        timedOut: false,
        warnings: []
      })
      // Every version of the go.sum was asked for: the scale was real.
      expect(world.totalRequests()).toBeGreaterThanOrEqual(VERSIONS)
    },
    300_000
  )
})
