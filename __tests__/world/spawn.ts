/** Runs a child process with a hard kill deadline and collects its output; never hangs a test. */
import { spawn, type ChildProcess } from 'node:child_process'

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

export interface StartedServer {
  /** The match of `ready` in what the server printed (its address, say). */
  said: RegExpExecArray
  /** Kills the server; resolves once the process is gone. */
  stop(): Promise<void>
}

export interface ServerOptions {
  /** The server's name, for errors. */
  name: string
  cwd: string
  env: Record<string, string | undefined>
  /** The line that says it is ready, on stdout or stderr. */
  ready: RegExp
  /** Longest wait for that line. */
  waitMs: number
}

/**
 * Starts a server process for the tests and waits, bounded, until it says it is ready; if it
 * exits or stays silent, the start rejects with what it said (and the process is killed). Its
 * stdin is a pipe from the test process, closed when that process ends, however it ends: a
 * server that exits at the end of its stdin cannot outlive the tests. (Under Jest, the test
 * code's `process` never emits 'exit', so a hook there would never kill it.)
 */
export async function startServer(
  command: string,
  args: readonly string[],
  o: ServerOptions
): Promise<StartedServer> {
  const child = spawn(command, args, {
    cwd: o.cwd,
    env: o.env as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const stop = (): Promise<void> => killAndWait(child)
  try {
    return { said: await untilSaid(child, o), stop }
  } catch (err) {
    await stop()
    throw err
  }
}

function untilSaid(child: ChildProcess, o: ServerOptions): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let said = ''
    const fail = (why: string): void => {
      clearTimeout(timer)
      reject(new Error(`${o.name} did not start: ${why}; it said: ${said.trim() || '(nothing)'}`))
    }
    const timer = setTimeout(() => fail(`no ready line within ${o.waitMs} ms`), o.waitMs)
    let ready = false
    // Read on after the ready line, so a chatty server never blocks on a full pipe.
    const hear = (chunk: Buffer): void => {
      if (ready) return
      said += chunk.toString()
      const match = o.ready.exec(said)
      if (match) {
        ready = true
        clearTimeout(timer)
        resolve(match)
      }
    }
    child.stdout?.on('data', hear)
    child.stderr?.on('data', hear)
    child.once('error', err => fail(err.message))
    child.once('exit', code => fail(`it exited with code ${code}`))
  })
}

function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}
