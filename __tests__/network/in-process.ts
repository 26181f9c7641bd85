/**
 * The CLI run in-process against the test world, with a job environment given as a value (the
 * test process's own environment plays no part beside PATH), and the helpers its tests share.
 */
import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import type { ProxyWorld } from '../world/proxy-server.js'

export interface CliRun {
  status: number
  stdout: string
  stderr: string
  /** Each candidate's verdict and reason, from the JSON report on stdout (none on exit 64). */
  verdicts: { verdict: string; reason: string }[]
}

/**
 * `validate-goproxy --format json` on `proxies` (one pinned module, no checksum database, no
 * cache unless `flags` name one, no retries), HOME in `home` and no .netrc unless `env` says
 * otherwise.
 */
export async function runCli(
  home: string,
  proxies: string,
  env: Record<string, string> = {},
  flags: string[] = []
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const argv = ['--proxies', proxies, '--probe-modules', 'example.com/hello@v1.0.0']
  argv.push('--gosumdb', 'off', '--retries', '0', '--format', 'json')
  if (!flags.includes('--cache')) argv.push('--cache', 'false')
  argv.push(...(flags.includes('--timeout') ? flags : ['--timeout', '10', ...flags]))
  const jobEnv = { PATH: process.env.PATH ?? '', HOME: home, NETRC: join(home, 'no-netrc'), ...env }
  const status = await main(argv, jobEnv, {
    stdout: t => void (stdout += t),
    stderr: t => void (stderr += t)
  })
  const report = status === 64 ? { candidates: [] } : JSON.parse(stdout)
  const verdicts = (report.candidates as { verdict: string; reason: string }[]).map(c => ({
    verdict: c.verdict,
    reason: c.reason
  }))
  return { status, stdout, stderr, verdicts }
}

let written = 0

/** An executable sh script in `dir` running `body`; its path. */
export async function writeScript(dir: string, body: string): Promise<string> {
  const file = join(dir, `script-${++written}.sh`)
  await writeFile(file, `#!/bin/sh\n${body}\n`)
  await chmod(file, 0o755)
  return file
}

/** What the world saw while `fn` ran: each request's host, persona and Authorization. */
export async function seenDuring<T>(
  world: ProxyWorld,
  fn: () => Promise<T>
): Promise<[T, { host: string; persona: string; authorization?: string }[]]> {
  const before = world.seen().length
  const result = await fn()
  const seen = world
    .seen()
    .slice(before)
    .map(r => ({ host: r.host, persona: r.persona, authorization: r.authorization }))
  return [result, seen]
}
