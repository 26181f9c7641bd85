// Local paths as the go command sees them on the runner's platform: whether a GOPROXY entry
// is an absolute path (Go then adds no "https://"), and which directory a file:// proxy names.
import { GoEnvError } from './errors.js'

/** Which path rules apply: Windows (drive letters, UNC, '\\') or POSIX (everything else). */
export type PathStyle = 'windows' | 'posix'

export function pathStyleOf(platform: NodeJS.Platform): PathStyle {
  return platform === 'win32' ? 'windows' : 'posix'
}

const isSeparator = (c: string | undefined): boolean => c === '/' || c === '\\'

// Length of a UNC volume: up to the second separator after the prefix (host and share).
function uncLength(path: string, prefixLength: number): number {
  let count = 0
  for (let i = prefixLength; i < path.length; i++) {
    if (isSeparator(path[i]) && ++count === 2) return i
  }
  return path.length
}

// Case-insensitive prefix test where either slash matches a separator, and the prefix must end
// at a separator or the end of the path.
function hasPrefixFold(path: string, prefix: string): boolean {
  if (path.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) {
    const same = isSeparator(prefix[i])
      ? isSeparator(path[i])
      : prefix[i].toUpperCase() === path[i].toUpperCase()
    if (!same) return false
  }
  return path.length === prefix.length || isSeparator(path[prefix.length])
}

// filepath.VolumeName's length on Windows: "C:", \\host\share, \\.\device, \\?\…, \??\….
function windowsVolumeLength(path: string): number {
  if (path.length >= 2 && path[1] === ':') return 2
  if (!isSeparator(path[0])) return 0
  if (hasPrefixFold(path, '\\\\.\\UNC')) return uncLength(path, 8)
  if (['\\\\.', '\\\\?', '\\??'].some(prefix => hasPrefixFold(path, prefix))) {
    if (path.length === 3) return 3
    const separator = [...path.slice(4)].findIndex(c => isSeparator(c))
    return separator < 0 ? path.length : 4 + separator
  }
  if (isSeparator(path[1])) return uncLength(path, 2)
  return 0
}

/** filepath.IsAbs for the style. */
export function isAbsolutePath(path: string, style: PathStyle): boolean {
  if (style === 'posix') return path.startsWith('/')
  const volume = windowsVolumeLength(path)
  if (volume === 0) return false
  if (isSeparator(path[0]) && isSeparator(path[1])) return true
  return isSeparator(path[volume])
}

/**
 * The directory that a file:// proxy with this (decoded) URL path reads from. Go appends
 * "/<module>/@v/…" before it converts the URL, so "file://" means the root directory and
 * "file:///C:" means C:\ on Windows. Throws where every fetch from it would fail.
 */
export function fileProxyDirectory(urlPath: string, style: PathStyle): string {
  const dir = urlPath.replace(/\/+$/, '') + '/'
  if (style === 'posix') return dir === '/' ? dir : dir.slice(0, -1)
  const local = dir.slice(1).replaceAll('/', '\\')
  const volume = windowsVolumeLength(local)
  if (volume === 0 || local.startsWith('\\\\')) {
    throw new GoEnvError(`file URL missing drive letter: ${urlPath}`)
  }
  if (!isAbsolutePath(local, style)) throw new GoEnvError(`path is not absolute: ${local}`)
  return local.length === volume + 1 ? local : local.slice(0, -1)
}
