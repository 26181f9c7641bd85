/**
 * Runs a command as a measured child: wall time from spawn to exit, peak RSS from GNU time, and a
 * hard budget after which the command (not GNU time, which must live to report) is killed.
 */
import { spawn } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

export const GNU_TIME = '/usr/bin/time'

export interface MeasuredRun {
  /** Exit code; null when the command was killed. */
  code: number | null
  /** The budget ran out and the command was killed. */
  killed: boolean
  wallMs: number
  /** Peak resident set of the command and the children it waited for (getrusage maxrss). */
  maxRssKiB?: number
  stdout: string
  stderr: string
}

export interface MeasureOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  budgetMs: number
  /** Where GNU time writes its figures (a file in a scratch folder). */
  timeFile?: string
}

/** GNU time's last line is `%M` (KiB); a killed command makes it print a line about the signal first. */
function parseMaxRss(text: string): number | undefined {
  const last = text.trim().split('\n').at(-1)
  return last && /^\d+$/.test(last) ? Number(last) : undefined
}

/** Children of a process as the kernel lists them (Linux: /proc/PID/task/TID/children). */
async function childrenOf(pid: number): Promise<number[]> {
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')
    return text.trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

/** Every descendant of `pid`, depth first, so a pipeline's members are found before they go. */
async function descendantsOf(pid: number, depth = 0): Promise<number[]> {
  if (depth > 8) return []
  const direct = await childrenOf(pid)
  const nested = await Promise.all(direct.map(child => descendantsOf(child, depth + 1)))
  return [...direct, ...nested.flat()]
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // Already gone: nothing to stop.
  }
}

export async function measuredRun(
  command: string,
  args: string[],
  o: MeasureOptions
): Promise<MeasuredRun> {
  const timeFile = o.timeFile ?? join(o.cwd, 'gnu-time.txt')
  const started = performance.now()
  const child = spawn(GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args], {
    cwd: o.cwd,
    env: o.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  let killed = false
  const timer = setTimeout(async () => {
    killed = true
    const pid = child.pid
    if (pid === undefined) return
    for (const victim of await descendantsOf(pid)) killQuietly(victim)
    // If GNU time itself does not end soon after, end the group it leads (it was started detached).
    setTimeout(() => child.exitCode === null && killQuietly(-pid), 2000).unref()
  }, o.budgetMs)
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', exitCode => resolve(exitCode))
  })
  const wallMs = performance.now() - started
  clearTimeout(timer)
  const maxRssKiB = parseMaxRss(await readFile(timeFile, 'utf8').catch(() => ''))
  await rm(timeFile, { force: true })
  return { code: killed ? null : code, killed, wallMs, maxRssKiB, stdout, stderr }
}
