/**
 * The toolchain tests' world: an app whose go.mod asks for a toolchain newer than any Go that will
 * run the tests, the toolchain module itself (a shell script standing in for Go), proxies with and
 * without it, a zip-only file:// mirror, and checksum databases with and without its record.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { goPlatformOf } from '../../src/goenv/platform.js'
import { toolchainModule } from '../../src/build/gomod.js'
import { systemClock } from '../../src/clock.js'
import { buildPlan } from '../../src/config/build.js'
import type { EntryStore } from '../../src/cache/local-store.js'
import { createHttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { quietLog } from '../world/log.js'
import { writeProxyTree } from '../world/goproxy-dir.js'
import {
  buildModule,
  goSumLines,
  proxyTree,
  standardModules,
  type ModuleVersion
} from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

// Newer than any Go that will run these tests, so GOTOOLCHAIN=auto must switch to it.
export const TOOLCHAIN = 'go1.99.1'

/**
 * A toolchain the go command can switch to: bin/go a script that says who it is, and the folders
 * Go sets the execute bits in after the download (it fails if one is missing).
 */
function fakeGoFiles(platform: string): Record<string, string> {
  return {
    'bin/go': `#!/bin/sh\necho "fake ${TOOLCHAIN} $*"\n`,
    'bin/gofmt': '#!/bin/sh\n',
    [`pkg/tool/${platform}/vet`]: '#!/bin/sh\n',
    'lib/time/README': 'none\n',
    'go/VERSION': `${TOOLCHAIN}\n`
  }
}

/** A file:// GOPROXY with the modules' files and, of the toolchain, only its zip. */
async function zipOnlyMirror(dir: string, modules: ModuleVersion[], toolchain: ModuleVersion) {
  await writeProxyTree(dir, modules)
  for (const [rel, data] of proxyTree([toolchain])) {
    if (!rel.endsWith('.zip')) continue
    await mkdir(dirname(join(dir, rel)), { recursive: true })
    await writeFile(join(dir, rel), data)
  }
  return pathToFileURL(dir).href
}

export interface ToolchainWorld {
  /** The app: go.mod (asking for TOOLCHAIN) and go.sum. */
  dir: string
  toolchain: ModuleVersion
  db: SumdbWorld
  /** A database with no record of the toolchain. */
  dbWithout: SumdbWorld
  withToolchain: ProxyWorld
  withoutToolchain: ProxyWorld
  /** A file:// GOPROXY holding the modules' files and only the toolchain's zip. */
  zipOnly: string
  /** `name+key url` of `db`. */
  gosumdb(): string
  /** Validates the app (go-sum: auto) with these proxies, database, checks, inputs and job env. */
  run(
    proxies: string,
    gosumdb?: string,
    checks?: string,
    inputs?: Record<string, string>,
    env?: Record<string, string>,
    /** The verdict cache; none by default. */
    store?: EntryStore
  ): Promise<RunResult>
  close(): Promise<void>
}

export async function startToolchainWorld(): Promise<ToolchainWorld> {
  const platform = goPlatformOf(process.platform, process.arch)!
  const { path, version } = toolchainModule(TOOLCHAIN, platform)
  const toolchain = await buildModule(
    path,
    version,
    fakeGoFiles(`${platform.goos}_${platform.goarch}`)
  )
  const modules = await standardModules()
  const build = modules.filter(m => m.path === 'rsc.io/quote')
  const db = await startSumdb([...modules, toolchain], { delayMs: 100 })
  const dbWithout = await startSumdb(modules)
  const withToolchain = await startProxyWorld(
    [...modules, toolchain],
    [{ name: 'all', fault: 'healthy' }]
  )
  const withoutToolchain = await startProxyWorld(modules, [{ name: 'modules', fault: 'healthy' }])
  const dir = await mkdtemp(join(tmpdir(), 'vgp-toolchain-'))
  const zipOnly = await zipOnlyMirror(join(dir, 'mirror'), modules, toolchain)
  const requires = build.map(m => `require ${m.path} ${m.version}`).join('\n')
  await writeFile(
    join(dir, 'go.mod'),
    `module example.com/app\n\ngo ${TOOLCHAIN.slice(2)}\n\n${requires}\n`
  )
  await writeFile(join(dir, 'go.sum'), goSumLines(build))
  const getter = createHttpGetter()
  const gosumdb = (): string => `${db.verifierKey} ${db.url}`
  return {
    dir,
    toolchain,
    db,
    dbWithout,
    withToolchain,
    withoutToolchain,
    zipOnly,
    gosumdb,
    run(proxies, sumdb = gosumdb(), checks = 'standard', inputs = {}, env = {}, store) {
      // No go-sum input: the module of the working directory is found as the go command finds it.
      const plan = buildPlan(
        {
          proxies,
          gosumdb: sumdb,
          'probe-modules': 'rsc.io/quote@v1.5.2',
          'working-directory': dir,
          timeout: '8',
          checks,
          cache: 'false',
          ...inputs
        },
        { env, platform: process.platform, defaultCacheDir: '/unused' }
      )
      return validate(plan, { http: getter.get, clock: systemClock, log: quietLog, store })
    },
    async close() {
      getter.close()
      await Promise.all([
        withToolchain.close(),
        withoutToolchain.close(),
        db.close(),
        dbWithout.close()
      ])
      await rm(dir, { recursive: true, force: true })
    }
  }
}
