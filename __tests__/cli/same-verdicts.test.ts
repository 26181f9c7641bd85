// The two faces of one engine: the bundled action and the bundled CLI, given the same inputs
// against the same world, must reach the same verdicts for the same reasons.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { ACTION_ENTRY, runAction } from '../world/runner.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedServed } from '../world/tamper.js'
import { requireBundle, runCli } from './bundled.js'

interface Report {
  outcome: string
  exported: Record<string, string | null>
  context: { profile?: string }
  candidates: {
    id: string
    url: string
    verdict: string
    reason: string
    checksPassed: number
    checksTotal: number
  }[]
}

let world: ProxyWorld
let db: SumdbWorld
let dir: string

beforeAll(async () => {
  requireBundle()
  if (!existsSync(ACTION_ENTRY))
    throw new Error(`${ACTION_ENTRY} is missing: run \`npm run build\` first`)
  dir = await mkdtemp(join(tmpdir(), 'vgp-same-'))
  const modules = await standardModules()
  db = await startSumdb(modules)
  world = await startProxyWorld(modules, [
    { name: 'healthy', fault: 'healthy' },
    { name: 'status-500', fault: 'status-500' },
    { name: 'captive-portal', fault: 'captive-portal' },
    { name: 'html-list', fault: 'html-list' },
    { name: 'stale', fault: 'stale' },
    { name: 'tampered', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'zip') }
  ])
})

afterAll(async () => {
  await world?.close()
  await db?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** What must not differ between the faces: everything but timings and where the run happened. */
function verdicts(report: Report) {
  return {
    outcome: report.outcome,
    exported: report.exported,
    profile: report.context.profile,
    candidates: report.candidates.map(
      ({ id, url, verdict, reason, checksPassed, checksTotal }) => ({
        id,
        url,
        verdict,
        reason,
        checksPassed,
        checksTotal
      })
    )
  }
}

/** Runs the action with `inputs` and the CLI with the same as flags (`cliInputs` where they differ). */
async function bothFaces(inputs: Record<string, string>, cliInputs = inputs) {
  const action = await runAction(inputs, { killAfterMs: 60_000 })
  const actionReport = JSON.parse(
    await readFile(join(action.dir, 'validate-goproxy-report.json'), 'utf8')
  ) as Report
  const args = Object.entries(cliInputs).flatMap(([name, value]) => [`--${name}`, value])
  const cli = await runCli(
    [...args, '--format', 'json'],
    { HOME: dir, NETRC: join(dir, 'no-netrc') },
    60_000
  )
  expect(cli.stdout).not.toBe('')
  return { action: actionReport, cli: JSON.parse(cli.stdout) as Report, cliCode: cli.code }
}

describe('the action and the CLI', () => {
  it('give the same verdicts and reasons over every fault, with the checksum database', async () => {
    const { action, cli } = await bothFaces({
      proxies: ['status-500', 'captive-portal', 'tampered', 'html-list', 'stale', 'healthy']
        .map(p => world.url(p))
        .join('|'),
      mirrors: world.url('healthy'),
      gosumdb: `${db.verifierKey} ${db.url}`,
      checks: 'full',
      'probe-modules': 'example.com/hello example.com/Upper/Case@v0.1.0',
      retries: '0',
      cache: 'false'
    })
    expect(verdicts(cli)).toEqual(verdicts(action))
    expect(cli.candidates.map(c => c.verdict)).toEqual([
      'unhealthy',
      'unhealthy',
      'tampered',
      // html-list: Go reads no version from the page, then asks @latest, which answers.
      'healthy',
      'degraded',
      'healthy',
      'healthy'
    ])
  })

  it('choose the same profile and agree when nothing passes', async () => {
    const file = join(dir, 'profiles.yaml')
    await writeFile(
      file,
      `dead:\n  proxies: [${world.url('status-500')}, ${world.url('captive-portal')}]\n`
    )
    const inputs = {
      gosumdb: 'off',
      'probe-modules': 'example.com/hello',
      retries: '0',
      cache: 'false',
      profile: 'dead'
    }
    const { action, cli, cliCode } = await bothFaces(
      { ...inputs, profiles: await readFile(file, 'utf8') },
      { ...inputs, profiles: file }
    )
    expect(cliCode).toBe(1)
    expect(verdicts(cli)).toEqual(verdicts(action))
    expect(action.context.profile).toBe('dead')
    expect(action.outcome).toBe('failed')
  })
})
