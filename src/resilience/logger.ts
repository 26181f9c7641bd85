/** Where resilience code reports; the action passes @actions/core, tests pass a recorder. */
export interface Logger {
  debug(m: string): void
  info(m: string): void
  warning(m: string): void
}

/** An error's message for a log line. Duck-typed: errors from Node built-ins may come from another realm (jest). */
export function messageOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(err)
}
