/**
 * A test world of one build: a module directory (go.mod and go.sum requiring four modules) and
 * proxies that serve it in the ways real ones do — all of it, all but one module (404), every
 * .mod but no zip (503), and a .mod other than go.sum says.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFront, type Front } from './front.js'
import { goSumLines, standardModules, type ModuleVersion } from './modules.js'
import { startProxyWorld, type ProxyWorld } from './proxy-server.js'
import { tamperedServed } from './tamper.js'

export interface BuildWorld {
  /** The module versions of the build, one a path. */
  build: ModuleVersion[]
  /** The module the `partial` proxy lacks. */
  upper: ModuleVersion
  /** The module directory: go.mod and go.sum. */
  dir: string
  url: { full: string; partial: string; noZip: string; badMod: string }
  /** Requests the proxies received since the world started. */
  requests(): number
  close(): Promise<void>
}

/** The standard modules, one version of each, as a go.mod requires them. */
export function oneVersionEach(modules: ModuleVersion[]): ModuleVersion[] {
  return modules.filter(m => !(m.path === 'example.com/hello' && m.version === 'v1.0.0'))
}

/** A new module directory whose go.mod requires, and whose go.sum lists, `build`. */
export async function writeModuleDir(build: ModuleVersion[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vgp-build-'))
  await writeFile(join(dir, 'go.sum'), goSumLines(build))
  const requires = build.map(m => `\t${m.path} ${m.version}`).join('\n')
  await writeFile(
    join(dir, 'go.mod'),
    `module example.com/app\n\ngo 1.21\n\nrequire (\n${requires}\n)\n`
  )
  return dir
}

export async function startBuildWorld(): Promise<BuildWorld> {
  const modules = await standardModules()
  const build = oneVersionEach(modules)
  const upper = build.find(m => m.path === 'example.com/Upper/Case')!
  const whole: ProxyWorld = await startProxyWorld(modules, [
    { name: 'full', fault: 'healthy' },
    { name: 'bad-mod', fault: 'tampered', tamperedServed: await tamperedServed(modules, 'mod') }
  ])
  const partial = await startProxyWorld(
    modules.filter(m => m !== upper),
    [{ name: 'partial', fault: 'healthy' }]
  )
  const noZip: Front = await startFront(whole.url('full'), [{ path: /\.zip$/, status: 503 }])
  const dir = await writeModuleDir(build)
  return {
    build,
    upper,
    dir,
    url: {
      full: whole.url('full'),
      partial: partial.url('partial'),
      noZip: noZip.url,
      badMod: whole.url('bad-mod')
    },
    requests: () => whole.totalRequests() + partial.totalRequests() + noZip.seen().length,
    close: async () => {
      await Promise.all([whole.close(), partial.close(), noZip.close()])
      await rm(dir, { recursive: true, force: true })
    }
  }
}
