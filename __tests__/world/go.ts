// Runs the real go command in tests, hermetically: no internet, no user configuration, a module
// cache under the working directory, and a hard timeout. The test gates use Jest's global
// describe/it: @jest/globals throws when imported outside Jest, and the benchmark imports this file.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBounded, type Finished } from './spawn.js'

export type GoResult = Finished

export interface RunGoOptions {
  cwd: string
  /** Merged over the hermetic base environment (see runGo). */
  env?: Record<string, string>
  /** Hard limit; the process is killed with SIGKILL when it is reached. Default 60 s. */
  timeoutMs?: number
}

let available: boolean | undefined

/** Whether a working `go` is on PATH (checked once). */
export function goAvailable(): boolean {
  if (available === undefined) {
    const probe = spawnSync('go', ['version'], { timeout: 10_000, stdio: 'ignore' })
    available = probe.status === 0
  }
  return available
}

type TestFn = NonNullable<Parameters<typeof it>[1]>

const MISSING = 'go is not on PATH'

/** Run when go is there; without it, fail under CI=true (CI must prove it), else skip visibly. */
function goGate(name: string): 'run' | 'fail' | 'skip' {
  if (goAvailable()) return 'run'
  if (process.env.CI === 'true') return 'fail'
  console.warn(`skipped, ${MISSING}: ${name}`)
  return 'skip'
}

function failMissingGo(): never {
  throw new Error(
    `${MISSING}, and CI=true: a test that needs the go command may not be skipped in CI`
  )
}

/** `it` for a test that needs the go command (see goGate). */
export function itWithGo(name: string, fn: TestFn, timeout?: number): void {
  const gate = goGate(name)
  if (gate === 'run') it(name, fn, timeout)
  else if (gate === 'fail') it(name, failMissingGo)
  else it.skip(`${name} [skipped: ${MISSING}]`, fn, timeout)
}

/** `describe` for tests that all need the go command (see goGate); hooks run only with go. */
export function describeWithGo(name: string, fn: () => void): void {
  const gate = goGate(name)
  if (gate === 'run') describe(name, fn)
  else if (gate === 'fail') describe(name, () => it('needs the go command', failMissingGo))
  else describe.skip(`${name} [skipped: ${MISSING}]`, fn)
}

/**
 * A test whose second half hands the go command what the first produced: the first half is a
 * test of its own that runs everywhere, the go half an itWithGo. The first runs once, whichever
 * test asks first (so the go half also works when run alone).
 */
export function itThenGo<T>(
  name: string,
  first: () => Promise<T>,
  goHalf: { name: string; test: (value: T) => Promise<void> },
  timeout?: number
): void {
  let started: Promise<T> | undefined
  const once = (): Promise<T> => (started ??= first())
  it(name, async () => void (await once()), timeout)
  itWithGo(`${name}, then ${goHalf.name}`, async () => goHalf.test(await once()), timeout)
}

/**
 * The environment every run starts from: only PATH is inherited. GOPROXY and GOSUMDB are off so
 * nothing reaches the internet unless a test points them somewhere; HOME, GOPATH and GOCACHE live
 * in `cwd` so no user file (.netrc, go env) is read and the module cache can be deleted
 * (-modcacherw).
 */
export function baseEnv(cwd: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: cwd,
    XDG_CONFIG_HOME: goConfigHome(),
    GOENV: 'off',
    GOTOOLCHAIN: 'local',
    GOTELEMETRY: 'off',
    GOFLAGS: '-mod=mod -modcacherw',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOPATH: join(cwd, '.gopath'),
    GOCACHE: join(cwd, '.gocache')
  }
}

/**
 * Runs `go <args>` in a new module (`module example.com/app`, go 1.21, no requirements) under
 * `parent`, with a module cache of its own, empty: what it downloads it must get through `env`.
 */
export async function runGoInNewModule(
  parent: string,
  args: readonly string[],
  env: Record<string, string>
): Promise<GoResult> {
  const cwd = mkdtempSync(join(parent, 'go-'))
  writeFileSync(join(cwd, 'go.mod'), 'module example.com/app\n\ngo 1.21\n')
  return runGo(args, { cwd, env: { GOPATH: join(cwd, '.gopath'), ...env } })
}

/** Runs `go <args>` in `cwd`; resolves with its exit code and output, never rejects on failure. */
export function runGo(args: readonly string[], opts: RunGoOptions): Promise<GoResult> {
  const env = { ...baseEnv(opts.cwd), ...opts.env }
  return runBounded('go', args, { cwd: opts.cwd, env, killAfterMs: opts.timeoutMs ?? 60_000 })
}

let configHome: string | undefined

/**
 * The go command's config directory (os.UserConfigDir), outside every test's folder, with
 * telemetry off. In its default mode the go command leaves a child process behind that writes
 * telemetry files under the config directory after go has exited, racing the test's clean-up.
 */
function goConfigHome(): string {
  if (configHome === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'vgp-goconfig-'))
    mkdirSync(join(dir, 'go', 'telemetry'), { recursive: true })
    writeFileSync(join(dir, 'go', 'telemetry', 'mode'), 'off')
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    configHome = dir
  }
  return configHome
}
