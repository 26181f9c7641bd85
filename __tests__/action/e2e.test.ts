/**
 * The bundled action run exactly as the runner runs it, against the test world; then the real go
 * command, given the exported environment, downloads a module through it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itThenGo, runGo } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { verdictBesidesSlowness } from '../world/load.js'
import { runAction, type ActionRun } from '../world/runner.js'

const MODULES = 'example.com/hello example.com/Upper/Case@v0.1.0'

describe('the bundled action', () => {
  let world: ProxyWorld

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [
      { name: 'good', fault: 'healthy' },
      { name: 'good2', fault: 'healthy' },
      { name: 'broken', fault: 'status-500' },
      { name: 'portal', fault: 'captive-portal' },
      { name: 'gone', fault: 'status-410' },
      { name: 'hang', fault: 'hang' }
    ])
  })
  afterAll(() => world.close())

  const base = (extra: Record<string, string>) => ({
    'probe-modules': MODULES,
    cache: 'false',
    // The good candidates must answer within it even on a busy machine; `hang` costs this long.
    timeout: '5',
    ...extra
  })

  itThenGo(
    'exports exactly the usable candidates, with the user separators',
    async (): Promise<ActionRun> => {
      const proxies =
        [
          world.url('broken'),
          world.url('good'),
          world.url('portal'),
          world.url('good2'),
          world.url('hang')
        ].join('|') + ',direct'
      const run = await runAction(base({ proxies, checks: 'full' }))
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.exported.GOPROXY).toBe(`${world.url('good')}|${world.url('good2')},direct`)
      expect(run.exported.GOSUMDB).toBe('off')
      expect(run.outputs).toMatchObject({
        healthy: 'true',
        selected: world.url('good'),
        'fallback-used': 'false',
        'cache-hit': 'false'
      })
      expect(run.summary).toContain('| candidate | verdict | latency | checks | reason |')
      expect(run.summary).toMatch(/proxies\[0\] http:\/\/127\.0\.0\.1:\d+\/broken \| ❌ unhealthy/)
      expect(run.stdout).toContain('::group::proxies[1]')
      expect(run.stdout).toMatch(/::warning title=validate-goproxy.*broken is unhealthy::/)
      const report = JSON.parse(await readFile(run.outputs.report, 'utf8'))
      expect(report.schema).toBe('validate-goproxy/report@1')
      // On a busy machine a good candidate may also be slow (degraded); nothing else may differ.
      expect(report.candidates.map(verdictBesidesSlowness)).toEqual([
        'unhealthy',
        'healthy',
        'unhealthy',
        'healthy',
        'unhealthy',
        'skipped'
      ])
      return run
    },
    {
      name: 'go downloads through them',
      test: async run => {
        const work = await mkdtemp(join(tmpdir(), 'vgp-go-'))
        const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
          cwd: work,
          env: {
            GOPROXY: run.exported.GOPROXY,
            GOSUMDB: run.exported.GOSUMDB,
            GOFLAGS: '-modcacherw'
          }
        })
        expect(go.stderr).toBe('')
        expect(JSON.parse(go.stdout)).toMatchObject({
          Path: 'example.com/hello',
          Version: 'v1.1.0'
        })
      }
    }
  )

  it('fails with a clear error and exports nothing when no candidate passes', async () => {
    const run = await runAction(base({ proxies: `${world.url('broken')},${world.url('portal')}` }))
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    expect(run.outputs).toMatchObject({ healthy: 'false', goproxy: '', selected: '' })
    expect(run.stdout).toMatch(/::error::No candidate passed; nothing was exported\./)
  })

  it('falls back to a mirror and says which proxy it replaced', async () => {
    const run = await runAction(
      base({ proxies: world.url('gone'), mirrors: `${world.url('good')},direct` })
    )
    expect(run.code).toBe(0)
    expect(run.exported.GOPROXY).toBe(`${world.url('good')},direct`)
    expect(run.outputs['fallback-used']).toBe('true')
    expect(run.summary).toContain(
      `${world.url('gone')} failed (GET ${world.url('gone')}/example.com/hello/@v/list → 410 not found`
    )
    expect(run.summary).toContain(`replaced by ${world.url('good')}`)
  })

  it.each([
    ['direct', { GOPROXY: 'direct' }],
    ['keep', {}]
  ])('with on-failure: %s exports %j and warns', async (onFailure, exported) => {
    const run = await runAction(base({ proxies: world.url('broken'), 'on-failure': onFailure }))
    expect(run.code).toBe(0)
    expect(run.exported).toEqual(
      onFailure === 'direct' ? { ...exported, GOSUMDB: 'off' } : exported
    )
    expect(run.stdout).toContain(`::warning::No candidate passed; `)
  })

  it.each([
    ['timeout', 'abc', /Invalid input 'timeout': "abc" is not a duration/],
    ['checks', 'deep', /Invalid input 'checks': "deep" must be one of: quick, standard, full/],
    [
      'proxies',
      'ftp://mirror.example',
      /Invalid input 'proxies': "ftp:\/\/mirror.example" is not valid: invalid proxy URL scheme/
    ],
    [
      'probe-modules',
      'Example.com/x',
      /Invalid input 'probe-modules': "Example.com\/x" is not a module path@version/
    ],
    ['goprivate', 'corp.example.com/[', /Invalid input 'goprivate'/],
    ['retries', '-1', /Invalid input 'retries': "-1" must be a whole number from 0 to 10/]
  ])('rejects a bad %s before any request, exporting nothing', async (input, value, message) => {
    world.resetCounts()
    const run = await runAction(base({ proxies: world.url('good'), [input]: value }))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(message)
    expect(run.exported).toEqual({})
    expect(world.totalRequests()).toBe(0)
  })

  it('never asks a proxy for a probe module that matches GONOPROXY', async () => {
    world.resetCounts()
    const run = await runAction(
      base({ proxies: world.url('good'), goprivate: 'example.com/Upper' })
    )
    expect(run.code).toBe(0)
    const report = JSON.parse(await readFile(run.outputs.report, 'utf8'))
    expect(report.skippedModules).toEqual([
      {
        module: 'example.com/Upper/Case@v0.1.0',
        reason: expect.stringContaining('matches GONOPROXY')
      }
    ])
    expect(JSON.stringify(report.candidates)).not.toContain('!upper')
    expect(run.exported).toMatchObject({
      GOPRIVATE: 'example.com/Upper',
      GONOPROXY: 'example.com/Upper',
      GONOSUMDB: 'example.com/Upper'
    })
  })
})
