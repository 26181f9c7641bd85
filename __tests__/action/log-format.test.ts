/**
 * The bundled action with `log-format: json`: every log line is one ECS JSON object; the runner's
 * workflow commands (masks, annotations, the step's failure) stay commands, and no group opens.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { runAction } from '../world/runner.js'

const SECRET = 'Zq9-s3cret'
const GITHUB = {
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '7',
  GITHUB_JOB: 'probe',
  VALIDATE_GOPROXY_MATRIX: '{"go":"1.26"}'
}

/** The stdout lines that are not workflow commands (`::name …::`), each parsed on its own. */
function logLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split(/\r?\n/)
    .filter(line => line !== '' && !line.startsWith('::'))
    .map(line => {
      expect(line).toMatch(/^\{.*\}$/)
      return JSON.parse(line) as Record<string, unknown>
    })
}

describe('the bundled action with log-format: json', () => {
  let world: ProxyWorld

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [
      { name: 'good', fault: 'healthy' },
      { name: 'broken', fault: 'status-500' }
    ])
  })
  afterAll(() => world.close())

  const inputs = (extra: Record<string, string>) => ({
    'probe-modules': 'example.com/hello@v1.0.0',
    gosumdb: 'off',
    cache: 'false',
    retries: '0',
    // Nothing here hangs: generous, so a busy machine stays far from the slow threshold.
    timeout: '30',
    'log-format': 'json',
    ...extra
  })

  it('logs one JSON object a line, keeps the annotations, and never shows the password', async () => {
    const withPassword = world.refusedUrl.replace('http://', `https://bob:${SECRET}@`)
    const proxies = `${world.url('broken')}|${withPassword}|${world.url('good')},direct`
    const run = await runAction(inputs({ proxies }), { env: GITHUB })
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).not.toContain('::group::')
    // The runner takes these out of the log and turns them into annotations.
    expect(run.stdout).toMatch(/^::warning title=validate-goproxy.*broken is unhealthy::.*→ 500/m)
    const lines = logLines(run.stdout)
    expect(JSON.stringify(lines)).not.toContain(SECRET)
    for (const line of lines) {
      expect(line).toMatchObject({
        '@timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        'log.level': expect.stringMatching(/^(info|warning|error)$/),
        message: expect.any(String),
        event: { action: expect.any(String) },
        github: { repository: 'octo/app', run_id: '7', job: 'probe', matrix: { go: '1.26' } }
      })
    }
    const verdicts = lines.filter(l => (l.event as { action: string }).action === 'verdict')
    expect(verdicts.map(v => v.validate_goproxy)).toEqual([
      expect.objectContaining({ candidate: 'proxies[0]', verdict: 'unhealthy' }),
      expect.objectContaining({ candidate: 'proxies[1]', verdict: 'unhealthy' }),
      expect.objectContaining({ candidate: 'proxies[2]', verdict: 'healthy' }),
      expect.objectContaining({ candidate: 'proxies[3]', verdict: 'skipped' })
    ])
    expect(verdicts[1]).toMatchObject({ url: { full: expect.stringContaining('//bob:xxxxx@') } })
    expect(lines.some(l => (l.event as { action: string }).action === 'probe')).toBe(true)
    expect(lines.at(-1)).toMatchObject({
      'log.level': 'info',
      event: { action: 'export', outcome: 'success' },
      url: { full: world.url('good') }
    })
  })

  it('fails the step with an ::error:: command and an error line when nothing passes', async () => {
    const run = await runAction(inputs({ proxies: world.url('broken') }))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::No candidate passed; nothing was exported\./m)
    expect(logLines(run.stdout).at(-1)).toMatchObject({
      'log.level': 'error',
      message: expect.stringMatching(/^No candidate passed; nothing was exported\./),
      event: { action: 'export', outcome: 'failure' }
    })
  })

  it('refuses an unknown log-format before any request, naming the input', async () => {
    world.resetCounts()
    const run = await runAction(inputs({ proxies: world.url('good'), 'log-format': 'ecs' }))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::Invalid input 'log-format': "ecs" must be one of: text, json`
    )
    expect(world.totalRequests()).toBe(0)
  })
})
