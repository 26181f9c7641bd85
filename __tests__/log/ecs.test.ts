// log-format: the input, and one event as one ECS JSON line, masked before it is encoded.
import { describe, expect, it } from '@jest/globals'
import { VERSION } from '../../src/constants.js'
import { InputError } from '../../src/config/errors.js'
import { createStderr } from '../../src/cli/stderr.js'
import {
  createMasker,
  ecsLine,
  logContext,
  parseLogFormat,
  type LogContext
} from '../../src/log/ecs.js'

const NOW = new Date('2026-03-01T12:00:00.000Z')

describe('parseLogFormat', () => {
  it.each([
    [undefined, 'text'],
    ['', 'text'],
    ['  ', 'text'],
    ['text', 'text'],
    [' json ', 'json']
  ])('reads %j as %s', (value, format) => {
    expect(parseLogFormat(value)).toBe(format)
  })

  it.each(['JSON', 'ecs', 'yaml'])('refuses %j, naming the input and the value', value => {
    expect(() => parseLogFormat(value)).toThrow(
      new InputError('log-format', value, 'must be one of: text, json')
    )
    expect(() => parseLogFormat(value)).toThrow(
      `Invalid input 'log-format': "${value}" must be one of: text, json`
    )
  })
})

describe('ecsLine', () => {
  const none = (text: string): string => text

  it('writes the ecs-logging keys at the top level and every other field set nested', () => {
    const context: LogContext = {
      repository: 'octo/app',
      runId: '42',
      job: 'probe',
      matrix: { os: 'ubuntu-latest' }
    }
    const line = ecsLine(
      {
        level: 'warning',
        message: 'proxies[0] is unhealthy',
        action: 'verdict',
        url: 'https://proxy.example/x',
        candidate: 'proxies[0]',
        verdict: 'unhealthy',
        reason: '500 error',
        durationMs: 12.5,
        status: 500,
        outcome: 'failure'
      },
      context,
      none,
      NOW
    )
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toEqual({
      '@timestamp': '2026-03-01T12:00:00.000Z',
      'log.level': 'warning',
      message: 'proxies[0] is unhealthy',
      'ecs.version': expect.stringMatching(/^\d+\.\d+\.\d+$/),
      service: { name: 'validate-goproxy', version: VERSION },
      event: { action: 'verdict', outcome: 'failure', duration: 12_500_000 },
      url: { full: 'https://proxy.example/x' },
      http: { response: { status_code: 500 } },
      validate_goproxy: {
        candidate: 'proxies[0]',
        verdict: 'unhealthy',
        reason: '500 error',
        duration_ms: 12.5
      },
      github: {
        repository: 'octo/app',
        run_id: '42',
        job: 'probe',
        matrix: { os: 'ubuntu-latest' }
      }
    })
  })

  it('leaves out what it does not know, and names an untagged line `log`', () => {
    const line = JSON.parse(ecsLine({ level: 'info', message: 'hello' }, {}, none, NOW))
    expect(Object.keys(line).sort()).toEqual(
      ['@timestamp', 'ecs.version', 'event', 'log.level', 'message', 'service'].sort()
    )
    expect(line.event).toEqual({ action: 'log' })
  })

  it('redacts url.full and masks every string, even a secret JSON would escape', () => {
    const secret = 'p"a\\ss'
    const masker = createMasker()
    masker.add(secret)
    const line = ecsLine(
      {
        level: 'error',
        message: `login with ${secret} failed`,
        url: `https://bob:${encodeURIComponent(secret)}@proxy.example/`,
        reason: `GET https://bob:${secret}@proxy.example/ → 401`
      },
      { matrix: { token: secret } },
      masker.mask,
      NOW
    )
    expect(line).not.toContain(JSON.stringify(secret).slice(1, -1))
    expect(line).not.toContain(encodeURIComponent(secret))
    const parsed = JSON.parse(line)
    expect(parsed.message).toBe('login with *** failed')
    expect(parsed.url.full).toBe('https://bob:xxxxx@proxy.example/')
    expect(parsed.validate_goproxy.reason).toBe('GET https://bob:xxxxx@proxy.example/ → 401')
    expect(parsed.github.matrix).toEqual({ token: '***' })
  })

  it('takes the GitHub context from the runner variables, the matrix as JSON or text', () => {
    expect(logContext({})).toEqual({})
    expect(
      logContext({
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_RUN_ID: '7',
        GITHUB_JOB: 'probe',
        VALIDATE_GOPROXY_MATRIX: '{"go":["1.25"]}'
      })
    ).toEqual({ repository: 'octo/app', runId: '7', job: 'probe', matrix: { go: ['1.25'] } })
    expect(logContext({ VALIDATE_GOPROXY_MATRIX: 'linux-amd64' }).matrix).toBe('linux-amd64')
  })
})

describe('createStderr with --log-format json', () => {
  it('writes every line, and every engine log line, as one masked JSON object', () => {
    const lines: string[] = []
    const stderr = createStderr(text => lines.push(text))
    stderr.useFormat('json', { GITHUB_REPOSITORY: 'octo/app' })
    stderr.addSecret('Zq9-s3cret')
    stderr.line('probing with Zq9-s3cret', { action: 'start' })
    stderr.log.info('cache: hit', { action: 'cache.local' })
    stderr.log.warning('cache: cannot write')
    stderr.log.debug('noise')
    expect(lines).toHaveLength(3)
    expect(lines.every(line => line.endsWith('}\n'))).toBe(true)
    const parsed = lines.map(line => JSON.parse(line))
    expect(parsed).toMatchObject([
      { 'log.level': 'info', message: 'probing with ***', event: { action: 'start' } },
      { 'log.level': 'info', message: 'cache: hit', event: { action: 'cache.local' } },
      { 'log.level': 'warning', message: 'cache: cannot write', event: { action: 'log' } }
    ])
    for (const line of parsed) expect(line.github).toEqual({ repository: 'octo/app' })
  })
})
