// --fail-on and --slow-threshold through the CLI in-process, against the test world: what counts
// as slow, and which verdict of the chain's head fails the run (exit status 1).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

let world: ProxyWorld
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-gates-'))
  world = await startProxyWorld(await standardModules(), [
    { name: 'healthy', fault: 'healthy' },
    { name: 'slow', fault: 'slow', delayMs: 300 },
    // flaky-503 fails each persona's first request only: one persona per run that needs a retry.
    { name: 'flaky-a', fault: 'flaky-503' },
    { name: 'flaky-b', fault: 'flaky-503' }
  ])
})

afterAll(async () => {
  await world?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function cli(proxies: string, ...flags: string[]) {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t)
  }
  const argv = ['--proxies', proxies, '--gosumdb', 'off', '--cache', 'false', '--timeout', '10']
  const modules = ['--probe-modules', 'example.com/hello@v1.0.0', '--format', 'json']
  const env = { HOME: dir, NETRC: join(dir, 'no-netrc') }
  const status = await main([...argv, ...modules, ...flags], env, io)
  return { status, stderr, report: stdout ? JSON.parse(stdout) : undefined }
}

describe('--slow-threshold', () => {
  it('makes a proxy slower than it degraded, naming the threshold', async () => {
    const run = await cli(world.url('slow'), '--slow-threshold', '0.1')
    expect(run.status).toBe(0)
    expect(run.report.candidates[0]).toMatchObject({
      verdict: 'degraded',
      reason: expect.stringMatching(/^slow: .*\(slow-threshold 0\.1 s/)
    })
  })

  it.each([
    ['20s', 'must be at most the timeout (10 s)'],
    ['0', 'must be at least 1 ms and at most 600 s'],
    ['soon', 'is not a duration (examples: 10, 90s, 10m, 1h)']
  ])('refuses %s, naming the input', async (value, reason) => {
    const run = await cli(world.url('healthy'), '--slow-threshold', value)
    expect(run).toEqual({
      status: 64,
      stderr: `validate-goproxy: Invalid input 'slow-threshold': ${JSON.stringify(value)} ${reason}\n`,
      report: undefined
    })
  })
})

describe('--fail-on', () => {
  it('passes a degraded head by default, exiting 0', async () => {
    const run = await cli(world.url('slow'), '--slow-threshold', '100ms')
    expect(run.status).toBe(0)
    expect(run.report.healthy).toBe(true)
  })

  it('with degraded, fails a degraded head: exit 1, and stderr says why', async () => {
    const run = await cli(world.url('slow'), '--slow-threshold', '100ms', '--fail-on', 'degraded')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(
      `${world.url('slow')} heads the exported GOPROXY and is degraded (slow: `
    )
    expect(run.stderr).toContain('fail-on is `degraded`, so the run fails.')
    // Still exported (the proxy works), but not healthy at the level asked for.
    expect(run.report.exported.GOPROXY).toBe(world.url('slow'))
    expect(run.report.healthy).toBe(false)
  })

  it('with degraded, judges only the head: a degraded fallback after a healthy head passes', async () => {
    const proxies = `${world.url('healthy')},${world.url('flaky-a')}`
    const run = await cli(proxies, '--fail-on', 'degraded')
    expect(run.report.candidates.map((c: { verdict: string }) => c.verdict)).toEqual([
      'healthy',
      'degraded'
    ])
    expect(run.status).toBe(0)
  })

  it('with degraded, fails a head that needed a retry', async () => {
    const proxies = `${world.url('flaky-b')},${world.url('healthy')}`
    const run = await cli(proxies, '--fail-on', 'degraded')
    expect(run.report.candidates[0]).toMatchObject({
      verdict: 'degraded',
      reason: expect.stringContaining('retries')
    })
    expect(run.status).toBe(1)
  })

  it('refuses a value it does not know, naming the input', async () => {
    const run = await cli(world.url('healthy'), '--fail-on', 'slow')
    expect(run.status).toBe(64)
    expect(run.stderr).toBe(
      `validate-goproxy: Invalid input 'fail-on': "slow" must be one of: unusable, degraded\n`
    )
  })
})
