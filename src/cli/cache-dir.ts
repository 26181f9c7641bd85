import * as os from 'node:os'
import * as path from 'node:path'

/**
 * Where the CLI keeps cached verdicts by default: the user's cache directory, as the XDG spec
 * places it (a relative XDG_CACHE_HOME is ignored, as the spec says), or %LOCALAPPDATA% on Windows.
 */
export function defaultCacheDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home = os.homedir()
): string {
  if (platform === 'win32') {
    return path.win32.join(
      env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'),
      'validate-goproxy'
    )
  }
  const xdg = env.XDG_CACHE_HOME
  if (xdg && path.posix.isAbsolute(xdg)) return path.posix.join(xdg, 'validate-goproxy')
  return path.posix.join(env.HOME || home, '.cache', 'validate-goproxy')
}
