/** Runs a child process with a hard kill deadline and collects its output; never hangs a test. */
import { spawn } from 'node:child_process'

export interface Finished {
  /** Exit code; null when the process was killed (see timedOut). */
  code: number | null
  stdout: string
  stderr: string
  timedOut: boolean
}

export interface BoundedOptions {
  env: Record<string, string | undefined>
  cwd?: string
  /** SIGKILL after this long. */
  killAfterMs: number
}

export function runBounded(
  command: string,
  args: readonly string[],
  opts: BoundedOptions
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, opts.killAfterMs)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', err => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('close', code => {
      clearTimeout(timer)
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString()
      resolve({ code, stdout: text(stdout), stderr: text(stderr), timedOut })
    })
  })
}
