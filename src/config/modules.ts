import { checkModulePath, checkVersion } from '../xmod/module.js'
import { InputError } from './errors.js'
import type { ProbeModule } from './plan.js'
import { splitList } from './values.js'

/** `path@version` (pinned) or `path` / `path@latest`, separated by newlines, commas or spaces. */
export function parseProbeModules(input: string, value: string): ProbeModule[] {
  const items = splitList(value)
  if (items.length === 0) throw new InputError(input, value, 'names no module')
  return items.map(text => {
    const at = text.indexOf('@')
    const path = at < 0 ? text : text.slice(0, at)
    const version = at < 0 ? 'latest' : text.slice(at + 1)
    try {
      checkModulePath(path)
      if (version !== 'latest') checkVersion(path, version)
    } catch (err) {
      throw new InputError(input, text, `is not a module path@version: ${(err as Error).message}`)
    }
    return { path, version, text }
  })
}
