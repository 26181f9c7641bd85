// Runs the real go command in tests, hermetically: no internet, no user configuration, a module
// cache under the working directory, and a hard timeout.
import { spawnSync } from 'node:child_process'
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

/** Runs `go <args>` in `cwd`; resolves with its exit code and output, never rejects on failure. */
export function runGo(args: readonly string[], opts: RunGoOptions): Promise<GoResult> {
  const env = { ...baseEnv(opts.cwd), ...opts.env }
  return runBounded('go', args, { cwd: opts.cwd, env, killAfterMs: opts.timeoutMs ?? 60_000 })
}
