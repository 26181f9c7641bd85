// The bundled CLI, end to end: exit statuses, the three formats, the default cache, and the
// environment it prints handed to the real go command.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPORT_SCHEMA } from '../../src/report/json.js'
import { describeWithGo, runGo } from '../world/go.js'
import { standardModules, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedServed } from '../world/tamper.js'
import { serverIdentity, TEST_CA_FILE } from '../world/tls.js'
import { parseEnvLines, requireBundle, runCli } from './bundled.js'

const SECRET = 'Zq9-s3cret'
// No persona here hangs, so a generous timeout costs nothing; it keeps even a busy machine far
// from the slow threshold (half of it), so healthy stays healthy.
const PROBE = [
  '--probe-modules',
  'example.com/hello example.com/Upper/Case@v0.1.0',
  '--retries',
  '0',
  '--timeout',
  '30'
]

let modules: ModuleVersion[]
let world: ProxyWorld
let dir: string
let home: Record<string, string>

beforeAll(async () => {
  requireBundle()
  dir = await mkdtemp(join(tmpdir(), 'vgp-cli-bundle-'))
  home = { HOME: dir, NETRC: join(dir, 'no-netrc') }
  modules = await standardModules()
  world = await startProxyWorld(modules, [
    { name: 'healthy', fault: 'healthy' },
    { name: 'status-500', fault: 'status-500' },
    { name: 'captive-portal', fault: 'captive-portal' }
  ])
})

afterAll(async () => {
  await world?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** The CLI on the world without a checksum database or a cache. */
function probe(proxies: string, ...flags: string[]) {
  return runCli(
    ['--proxies', proxies, '--gosumdb', 'off', '--cache', 'false', ...PROBE, ...flags],
    home
  )
}

describe('exit statuses and formats', () => {
  it('exits 0 with a healthy proxy and prints the env lines', async () => {
    const run = await probe(
      `${world.url('status-500')},${world.url('healthy')},direct`,
      '--format',
      'env'
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`GOPROXY=${world.url('healthy')},direct\nGOSUMDB=off\n`)
    expect(run.stderr).toMatch(/^probing 2 candidates \(checks: standard\)…\n/)
    expect(run.stderr).toContain(`proxies[1] ${world.url('healthy')}: healthy — `)
  })

  it('exits 1 with only dead proxies, printing nothing to export', async () => {
    const run = await probe(
      `${world.url('status-500')}|${world.url('captive-portal')}`,
      '--format',
      'env'
    )
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('No candidate passed; nothing was exported.')
    })
  })

  it('exits 1 with on-failure keep, printing no GOPROXY', async () => {
    const run = await probe(
      world.url('status-500'),
      '--on-failure',
      'keep',
      '--goprivate',
      'corp.example',
      '--format',
      'env'
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      'GOSUMDB=off\nGOPRIVATE=corp.example\nGONOPROXY=corp.example\nGONOSUMDB=corp.example\n'
    )
  })

  it('exits 64 on a bad value, naming the input and the value', async () => {
    const run = await probe(world.url('healthy'), '--concurrency', '0')
    expect(run).toEqual({
      code: 64,
      stdout: '',
      stderr: `validate-goproxy: Invalid input 'concurrency': "0" must be a whole number from 1 to 256\n`
    })
  })

  it('prints the JSON report', async () => {
    const run = await probe(
      `${world.url('healthy')}|${world.url('captive-portal')}`,
      '--format',
      'json'
    )
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'schema',
        'timestamp',
        'durationMs',
        'context',
        'outcome',
        'healthy',
        'exported',
        'candidates'
      ])
    )
    expect(report).toMatchObject({
      schema: REPORT_SCHEMA,
      context: { runnerOs: process.platform },
      outcome: 'proxies',
      healthy: true,
      fallbackUsed: false,
      selected: world.url('healthy'),
      exported: { GOPROXY: world.url('healthy'), GOSUMDB: 'off' },
      candidates: [
        { id: 'proxies[0]', role: 'primary', url: world.url('healthy'), verdict: 'healthy' },
        {
          id: 'proxies[1]',
          role: 'primary',
          url: world.url('captive-portal'),
          verdict: 'unhealthy'
        }
      ]
    })
  })

  it('prints help and version, exiting 0', async () => {
    const help = await runCli(['--help'], home)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: validate-goproxy \[flags\]\n/)
    expect(await runCli(['--version'], home)).toEqual({
      code: 0,
      stdout: 'validate-goproxy 1.0.0\n',
      stderr: ''
    })
  })

  it('starts with a shebang, so npm can link it as a command', async () => {
    const { readFile } = await import('node:fs/promises')
    expect((await readFile('dist/cli.js', 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node')
  })
})

describe('the verdict cache', () => {
  it('caches under $XDG_CACHE_HOME/validate-goproxy by default and reuses the verdicts', async () => {
    const env = { ...home, XDG_CACHE_HOME: join(dir, 'xdg') }
    const args = ['--proxies', world.url('healthy'), '--gosumdb', 'off', ...PROBE]
    const first = await runCli(args, env)
    expect(first.code).toBe(0)
    expect(await readdir(join(dir, 'xdg', 'validate-goproxy'))).not.toEqual([])
    const before = world.requests('healthy')
    const second = await runCli(args, env)
    expect(second.code).toBe(0)
    // The age is in ms or, on a busy machine, s ("1.5 s old").
    expect(second.stdout).toMatch(/proxies\[0\] +\S+ +healthy \(cached, [\d.]+ m?s old\)/)
    expect(world.requests('healthy')).toBe(before)
  })
})

describe('exit status 2', () => {
  let db: SumdbWorld
  let evil: ProxyWorld
  beforeAll(async () => {
    db = await startSumdb(modules)
    evil = await startProxyWorld(modules, [
      { name: 'tampered', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'zip') }
    ])
  })
  afterAll(async () => {
    await evil?.close()
    await db?.close()
  })

  it('exits 2 when nothing is usable and a proxy served content the checksum database refutes', async () => {
    const args = [
      '--proxies',
      evil.url('tampered'),
      '--gosumdb',
      `${db.verifierKey} ${db.url}`,
      '--checks',
      'full'
    ]
    const run = await runCli([...args, '--cache', 'false', ...PROBE, '--format', 'json'], home)
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout).candidates[0]).toMatchObject({
      id: 'proxies[0]',
      verdict: 'tampered'
    })
  })
})

describeWithGo('the env format, handed to the go command', () => {
  let tls: ProxyWorld
  beforeAll(async () => {
    tls = await startProxyWorld(
      modules,
      [{ name: 'corp', fault: 'healthy', requireAuth: { username: 'alice', password: SECRET } }],
      {
        tls: serverIdentity()
      }
    )
  })
  afterAll(async () => tls?.close())

  /** Writes the CLI's stdout as a go env file (what `go env -w` writes) and downloads through it. */
  async function downloadWith(envText: string, extra: Record<string, string> = {}) {
    const cwd = await mkdtemp(join(dir, 'go-'))
    await writeFile(join(cwd, 'go.env'), envText)
    // Empty variables fall through to the GOENV file: the go command then reads what the CLI printed.
    const env = { GOENV: join(cwd, 'go.env'), GOPROXY: '', GOSUMDB: '', ...extra }
    return runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
      cwd,
      env,
      timeoutMs: 60_000
    })
  }

  it('is accepted by the go command, which downloads through the chosen proxy', async () => {
    const run = await probe(
      `${world.url('captive-portal')}|${world.url('healthy')}`,
      '--format',
      'env'
    )
    expect(run.code).toBe(0)
    expect(parseEnvLines(run.stdout)).toEqual({ GOPROXY: world.url('healthy'), GOSUMDB: 'off' })
    const before = world.requests('healthy')
    const go = await downloadWith(run.stdout)
    expect(go.stderr).toBe('')
    expect(go.code).toBe(0)
    expect(JSON.parse(go.stdout)).toMatchObject({ Path: 'example.com/hello', Version: 'v1.0.0' })
    expect(world.requests('healthy')).toBeGreaterThan(before)
  })

  it('carries the real credentials, shown nowhere else', async () => {
    const url = `https://alice:${SECRET}@127.0.0.1:${tls.port}/corp`
    const tlsEnv = { ...home, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }
    const flags = ['--proxies', url, '--gosumdb', 'off', '--cache', 'false', ...PROBE]
    const env = await runCli([...flags, '--format', 'env'], tlsEnv)
    expect(env.code).toBe(0)
    expect(env.stdout).toBe(`GOPROXY=${url}\nGOSUMDB=off\n`)
    expect(env.stderr).toContain('https://alice:xxxxx@127.0.0.1')
    for (const format of ['table', 'json']) {
      const run = await runCli([...flags, '--format', format], tlsEnv)
      expect(run.code).toBe(0)
      expect(run.stdout + run.stderr).not.toContain(SECRET)
    }
    const go = await downloadWith(env.stdout, { SSL_CERT_FILE: TEST_CA_FILE })
    expect(go.code).toBe(0)
    expect(JSON.parse(go.stdout)).toMatchObject({ Version: 'v1.0.0' })
  })
})
