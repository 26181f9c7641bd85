import * as nodeModule from 'node:module'

type EnableCompileCache = (directory?: string) => unknown

/**
 * Turns on Node's module compile cache (Node ≥ 22.1; older Node has none and this does nothing):
 * the code of every module loaded from here on is compiled once and kept in `directory` (Node's
 * default, under the temp folder, when undefined), so the next run of the same bundle skips most
 * of compiling it. A cache that cannot be written only loses the time it would have saved.
 */
export function enableCompileCache(directory?: string): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache
  if (typeof enable !== 'function') return
  try {
    enable(directory)
  } catch {
    // Nothing to undo: the modules are then compiled as without a cache.
  }
}
