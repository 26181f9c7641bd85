// The world of the module graph tests: modules with go.mod files of a chosen go version, the
// engine run on a build, and the real go command run through a proxy on a copy of it.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { systemClock } from '../../src/clock.js'
import type { HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { runGo } from '../world/go.js'
import { writeProxyTree } from '../world/goproxy-dir.js'
import { quietLog } from '../world/log.js'
import { buildModule, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'

export const GO_TIMEOUT_MS = 60_000

/** A module (v1.0.0 unless `version` says) whose go.mod has `go <go>` and requires `requires`. */
export function moduleOf(
  path: string,
  go: string,
  requires: ModuleVersion[] = [],
  version = 'v1.0.0'
): Promise<ModuleVersion> {
  const lines = requires.map(r => `require ${r.path} ${r.version}\n`).join('')
  const name = path.split('/').pop()
  return buildModule(
    path,
    version,
    { [`${name}.go`]: `package ${name}\n` },
    { goMod: `module ${path}\n\ngo ${go}\n${lines}` }
  )
}

/**
 * The engine on the build `where` names (a go.sum, or a working directory), through `proxies`,
 * with GOSUMDB off; `inputs` adds others (`checks`) or overrides these (`gosumdb`).
 */
export function validateBuild(
  proxies: string,
  where: { goSum: string } | { workingDirectory: string },
  probe: string,
  getter: HttpGetter,
  inputs: Record<string, string> = {}
): Promise<RunResult> {
  const plan = planOf({
    proxies,
    gosumdb: 'off',
    'probe-modules': probe,
    ...('goSum' in where
      ? { 'go-sum': where.goSum }
      : { 'working-directory': where.workingDirectory }),
    timeout: '8',
    retries: '1',
    cache: 'false',
    ...inputs
  })
  return validate(plan, { http: getter.get, clock: systemClock, log: quietLog })
}

/**
 * Each go.sum line's outcome, by `path@version mod|zip`. The .info `go mod download` reads before
 * a zip it fetches is folded into the zip's outcome, and named only where the two differ (or where
 * one is walked without the other); a file walked twice, or a module listed twice, is named too.
 */
export function outcomes(result: RunResult): Record<string, string> {
  const found: Record<string, string> = {}
  for (const m of result.build.modules) {
    const info = m.files.filter(f => f.file === 'info')
    for (const f of m.files.filter(f => f.file !== 'info')) {
      const key = `${m.module.path}@${m.module.version} ${f.file}`
      const fetched = f.file === 'zip' && f.outcome !== 'not-fetched'
      const apart = fetched ? info[0]?.outcome !== f.outcome : f.file === 'zip' && info.length > 0
      let outcome = apart ? `${f.outcome} (.info ${info[0]?.outcome ?? 'not walked'})` : f.outcome
      if (info.length > 1) outcome += ' (.info walked twice)'
      found[key] = key in found ? `${found[key]}, then ${outcome} (walked twice)` : outcome
    }
  }
  return found
}

/**
 * Runs each go command, in order, in a copy of `dir` (each in the subfolder `cwd`) through
 * `proxy`, with GOSUMDB off unless `env` says, all into one empty module cache; the ones that
 * failed.
 */
export async function goFailures(
  dir: string,
  proxy: string,
  commands: string[][],
  cwd = '.',
  env: Record<string, string> = {}
): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), 'vgp-modgraph-go-'))
  try {
    await cp(dir, work, { recursive: true })
    const failed: string[] = []
    for (const args of commands) {
      const go = await runGo(args, {
        cwd: join(work, cwd),
        env: { GOPROXY: proxy, GOSUMDB: 'off', GOFLAGS: '-modcacherw', ...env },
        timeoutMs: GO_TIMEOUT_MS
      })
      if (go.code !== 0) failed.push(args.join(' '))
    }
    return failed
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * A main module at go 1.16 (unpruned: go mod download fetches the go.mod and zip of every module
 * of the build list) that requires and imports `m`, with `goSum` as its go.sum.
 */
export async function writeAppRequiring(dir: string, m: ModuleVersion, goSum: string) {
  await writeFiles(dir, {
    'go.mod': `module example.com/app\n\ngo 1.16\n\nrequire ${m.path} ${m.version}\n`,
    'main.go': `package main\n\nimport _ "${m.path}"\n\nfunc main() {}\n`,
    'go.sum': goSum
  })
}

/** A file:// proxy under `dir` for each name, holding its modules: each one's URL by name. */
export async function writeProxies<Name extends string>(
  dir: string,
  serve: Record<Name, ModuleVersion[]>
): Promise<Record<Name, string>> {
  const urls = {} as Record<Name, string>
  for (const name of Object.keys(serve) as Name[]) {
    await writeProxyTree(join(dir, name), serve[name])
    urls[name] = pathToFileURL(join(dir, name)).href
  }
  return urls
}

/** Writes each file (a '/'-separated path under `dir` → its text), folders made as needed. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true })
    await writeFile(join(dir, name), text)
  }
}
