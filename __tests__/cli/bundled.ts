// Runs the bundled CLI (dist/cli.js) as a user does: a child process with argv and an environment.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { runBounded } from '../world/spawn.js'

export const CLI_ENTRY = resolve('dist/cli.js')

export interface CliRun {
  /** Exit status; null when killed at the time limit. */
  code: number | null
  stdout: string
  stderr: string
}

/** Fails the suite at once, with what to do, when the bundle is missing. */
export function requireBundle(): void {
  if (!existsSync(CLI_ENTRY))
    throw new Error(`${CLI_ENTRY} is missing: run \`npm run build\` first`)
}

/**
 * `node dist/cli.js …args` with only PATH inherited plus `env` (so the machine's GOPROXY, GOSUMDB
 * or .netrc never leak in), killed after `killAfterMs`.
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  killAfterMs = 30_000
): Promise<CliRun> {
  const { code, stdout, stderr } = await runBounded(process.execPath, [CLI_ENTRY, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    killAfterMs
  })
  return { code, stdout, stderr }
}

/** NAME=value lines into a record. */
export function parseEnvLines(text: string): Record<string, string> {
  const lines = text.split('\n').filter(Boolean)
  return Object.fromEntries(
    lines.map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
}
