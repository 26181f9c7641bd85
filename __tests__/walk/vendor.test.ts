/**
 * A vendored build (vendor/modules.txt under a go.mod at go 1.14 or later): `go build` builds from
 * vendor/ and downloads no module, so a module of go.sum the proxy does not serve is no failure,
 * and nothing is asked for it; so too a workspace vendored at its root (`go work vendor`). The real
 * go command builds each through the same proxy into an empty module cache; `go mod download`,
 * which takes no -mod flag, still fetches every module.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { walkedModules } from '../../src/walk/result.js'
import { summaryMarkdown } from '../../src/report/summary.js'
import { formatTable } from '../../src/cli/format.js'
import { itWithGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { goSumLines, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { GO_TIMEOUT_MS, goFailures, moduleOf, writeFiles } from './graph-world.js'

const MODULES_TXT = '# example.com/hello v1.0.0\n## explicit; go 1.21\nexample.com/hello\n'

describe('a vendored build', () => {
  let hello: ModuleVersion
  let world: ProxyWorld
  let proxy: string
  let dir: string
  let getter: HttpGetter

  beforeAll(async () => {
    // The proxy serves the probe module, not hello: only vendor/ has hello's code.
    hello = await moduleOf('example.com/hello', '1.21')
    const probe = await moduleOf('example.com/probe', '1.21')
    world = await startProxyWorld([probe], [{ name: 'p', fault: 'healthy' }])
    proxy = world.url('p')
    dir = await mkdtemp(join(tmpdir(), 'vgp-vendor-'))
    const app = {
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire example.com/hello v1.0.0\n',
      'go.sum': goSumLines([hello]),
      'main.go': 'package main\n\nimport _ "example.com/hello"\n\nfunc main() {}\n'
    }
    // vendor/ as `go mod vendor` and `go work vendor` write it.
    const vendor = (workspace: boolean) => ({
      'vendor/modules.txt': `${workspace ? '## workspace\n' : ''}${MODULES_TXT}`,
      'vendor/example.com/hello/hello.go': 'package hello\n'
    })
    await writeFiles(join(dir, 'module'), { ...app, ...vendor(false) })
    const inWorkspace = Object.entries(app).map(([name, text]) => [`app/${name}`, text])
    await writeFiles(join(dir, 'workspace'), {
      ...Object.fromEntries(inWorkspace),
      'go.work': 'go 1.22\n\nuse ./app\n',
      ...vendor(true)
    })
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    await world.close()
    await rm(dir, { recursive: true, force: true })
  })

  function run(where: string, goflags?: string): Promise<RunResult> {
    const plan = planOf({
      proxies: proxy,
      gosumdb: 'off',
      'probe-modules': 'example.com/probe@v1.0.0',
      'working-directory': join(dir, where),
      timeout: '8',
      retries: '1',
      cache: 'false'
    })
    return validate(
      { ...plan, build: { ...plan.build, goflags } },
      { http: getter.get, clock: systemClock, log: quietLog }
    )
  }

  const askedForHello = () => world.seen().filter(r => r.path.includes('example.com/hello'))

  it.each([
    ['module', 'go.mod says go 1.21', 'module/vendor'],
    ['workspace/app', 'go.work says go 1.22', 'workspace/vendor']
  ])(
    '%s: walks no module of go.sum, asks nothing for them, passes, and says why',
    async (where, reason, vendorDir) => {
      const before = askedForHello().length
      const result = await run(where)
      expect(result.selection.outcome).toBe('proxies')
      expect(result.selection.goproxy).toBe(proxy)
      expect(result.build.modules).toEqual([])
      expect(result.build.unresolved).toEqual([])
      expect(walkedModules(result.build)).toHaveLength(0)
      expect(askedForHello().length).toBe(before)
      expect(result.build.found.goSumFiles).toEqual([])
      const sentence = `Vendored build (${reason}): \`go build\` and \`go test\` build from ${join(dir, vendorDir)} and download no module, so its go.sum was not walked (\`go mod download\` would still fetch every module).`
      expect(summaryMarkdown(result)).toContain(`### The build\n\n${sentence}\n`)
      expect(formatTable(result)).toContain(`Build: ${sentence}`)
    }
  )

  it('with GOFLAGS=-mod=mod walks go.sum, as that build downloads, and fails on hello', async () => {
    const result = await run('module', '-mod=mod')
    expect(result.selection.outcome).toBe('failed')
    expect(result.build.unresolved.map(m => m.module.path)).toEqual([hello.path])
    expect(summaryMarkdown(result)).not.toContain('Vendored build')
  })

  itWithGo(
    'the go command agrees: it builds from vendor/ through that proxy, asking it nothing',
    async () => {
      const before = askedForHello().length
      // No -mod in GOFLAGS: the mode the go command picks, as the step saw it.
      const asIs = { GOFLAGS: '-modcacherw' }
      const build = [['build', './...']]
      expect(await goFailures(join(dir, 'module'), proxy, build, '.', asIs)).toEqual([])
      expect(await goFailures(join(dir, 'workspace'), proxy, build, 'app', asIs)).toEqual([])
      expect(askedForHello().length).toBe(before)
      // What does download: -mod=mod builds, and `go mod download` whatever GOFLAGS says.
      const downloads = [
        ['build', './...'],
        ['mod', 'download']
      ]
      expect(
        await goFailures(join(dir, 'module'), proxy, downloads, '.', {
          GOFLAGS: '-modcacherw -mod=mod'
        })
      ).toEqual(downloads.map(c => c.join(' ')))
      expect(
        await goFailures(join(dir, 'module'), proxy, [['mod', 'download']], '.', {
          GOFLAGS: '-modcacherw -mod=vendor'
        })
      ).toEqual(['mod download'])
      expect(askedForHello().length).toBeGreaterThan(before)
    },
    4 * GO_TIMEOUT_MS
  )
})
