// The CLI in-process: main() with captured stdout and stderr, against the test world.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { helpText } from '../../src/cli/help.js'
import { main } from '../../src/cli/main.js'
import { REPORT_SCHEMA } from '../../src/report/json.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

const SECRET = 'Zq9-s3cret'
const MODULES = 'example.com/hello example.com/Upper/Case@v0.1.0'

interface Run {
  status: number
  stdout: string
  stderr: string
}

let world: ProxyWorld
let dir: string

/** Runs main() with a hermetic environment: no GOPROXY/GOSUMDB of the machine, no .netrc. */
async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t)
  }
  const status = await main(argv, { HOME: dir, NETRC: join(dir, 'no-netrc'), ...env }, io)
  return { status, stdout, stderr }
}

/** The usual probe flags: the world's modules, no checksum database, no cache, no retries. */
function probeFlags(proxies: string): string[] {
  return [
    '--proxies',
    proxies,
    '--probe-modules',
    MODULES,
    '--gosumdb',
    'off',
    '--cache',
    'false',
    '--retries',
    '0'
  ]
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-cli-'))
  world = await startProxyWorld(await standardModules(), [
    { name: 'healthy', fault: 'healthy' },
    { name: 'status-500', fault: 'status-500' },
    { name: 'captive-portal', fault: 'captive-portal' }
  ])
})

afterAll(async () => {
  await world.close()
  await rm(dir, { recursive: true, force: true })
})

describe('main without probing', () => {
  it('prints the help on stdout', async () => {
    expect(await cli(['--help'])).toEqual({ status: 0, stdout: helpText(), stderr: '' })
  })

  it('prints the version', async () => {
    expect(await cli(['--version'])).toEqual({
      status: 0,
      stdout: 'validate-goproxy 1.0.0\n',
      stderr: ''
    })
  })

  it('exits 1 on a Node without process.getBuiltinModule, naming the Node it needs', async () => {
    const process_ = process as { getBuiltinModule?: unknown }
    const saved = process_.getBuiltinModule
    process_.getBuiltinModule = undefined
    try {
      const run = await cli(['--version'])
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(
        `validate-goproxy: needs Node 20.16 or later; this is Node ${process.versions.node}\n`
      )
    } finally {
      process_.getBuiltinModule = saved
    }
  })

  it('exits 64 on an unknown flag, pointing at --help', async () => {
    expect(await cli(['--proxy', 'x'])).toEqual({
      status: 64,
      stdout: '',
      stderr: expect.stringMatching(
        /^validate-goproxy: Unknown option '--proxy'.*\nRun 'validate-goproxy --help' for the flags.\n$/
      )
    })
  })

  it('exits 64 with the InputError message the action gives', async () => {
    expect(await cli(['--timeout', '0s'])).toEqual({
      status: 64,
      stdout: '',
      stderr: `validate-goproxy: Invalid input 'timeout': "0s" must be at least 1 ms and at most 600 s\n`
    })
  })

  it('exits 64 naming the profiles file it cannot read', async () => {
    const run = await cli(['--profiles', join(dir, 'missing.yaml'), '--profile', 'a'])
    expect(run.status).toBe(64)
    expect(run.stderr).toMatch(
      /^validate-goproxy: Invalid input 'profiles': ".*missing.yaml" cannot be read: ENOENT/
    )
  })

  it('exits 64 on a profile without profiles', async () => {
    const run = await cli(['--profile', 'acme'])
    expect(run).toEqual({
      status: 64,
      stdout: '',
      stderr:
        'validate-goproxy: Invalid input \'profile\': "acme" is set but `profiles` is empty: there is no profile to choose\n'
    })
  })

  it('masks a password in a bad value', async () => {
    const run = await cli(['--proxies', `http://alice:${SECRET}@insecure.example`])
    expect(run.status).toBe(64)
    expect(run.stderr).toContain('alice:xxxxx@')
    expect(run.stderr).not.toContain(SECRET)
  })

  it('takes the job environment as defaults, as the action does', async () => {
    const run = await cli([], { GOPROXY: 'off', GOSUMDB: 'off' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Nothing to probe: exported GOPROXY=off as given, unverified.')
  })
})

describe('main against the world', () => {
  it('prints an aligned table and the outcome, with progress on stderr', async () => {
    const proxies = `${world.url('healthy')},${world.url('status-500')},direct`
    const run = await cli(probeFlags(proxies))
    expect(run.status).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toMatch(/^CANDIDATE +URL +VERDICT +LATENCY +CHECKS +REASON$/)
    expect(lines[1]).toMatch(
      // The latency reads "12 ms", or "1.2 s" on a busy machine.
      new RegExp(`^proxies\\[0\\] +${world.url('healthy')} +healthy +[\\d.]+ m?s +(\\d+)/\\1 +`)
    )
    expect(lines[2]).toMatch(
      new RegExp(`^proxies\\[1\\] +${world.url('status-500')} +unhealthy +— +0/\\d+ +.*→ 500`)
    )
    expect(lines[3]).toMatch(/^proxies\[2\] +direct +skipped +— +— +/)
    const urlColumn = lines[0].indexOf('URL')
    for (const line of lines.slice(1, 4))
      expect(line.indexOf('http') < 0 ? line.indexOf('direct') : line.indexOf('http')).toBe(
        urlColumn
      )
    expect(lines[4]).toBe('')
    expect(lines[5]).toBe(
      `Exported GOPROXY=${world.url('healthy')},direct — ${world.url('healthy')} passed its checks.`
    )
    const [start, ...verdicts] = run.stderr.split('\n').slice(0, 4)
    expect(start).toBe('probing 2 candidates (checks: standard)…')
    // Each verdict as its candidate's probes end: in the order they finish.
    expect(verdicts.sort()).toEqual([
      expect.stringMatching(/^proxies\[0\] .*healthy: healthy — /),
      expect.stringMatching(/^proxies\[1\] .*status-500: unhealthy — .*→ 500/),
      'proxies[2] direct: skipped — direct: not a proxy, nothing to probe'
    ])
  })

  it('prints the JSON report and writes the same to --report-path', async () => {
    const reportPath = join(dir, 'sub', 'report.json')
    const run = await cli([
      ...probeFlags(world.url('captive-portal')),
      '--format',
      'json',
      '--report-path',
      reportPath
    ])
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(await readFile(reportPath, 'utf8')).toBe(run.stdout)
    expect(report).toMatchObject({
      schema: REPORT_SCHEMA,
      context: { runnerOs: process.platform },
      outcome: 'failed',
      healthy: false,
      exported: { GOPROXY: null, GOSUMDB: 'off' },
      candidates: [
        { id: 'proxies[0]', verdict: 'unhealthy', reason: expect.stringMatching(/captive portal/) }
      ]
    })
    expect(run.stderr).toMatch(/nothing was exported\.\n$/)
  })

  it('applies a profile from a file and reports its name', async () => {
    const file = join(dir, 'profiles.yaml')
    await writeFile(
      file,
      `acme:\n  proxies: [${world.url('healthy')}]\ndefault:\n  proxies: ${world.url('status-500')}\n`
    )
    const flags = [
      '--probe-modules',
      MODULES,
      '--gosumdb',
      'off',
      '--cache',
      'false',
      '--profiles',
      file
    ]
    const chosen = await cli([...flags, '--profile', 'acme', '--format', 'json'])
    expect(chosen.status).toBe(0)
    expect(JSON.parse(chosen.stdout).context).toEqual({
      runnerOs: process.platform,
      profile: 'acme'
    })
    const fallback = await cli([...flags, '--profile', 'globex'])
    expect(fallback.status).toBe(1)
    expect(fallback.stdout).toMatch(/^Profile: globex \(default\)\n\nCANDIDATE/)
  })

  it('never shows a proxy password on stderr or in the table and report', async () => {
    const url = `https://alice:${SECRET}@127.0.0.1:${new URL(world.refusedUrl).port}/corp`
    for (const format of ['table', 'json']) {
      const run = await cli([...probeFlags(url), '--format', format, '--timeout', '2'])
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('alice:xxxxx@')
      expect(run.stderr + run.stdout).not.toContain(SECRET)
    }
  })

  it('prints on-failure direct as GOPROXY=direct in the env format, exiting 1', async () => {
    const run = await cli([
      ...probeFlags(world.url('status-500')),
      '--on-failure',
      'direct',
      '--format',
      'env'
    ])
    expect(run).toEqual({
      status: 1,
      stdout: 'GOPROXY=direct\nGOSUMDB=off\n',
      stderr: expect.stringContaining('exported GOPROXY=direct because on-failure is `direct`.')
    })
  })
})
