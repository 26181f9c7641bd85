// How both entry files end. Once the result is out, the process exits: whatever a library left
// running (the Actions cache client's socket to a service that never answers, its retry timers)
// must not hold a step open until the job's timeout. Exiting is the one way to end work that
// cannot be cancelled, and it ends all of it.

/** Longest wait for stdout and stderr to drain before exiting anyway (a reader that never reads). */
const FLUSH_LIMIT_MS = 5_000

/**
 * Waits for `done` (the exit status; undefined: process.exitCode, as @actions/core sets it),
 * lets stdout and stderr drain — writes to a pipe are asynchronous on macOS and Windows — and
 * exits. A rejection is printed and exits with 1.
 */
export async function exitWhenSettled(done: Promise<number | undefined>): Promise<never> {
  let status: number
  try {
    status = (await done) ?? Number(process.exitCode ?? 0)
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    status = 1
  }
  await Promise.race([
    Promise.all([drained(process.stdout), drained(process.stderr)]),
    flushLimit()
  ])
  process.exit(status)
}

/** Resolves once everything written so far has been handed to the OS: writes complete in order. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise(resolve => {
    if (stream.destroyed || !stream.writable) return resolve()
    stream.write('', () => resolve())
  })
}

function flushLimit(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, FLUSH_LIMIT_MS).unref())
}
