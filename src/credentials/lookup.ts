// Where GOAUTH's credentials come from on this machine: the netrc file and git directories.
import { existsSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import { netrcPath, parseNetrc, type NetrcEntry } from '../goenv/netrc.js'

/** The go command's netrc (NETRC, else ~/.netrc; ~/_netrc on Windows). */
export async function readNetrc(env: NodeJS.ProcessEnv): Promise<NetrcEntry[] | undefined> {
  let text: string
  try {
    text = await fs.readFile(netrcPath(env, process.platform, homeOf(env), existsSync), 'utf8')
  } catch {
    // No home or no file: the go command then sends no netrc credentials either.
    return undefined
  }
  return parseNetrc(text)
}

/** os.UserHomeDir: %USERPROFILE% on Windows, $HOME elsewhere. */
function homeOf(env: NodeJS.ProcessEnv): string {
  return (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ?? ''
}

/** Go's checks of a `git DIR` directory, worded as its fatal errors. */
export async function directoryProblem(dir: string): Promise<string | undefined> {
  try {
    if ((await fs.stat(dir)).isDirectory()) return undefined
    return 'GOAUTH=git dir method requires an absolute path to the git working directory, dir is not a directory'
  } catch (err) {
    return `GOAUTH=git encountered an error; cannot stat ${dir}: ${(err as NodeJS.ErrnoException).code ?? err}`
  }
}
