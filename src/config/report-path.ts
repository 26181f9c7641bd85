// Where the JSON report goes, checked before any request: a run that probes for minutes and
// then cannot write its report wastes the job. Only looks (stat, access); creates nothing.
import { accessSync, constants, statSync } from 'node:fs'
import * as path from 'node:path'
import { Inputs } from '../constants.js'
import { InputError } from './errors.js'

/**
 * Returns `file` when the report can be written there: an existing file that is writable, or a
 * new file whose nearest existing ancestor is a writable directory (the missing ones are created
 * when the report is written). Throws InputError naming `report-path` otherwise.
 */
export function checkReportPath(file: string): string {
  const refuse = (reason: string): never => {
    throw new InputError(Inputs.ReportPath, file, reason)
  }
  try {
    const target = path.resolve(file)
    const existing = statOrUndefined(target)
    if (existing?.isDirectory()) refuse('is a directory; give the path of a file')
    if (existing) {
      if (!writable(target, constants.W_OK)) refuse('is a file that cannot be written')
      return file
    }
    const ancestor = nearestExisting(path.dirname(target))
    if (!statSync(ancestor).isDirectory()) {
      refuse(`cannot be created: ${ancestor} is not a directory`)
    }
    if (!writable(ancestor, constants.W_OK | constants.X_OK)) {
      refuse(`cannot be created: ${ancestor} is not writable`)
    }
    return file
  } catch (err) {
    if (err instanceof InputError) throw err
    return refuse(`cannot be written: ${err instanceof Error ? err.message : String(err)}`)
  }
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file)
  } catch (err) {
    if (isMissing(err)) return undefined
    throw err
  }
}

// ENOTDIR: an ancestor is a file; walking up reaches it, and it is then refused as no directory.
function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

function nearestExisting(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    if (statOrUndefined(current) !== undefined || path.dirname(current) === current) return current
  }
}

function writable(file: string, mode: number): boolean {
  try {
    accessSync(file, mode)
    return true
  } catch {
    return false
  }
}
