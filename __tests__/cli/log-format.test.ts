// --log-format json in-process: every stderr line is one ECS JSON object with the fields a log
// store indexes, the result on stdout is unchanged, and no password gets through.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

const SECRET = 'Zq9-s3cret'
const GITHUB = {
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '42',
  GITHUB_JOB: 'probe',
  VALIDATE_GOPROXY_MATRIX: '{"os":"ubuntu-latest"}'
}

let world: ProxyWorld
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-cli-log-'))
  world = await startProxyWorld(await standardModules(), [
    { name: 'healthy', fault: 'healthy' },
    { name: 'status-500', fault: 'status-500' }
  ])
})

afterAll(async () => {
  await world.close()
  await rm(dir, { recursive: true, force: true })
})

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t)
  }
  const status = await main(argv, { HOME: dir, NETRC: join(dir, 'no-netrc'), ...env }, io)
  return { status, stdout, stderr }
}

/** The fields these tests read of one line. */
interface EcsLine {
  'log.level': string
  message: string
  event: { action: string; outcome?: string }
  url?: { full: string }
  validate_goproxy?: Record<string, unknown>
}

/** Each line parsed on its own: a line that is not one JSON object fails here. */
function jsonLines(text: string): EcsLine[] {
  expect(text.endsWith('\n')).toBe(true)
  return text
    .slice(0, -1)
    .split('\n')
    .map(line => {
      expect(line).toMatch(/^\{.*\}$/)
      return JSON.parse(line) as EcsLine
    })
}

describe('--log-format json', () => {
  it('writes each stderr line as an ECS object, with the run context and no password', async () => {
    // https with a password on a port where nothing listens: the password is in play, the
    // request fails at connect.
    const withPassword = world.refusedUrl.replace('http://', `https://bob:${SECRET}@`)
    const proxies = [world.url('healthy'), world.url('status-500'), withPassword].join('|')
    const run = await cli(
      [
        '--proxies',
        `${proxies},direct`,
        '--probe-modules',
        'example.com/hello@v1.0.0',
        '--gosumdb',
        'off',
        '--cache',
        'false',
        '--retries',
        '0',
        '--log-format',
        'json'
      ],
      GITHUB
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^CANDIDATE +URL +VERDICT/)
    expect(run.stderr).not.toContain(SECRET)
    const lines = jsonLines(run.stderr)
    for (const line of lines) {
      expect(line).toMatchObject({
        '@timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        'log.level': expect.stringMatching(/^(debug|info|warning|error)$/),
        message: expect.any(String),
        'ecs.version': expect.any(String),
        event: { action: expect.any(String) },
        github: {
          repository: 'octo/app',
          run_id: '42',
          job: 'probe',
          matrix: { os: 'ubuntu-latest' }
        }
      })
    }
    const actions = lines.map(l => l.event.action)
    expect(actions[0]).toBe('start')
    expect(actions.at(-1)).toBe('export')
    // Each verdict comes as its candidate's probes end: in the order they finish.
    const verdicts = lines
      .filter(l => l.event.action === 'verdict')
      .sort((a, b) =>
        String(a.validate_goproxy?.candidate).localeCompare(String(b.validate_goproxy?.candidate))
      )
    expect(verdicts.map(v => v.validate_goproxy)).toEqual([
      expect.objectContaining({ candidate: 'proxies[0]', verdict: 'healthy' }),
      expect.objectContaining({
        candidate: 'proxies[1]',
        verdict: 'unhealthy',
        reason: expect.stringContaining('→ 500')
      }),
      expect.objectContaining({ candidate: 'proxies[2]', verdict: 'unhealthy' }),
      expect.objectContaining({ candidate: 'proxies[3]', verdict: 'skipped' })
    ])
    expect(verdicts.map(v => v['log.level'])).toEqual(['info', 'warning', 'warning', 'info'])
    expect(verdicts[0].url?.full).toBe(world.url('healthy'))
    expect(verdicts[2].url?.full).toContain('//bob:xxxxx@127.0.0.1:')
    const probes = lines.filter(l => l.event.action === 'probe')
    expect(probes.length).toBeGreaterThanOrEqual(3)
    for (const probe of probes) {
      expect(probe.url?.full).toMatch(/^https?:\/\//)
      expect(probe.validate_goproxy).toMatchObject({
        candidate: expect.stringMatching(/^proxies\[[0-2]\]$/),
        duration_ms: expect.any(Number)
      })
      expect(['success', 'failure']).toContain(probe.event.outcome)
    }
    expect(lines.at(-1)).toMatchObject({
      message: expect.stringMatching(/^Exported GOPROXY=/),
      url: { full: world.url('healthy') },
      validate_goproxy: { duration_ms: expect.any(Number) },
      event: { outcome: 'success' }
    })
  })

  it('reports an input error as a JSON error line once the format is known', async () => {
    const run = await cli(['--log-format', 'json', '--timeout', 'abc'])
    expect(run.status).toBe(64)
    expect(jsonLines(run.stderr)).toEqual([
      expect.objectContaining({
        'log.level': 'error',
        message: expect.stringContaining(`Invalid input 'timeout': "abc" is not a duration`),
        event: { action: 'error' }
      })
    ])
  })

  it('refuses an unknown log format, naming the input, in text', async () => {
    const run = await cli(['--log-format', 'yaml'])
    expect(run).toEqual({
      status: 64,
      stdout: '',
      stderr: `validate-goproxy: Invalid input 'log-format': "yaml" must be one of: text, json\n`
    })
  })
})
