// Running GOAUTH's programs (a command, git): no shell, as the go command's os/exec runs them,
// with the job's environment, a deadline and a cap on what they print.
import type { ExecFileException } from 'node:child_process'
import { maskCredentialsLoosely } from './mask.js'

export interface RunOptions {
  cwd?: string
  /** Written to the program's stdin, which is then closed. */
  stdin: string
  signal?: AbortSignal
  /** Added to the job's environment. */
  env?: Record<string, string>
}

/** Runs a program to its end and resolves with its stdout; rejects with a CommandError. */
export type RunCommand = (argv: string[], options: RunOptions) => Promise<string>

export class CommandError extends Error {
  override name = 'CommandError'
  constructor(
    message: string,
    /** The program could not be started at all (not found, not executable). */
    readonly cannotStart = false
  ) {
    super(message)
  }
}

/** What a credential program may print: far more than any set of headers. */
const MAX_OUTPUT_BYTES = 1024 * 1024

/** The real runner: `env` is the job's environment; each run ends after `timeoutMs`. */
export function createCommandRunner(env: NodeJS.ProcessEnv, timeoutMs: number): RunCommand {
  return (argv, options) =>
    new Promise((resolve, reject) => {
      // Loaded on the first run: child_process costs every start, and few runs have GOAUTH.
      const { execFile } = process.getBuiltinModule('node:child_process')
      const child = execFile(
        argv[0],
        argv.slice(1),
        {
          cwd: options.cwd,
          env: { ...env, ...options.env },
          timeout: timeoutMs,
          killSignal: 'SIGKILL',
          maxBuffer: MAX_OUTPUT_BYTES,
          signal: options.signal,
          windowsHide: true,
          encoding: 'utf8'
        },
        (err, stdout, stderr) =>
          err ? reject(commandError(err, stderr, timeoutMs)) : resolve(stdout)
      )
      // A program that exits without reading its input must not fail the run with EPIPE.
      child.stdin?.on('error', () => undefined)
      child.stdin?.end(options.stdin)
    })
}

function commandError(err: ExecFileException, stderr: string, timeoutMs: number): CommandError {
  const code = err.code
  if (code === 'ENOENT' || code === 'EACCES') {
    return new CommandError(code === 'ENOENT' ? 'not found' : 'permission denied', true)
  }
  if (err.name === 'AbortError') return new CommandError('cancelled: the request gave up')
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new CommandError(`printed more than ${MAX_OUTPUT_BYTES} bytes`)
  }
  if (err.killed) return new CommandError(`no answer within ${timeoutMs} ms`)
  const status =
    typeof code === 'number'
      ? `exit status ${code}`
      : err.signal
        ? `killed by ${err.signal}`
        : err.message
  return new CommandError(`${status}${stderrTail(stderr)}`)
}

/** The program's own words on failure: its last lines of stderr, shortened. */
function stderrTail(stderr: string): string {
  const lines = stderr.trim().split('\n').slice(-3)
  const text = maskCredentialsLoosely(lines.join(' | ')).slice(0, 300)
  return text === '' ? '' : `: ${text}`
}
