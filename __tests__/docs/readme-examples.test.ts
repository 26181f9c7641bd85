/**
 * README's examples, run: the CLI commands of the GitLab CI, Jenkins and Dockerfile sections
 * against a local proxy and checksum database, with their output read back the way each tool reads
 * it; the "Private modules" example against a proxy serving a private module (and the real go
 * command); the Quick start's action versions against what CI pins.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseCliArgs } from '../../src/cli/args.js'
import { main } from '../../src/cli/main.js'
import { itWithGo, runGo } from '../world/go.js'
import { buildModule, standardModules, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { blocksUnder, cliCommands } from './readme-blocks.js'

const PRIVATE = 'git.corp.example.com/platform/log'

let world: ProxyWorld
let db: SumdbWorld
let dir: string
let modules: ModuleVersion[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vgp-readme-'))
  const standard = await standardModules()
  const own = await buildModule(PRIVATE, 'v1.4.0', { 'log.go': 'package log\n' })
  modules = [...standard, own]
  // The public checksum database knows only the public modules, as the real one would.
  db = await startSumdb(standard)
  world = await startProxyWorld(modules, [
    { name: 'corp', fault: 'healthy' },
    { name: 'public', fault: 'healthy' }
  ])
})

afterAll(async () => {
  await world?.close()
  await db?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Runs the CLI in-process as a CI job would: the job's GOPROXY and GOSUMDB, no user files. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t)
  }
  const jobEnv = {
    HOME: dir,
    NETRC: join(dir, 'no-netrc'),
    GOPROXY: `${world.url('corp')}|${world.url('public')},direct`,
    GOSUMDB: `${db.verifierKey} ${db.url}`,
    ...env
  }
  const status = await main(argv, jobEnv, io)
  return { status, stdout, stderr, goproxy: jobEnv.GOPROXY }
}

/** `file` sourced by sh (as Jenkins and the Dockerfile do), then GOPROXY and GOSUMDB printed. */
function sourcedBySh(text: string): [string, string] {
  const file = join(dir, 'goproxy.sh')
  writeFileSync(file, text)
  const out = execFileSync(
    'sh',
    ['-c', `. "$1" && printf '%s\\n%s' "$GOPROXY" "$GOSUMDB"`, 'sh', file],
    {
      env: { PATH: process.env.PATH ?? '', HOME: dir },
      timeout: 10_000
    }
  )
  return out.toString().split('\n') as [string, string]
}

/** A dotenv report as GitLab reads it: KEY=VALUE lines, the value taken as it is. */
function dotenv(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter(Boolean)
      .map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
}

/** The one CLI command of a README section's code blocks. */
function commandOf(title: string): string[] {
  const commands = blocksUnder(title).flatMap(b => cliCommands(b.text))
  expect(commands).toHaveLength(1)
  return commands[0]
}

describe('README CLI commands', () => {
  it('all parse, with flags the CLI has', () => {
    const readme = readFileSync('README.md', 'utf8')
    const commands = cliCommands(readme)
    expect(commands.length).toBeGreaterThanOrEqual(5)
    for (const argv of commands) expect(() => parseCliArgs(argv)).not.toThrow()
  })

  it('GitLab CI: the dotenv report carries the checked GOPROXY, | and all', async () => {
    const job = parse(blocksUnder('GitLab CI')[0].text)['validate-goproxy']
    expect(job.artifacts.reports.dotenv).toBe('goproxy.env')
    const run = await cli(commandOf('GitLab CI'))
    expect(run.status).toBe(0)
    expect(dotenv(run.stdout)).toEqual({
      GOPROXY: run.goproxy,
      GOSUMDB: `${db.verifierKey} ${db.url}`
    })
  })

  it('Jenkins: the shell file, sourced, exports the checked GOPROXY', async () => {
    const argv = commandOf('Jenkins')
    expect(argv).toEqual(expect.arrayContaining(['--fail-on', 'degraded', '--format', 'shell']))
    const run = await cli(argv)
    expect(run.status).toBe(0)
    expect(sourcedBySh(run.stdout)).toEqual([run.goproxy, `${db.verifierKey} ${db.url}`])
  })

  it('Dockerfile: the pre-check stage writes a file the build stage sources', async () => {
    const dockerfile = blocksUnder('Dockerfile: a BuildKit pre-check stage')[0].text
    expect(dockerfile).toMatch(/^\s+\. \/goproxy\.sh && go build/m)
    const run = await cli(commandOf('Dockerfile: a BuildKit pre-check stage'))
    expect(run.status).toBe(0)
    expect(sourcedBySh(run.stdout)).toEqual([run.goproxy, `${db.verifierKey} ${db.url}`])
  })

  it('fail the CI step when nothing is usable: exit 1, nothing to read', async () => {
    const run = await cli(commandOf('Jenkins'), { GOPROXY: world.refusedUrl })
    expect(run).toMatchObject({ status: 1, stdout: '' })
  })
})

describe('README "Private modules" example', () => {
  const withInputs = (): Record<string, string> =>
    parse(blocksUnder('Private modules, credentials and netrc')[0].text)[0].with

  /** The example's inputs as CLI flags, its proxy replaced by the test proxy. */
  const flagsOf = (inputs: Record<string, string>) =>
    Object.entries({ ...inputs, proxies: world.url('corp') }).flatMap(([k, v]) => [`--${k}`, v])

  it('asks the private proxy for the private module, and never the public checksum database', async () => {
    const inputs = withInputs()
    expect(inputs.gonoproxy).toBe('none')
    const run = await cli([...flagsOf(inputs), '--cache', 'false', '--format', 'json'])
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.skippedModules).toEqual([])
    expect(report.candidates[0].verdict).toBe('healthy')
    const asked = report.candidates[0].probes.map((p: { module: string }) => p.module)
    expect(asked).toContain(`${PRIVATE}@v1.4.0`)
  })

  it('would skip the private module without gonoproxy: none', async () => {
    const { gonoproxy, ...inputs } = withInputs()
    expect(gonoproxy).toBe('none')
    const run = await cli([...flagsOf(inputs), '--cache', 'false', '--format', 'json'])
    const report = JSON.parse(run.stdout)
    expect(report.skippedModules.map((s: { module: string }) => s.module)).toEqual([
      `${PRIVATE}@v1.4.0`
    ])
  })

  itWithGo(
    'matches the go command, which fetches the private module through the proxy only with GONOPROXY=none',
    async () => {
      const inputs = withInputs()
      const env = (extra: Record<string, string>) => ({
        GOPROXY: world.url('corp'),
        GOSUMDB: `${db.verifierKey} ${db.url}`,
        GOPRIVATE: inputs.goprivate,
        ...extra
      })
      const cwd = mkdtempSync(join(dir, 'go-'))
      const args = ['mod', 'download', '-json', `${PRIVATE}@v1.4.0`]
      const through = await runGo(args, { cwd, env: env({ GONOPROXY: inputs.gonoproxy }) })
      expect(through.code).toBe(0)
      expect(JSON.parse(through.stdout)).toMatchObject({ Path: PRIVATE, Version: 'v1.4.0' })
      const direct = await runGo(args, { cwd: mkdtempSync(join(dir, 'go-')), env: env({}) })
      expect(direct.code).not.toBe(0)
    }
  )
})

describe('README Quick start', () => {
  /** Major version of each action CI pins: `uses: owner/name@<sha> # vX.Y.Z`. */
  function pinnedMajors(): Map<string, string> {
    const pins = new Map<string, string>()
    for (const file of readdirSync('.github/workflows')) {
      const text = readFileSync(join('.github/workflows', file), 'utf8')
      for (const [, action, major] of text.matchAll(
        /uses: ([\w-]+\/[\w-]+)@[0-9a-f]{40} # (v\d+)\./g
      ))
        pins.set(action, major)
    }
    return pins
  }

  it('uses the major versions of the actions CI pins', () => {
    const quickStart = blocksUnder('Quick start')[0].text
    const used = [...quickStart.matchAll(/uses: (actions\/[\w-]+)@(v\d+)/g)]
    expect(used.length).toBeGreaterThanOrEqual(2)
    const pins = pinnedMajors()
    expect(used.map(([, action, major]) => [action, major])).toEqual(
      used.map(([, action]) => [action, pins.get(action)])
    )
  })
})
