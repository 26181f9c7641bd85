/**
 * The go command's own configuration file, read as cmd/go/internal/cfg reads it: a variable the
 * environment leaves unset or empty comes from the user's go env file ($GOENV, else
 * <config dir>/go/env, which `go env -w` writes). So a self-hosted runner configured with
 * `go env -w GOPROXY=…` is checked with the proxies its builds use. $GOROOT/go.env is not read:
 * it belongs to one Go installation, and the go on PATH when this step runs is often not the one
 * the build runs (actions/setup-go comes later); its defaults are Go's, which the action knows.
 */
import { readFileSync } from 'node:fs'
import * as path from 'node:path'

/** The variables the action reads that Go may take from its env file. */
const GO_ENV_FILE_KEYS = [
  'GOPROXY',
  'GOSUMDB',
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOAUTH',
  'GOTOOLCHAIN',
  'GOFLAGS'
] as const

/** `env`, with what the user's go env file gives the variables it leaves unset or empty. */
export function withGoEnvFile(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform
): NodeJS.ProcessEnv {
  const file = readEnvFile(userEnvFile(env, platform))
  const missing = GO_ENV_FILE_KEYS.filter(key => !env[key] && file.has(key))
  // Unchanged, `env` keeps what a copy would lose: process.env's case-insensitive names on Windows.
  if (missing.length === 0) return env
  return { ...env, ...Object.fromEntries(missing.map(key => [key, file.get(key)])) }
}

/** cfg.EnvFile: $GOENV (`off`: none), else os.UserConfigDir()/go/env. */
function userEnvFile(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (env.GOENV) return env.GOENV === 'off' ? undefined : env.GOENV
  const dir = userConfigDir(env, platform)
  return dir && path.join(dir, 'go', 'env')
}

/** os.UserConfigDir, per platform. */
function userConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform === 'win32') return env.AppData || env.APPDATA || undefined
  if (platform === 'darwin')
    return env.HOME && path.join(env.HOME, 'Library', 'Application Support')
  const xdg = env.XDG_CONFIG_HOME
  if (xdg) return path.isAbsolute(xdg) ? xdg : undefined
  return env.HOME ? path.join(env.HOME, '.config') : undefined
}

/**
 * cfg.readEnvFile: KEY=value lines, the value as written; lines without `=` or not starting
 * with A-Z (comments) are skipped; a later line wins. A file that cannot be read is empty.
 */
function readEnvFile(file: string | undefined): Map<string, string> {
  const values = new Map<string, string>()
  let text: string
  try {
    text = file ? readFileSync(file, 'utf8') : ''
  } catch {
    return values
  }
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=')
    if (eq < 0 || !/^[A-Z]/.test(line)) continue
    values.set(line.slice(0, eq), line.slice(eq + 1))
  }
  return values
}
