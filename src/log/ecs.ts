// `log-format`: log lines as text, or as ECS JSON objects a log store (ELK, Splunk) ingests.
// Both faces write their json lines through ecsLine, with the same fields.
import { InputError } from '../config/errors.js'
import { Inputs, VERSION } from '../constants.js'
import { redactUrl } from '../credentials/redact.js'
import { maskCredentials } from '../credentials/mask.js'
import type { LogFields } from '../logger.js'

export const LOG_FORMATS = ['text', 'json'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

/** The `log-format` input (empty: text); anything else is an InputError naming it. */
export function parseLogFormat(value: string | undefined): LogFormat {
  const text = value?.trim() || 'text'
  const format = LOG_FORMATS.find(f => f === text)
  if (format) return format
  throw new InputError(Inputs.LogFormat, value ?? '', `must be one of: ${LOG_FORMATS.join(', ')}`)
}

export type LogLevel = 'debug' | 'info' | 'warning' | 'error'

export interface LogEvent extends LogFields {
  level: LogLevel
  message: string
}

/** The workflow run a line belongs to, when there is one (GitHub's variables; a CLI elsewhere has none). */
export interface LogContext {
  repository?: string
  runId?: string
  job?: string
  matrix?: unknown
}

export function logContext(env: NodeJS.ProcessEnv): LogContext {
  return {
    repository: env.GITHUB_REPOSITORY || undefined,
    runId: env.GITHUB_RUN_ID || undefined,
    job: env.GITHUB_JOB || undefined,
    matrix: matrixOf(env)
  }
}

/** Matrix values a workflow passes as `env: VALIDATE_GOPROXY_MATRIX: ${{ toJSON(matrix) }}`; kept as text when not JSON. */
export function matrixOf(env: NodeJS.ProcessEnv): unknown {
  const text = env.VALIDATE_GOPROXY_MATRIX
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Masks every known secret, then every `//user:password@`; secrets are added as they become known. */
export interface Masker {
  mask(text: string): string
  add(secret: string): void
}

export const MASK = '***'

/**
 * A secret as written, as a reason quotes a server's words (JSON-escaped: `"` as `\"`), and as a
 * table cell of the job summary holds it (`|` as `\|`), so an echoed one is masked in each form.
 */
export function secretForms(secret: string): string[] {
  const quoted = JSON.stringify(secret).slice(1, -1)
  return [...new Set([secret, quoted, secret.replace(/\|/g, '\\|'), quoted.replace(/\|/g, '\\|')])]
}

export function createMasker(): Masker {
  // Longest first, so that a secret holding a shorter one is masked whole.
  const secrets: string[] = []
  return {
    mask: text =>
      maskCredentials(secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text)),
    add: secret => {
      for (const form of secretForms(secret)) {
        if (!form || secrets.includes(form)) continue
        secrets.push(form)
      }
      secrets.sort((a, b) => b.length - a.length)
    }
  }
}

/** The version of the Elastic Common Schema the field names follow. */
export const ECS_VERSION = '8.11.0'

/**
 * One event as one line of JSON (no newline). As the ecs-logging spec asks, `log.level` and
 * `ecs.version` are top-level dotted keys; every other field set is a nested object. Each string
 * is masked before encoding, so a secret with a quote or backslash in it cannot slip through as
 * its JSON escape.
 */
export function ecsLine(
  event: LogEvent,
  context: LogContext,
  mask: (text: string) => string,
  now = new Date()
): string {
  const record = {
    '@timestamp': now.toISOString(),
    'log.level': event.level,
    message: event.message,
    'ecs.version': ECS_VERSION,
    service: { name: 'validate-goproxy', version: VERSION },
    event: {
      action: event.action ?? 'log',
      outcome: event.outcome,
      // ECS durations are in nanoseconds.
      duration: event.durationMs === undefined ? undefined : Math.round(event.durationMs * 1e6)
    },
    url: event.url === undefined ? undefined : { full: redactUrl(event.url) },
    http: event.status === undefined ? undefined : { response: { status_code: event.status } },
    validate_goproxy: {
      candidate: event.candidate,
      verdict: event.verdict,
      reason: event.reason,
      duration_ms: event.durationMs,
      latency_ms: event.latencyMs
    },
    github: {
      repository: context.repository,
      run_id: context.runId,
      job: context.job,
      matrix: context.matrix
    }
  }
  return JSON.stringify(compact(record, mask))
}

/** Strings masked; undefined values and objects left empty dropped. */
function compact(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value)
  if (Array.isArray(value)) return value.map(v => compact(v, mask))
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value)
    .map(([key, v]) => [key, compact(v, mask)] as const)
    .filter(([, v]) => v !== undefined)
  return entries.length ? Object.fromEntries(entries) : undefined
}
