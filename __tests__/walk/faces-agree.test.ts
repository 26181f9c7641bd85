/**
 * The build through both faces, bundled, as users run them: the action with no build input in a
 * workspace holding go.mod and go.sum (it finds them itself), and the CLI pointed at the same
 * directory. They must export the same chain, name the same unresolved modules and annotate the
 * go.sum lines at fault.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startBuildWorld, type BuildWorld } from '../world/build-world.js'
import { runAction } from '../world/runner.js'
import { requireBundle, runCli } from '../cli/bundled.js'

interface CliReport {
  exported: { GOPROXY: string | null }
  build: { modules: number; versions: { module: string; outcome: string }[] }
}

describe('the action and the CLI agree on the build', () => {
  let world: BuildWorld

  beforeAll(async () => {
    requireBundle()
    world = await startBuildWorld()
  })

  afterAll(() => world.close())

  const common = {
    gosumdb: 'off',
    'probe-modules': 'rsc.io/quote@v1.5.2',
    timeout: '8',
    cache: 'false'
  }

  async function bothFaces(proxies: string) {
    const action = await runAction(
      { ...common, proxies },
      { env: { GITHUB_WORKSPACE: world.dir }, killAfterMs: 60_000 }
    )
    const flags = Object.entries({ ...common, proxies }).flatMap(([k, v]) => [`--${k}`, v])
    const cli = await runCli([...flags, '--working-directory', world.dir, '--format', 'json'], {
      HOME: world.dir
    })
    const report = JSON.parse(cli.stdout) as CliReport
    const unresolved = report.build.versions
      .filter(v => v.outcome === 'unresolved')
      .map(v => v.module)
    return { action, cli, report, unresolved }
  }

  it.each([
    ['a proxy lacking a module before one that has it', 'partial,full', 'partial,full', 0],
    ['a proxy failing every zip before a comma', 'noZip,full', 'full', 0],
    ['a proxy whose .mod contradicts go.sum', 'badMod,full', 'full', 0],
    ['a proxy lacking a module, alone', 'partial', null, 1]
  ] as const)(
    '%s',
    async (_what, list, expected, status) => {
      const urlOf = (names: string): string =>
        names
          .split(',')
          .map(n => world.url[n as keyof BuildWorld['url']])
          .join(',')
      const { action, cli, report, unresolved } = await bothFaces(urlOf(list))
      const exported = expected === null ? null : urlOf(expected)
      expect(action.code).toBe(status)
      expect(cli.code).toBe(status)
      expect(action.outputs.goproxy || null).toBe(exported)
      expect(report.exported.GOPROXY).toBe(exported)
      expect(action.outputs['modules-checked']).toBe(String(world.build.length))
      expect(report.build.modules).toBe(world.build.length)
      expect(action.outputs['modules-unresolved'].split('\n').filter(Boolean)).toEqual(unresolved)
      if (status === 1) {
        expect(unresolved).toEqual([`${world.upper.path}@${world.upper.version}`])
        expect(action.stdout).toMatch(
          /::error title=validate-goproxy%3A no usable candidate serves this module version,file=go\.sum,line=\d+::/
        )
      }
      if (list.startsWith('badMod')) {
        expect(action.stdout).toMatch(
          /::error title=validate-goproxy%3A \S+ contradicts go\.sum,file=go\.sum,line=\d+::/
        )
      }
    },
    120_000
  )

  it('says once that no candidate was left, when the only proxy contradicts go.sum', async () => {
    const { action, cli } = await bothFaces(world.url.badMod)
    // The CLI's status for a tampered candidate is 2.
    expect([action.code, cli.code]).toEqual([1, 2])
    const errors = action.stdout.split('\n').filter(line => line.startsWith('::error'))
    const titled = (title: string) => errors.filter(line => line.includes(`title=${title}`))
    expect(titled('validate-goproxy%3A no usable candidate serves this module version')).toEqual([])
    expect(titled('validate-goproxy%3A no candidate left to serve the build')).toHaveLength(1)
    // Each line the proxy contradicts (bad-mod serves other bytes for every .mod) is its own error.
    expect(
      errors.filter(line => /contradicts go\.sum,file=go\.sum,line=\d+::/.test(line))
    ).toHaveLength(world.build.length)
    // Beside them: the candidate's verdict, the one build error, and the step's.
    expect(errors).toHaveLength(world.build.length + 3)
    // The step's own error says why: the candidates, not the modules.
    expect(errors.at(-1)).toMatch(/^::error::No candidate passed; nothing was exported\./)
  }, 120_000)

  it('says once, as a warning, that GOPROXY=off as given downloads nothing', async () => {
    const { action, cli, unresolved } = await bothFaces('off')
    expect([action.code, cli.code]).toEqual([0, 0])
    expect(action.outputs.goproxy).toBe('off')
    expect(unresolved).toHaveLength(world.build.length)
    expect(action.stdout.split('\n').filter(line => line.startsWith('::error'))).toEqual([])
    const warnings = action.stdout.split('\n').filter(line => line.startsWith('::warning'))
    const offline = warnings.filter(line =>
      line.includes('title=validate-goproxy%3A GOPROXY=off downloads nothing,file=go.sum::')
    )
    expect(offline).toHaveLength(1)
    expect(offline[0]).toContain(`none of the build's ${world.build.length} module versions`)
    expect(cli.stderr + cli.stdout).not.toContain('Resolve through no usable candidate')
  }, 120_000)
})
