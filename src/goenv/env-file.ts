/**
 * The go command's own configuration files, read as cmd/go/internal/cfg reads them: a variable
 * the environment leaves unset or empty comes from the user's go env file ($GOENV, else
 * <config dir>/go/env, which `go env -w` writes), else from $GOROOT/go.env. So a self-hosted
 * runner configured with `go env -w GOPROXY=…` is checked with the proxies its builds use.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import * as path from 'node:path'

/** The variables the action reads that Go may take from its env files. */
export const GO_ENV_FILE_KEYS = [
  'GOPROXY',
  'GOSUMDB',
  'GOPRIVATE',
  'GONOPROXY',
  'GONOSUMDB',
  'GOAUTH',
  'GOTOOLCHAIN',
  'GOFLAGS'
] as const

/** `env`, with what Go's env files give the variables it leaves unset or empty. */
export function withGoEnvFiles(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform
): NodeJS.ProcessEnv {
  const user = readEnvFile(userEnvFile(env, platform))
  const goroot = findGoroot(user.get('GOROOT') || env.GOROOT, env, platform)
  const defaults = readEnvFile(goroot && path.join(goroot, 'go.env'))
  const merged = { ...env }
  for (const key of GO_ENV_FILE_KEYS) {
    if (env[key]) continue
    const value = user.get(key) ?? defaults.get(key)
    if (value !== undefined) merged[key] = value
  }
  return merged
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

/**
 * cfg.findGOROOT: GOROOT as set, else the folder above the `bin` of the go command on PATH
 * (symbolic links followed), the one that has pkg/tool.
 */
function findGoroot(
  set: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform
): string | undefined {
  if (set) return path.normalize(set)
  const exe = goOnPath(env, platform)
  if (!exe) return undefined
  const candidates = [exe, realpathOr(exe)].flatMap(e => [
    path.join(e, '..', '..'),
    path.join(e, '..', '..', '..')
  ])
  return candidates.find(isGoroot)
}

function goOnPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const name = platform === 'win32' ? 'go.exe' : 'go'
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':')
  return dirs
    .filter(dir => dir !== '')
    .map(dir => path.resolve(dir, name))
    .find(file => existsSync(file) && statSync(file).isFile())
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return file
  }
}

function isGoroot(dir: string): boolean {
  try {
    return statSync(path.join(dir, 'pkg', 'tool')).isDirectory()
  } catch {
    return false
  }
}
