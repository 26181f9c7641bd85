/**
 * What a log line is about, beyond its text: with `log-format: json` these become ECS fields
 * (see src/log/ecs.ts); the text format shows only the message.
 */
export interface LogFields {
  /** ECS `event.action`: what happened (`probe`, `verdict`, `export`, `cache.sync`…). */
  action?: string
  /** The URL concerned; always shown redacted. */
  url?: string
  /** The candidate's id (`proxies[0]`). */
  candidate?: string
  verdict?: string
  reason?: string
  durationMs?: number
  /** A candidate's median time to response headers. */
  latencyMs?: number
  /** HTTP status of the answer. */
  status?: number
  outcome?: 'success' | 'failure'
}

/** Where resilience code reports; the faces pass theirs (src/action/log.ts, src/cli/stderr.ts), tests a recorder. */
export interface Logger {
  debug(m: string, fields?: LogFields): void
  info(m: string, fields?: LogFields): void
  warning(m: string, fields?: LogFields): void
}

/** The secrets a face knows: each one added is masked in all it writes from then on. */
export interface Secrets {
  addSecret(secret: string): void
  /** `text` with every known secret, and every `//user:password@`, masked. */
  mask(text: string): string
}

/**
 * `value` (JSON data) with every string in it masked, keys and structure untouched, so it stays
 * the same shape: a short secret masks characters of other words, as the runner does in the log,
 * but never breaks the JSON.
 */
export function maskValues<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T
  if (Array.isArray(value)) return value.map(v => maskValues(v, mask)) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValues(v, mask)])) as T
}

/** The logger with `defaults` under each line's own fields: names the action of a component's lines. */
export function withFields(log: Logger, defaults: LogFields): Logger {
  return {
    debug: (m, fields) => log.debug(m, { ...defaults, ...fields }),
    info: (m, fields) => log.info(m, { ...defaults, ...fields }),
    warning: (m, fields) => log.warning(m, { ...defaults, ...fields })
  }
}

/** An error's message for a log line. Duck-typed: errors from Node built-ins may come from another realm (jest). */
export function messageOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(err)
}
