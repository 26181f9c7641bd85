import * as core from '@actions/core'
import { createMasker, ecsLine, logContext, secretForms } from '../log/ecs.js'
import type { LogEvent, LogFormat, LogLevel } from '../log/ecs.js'
import type { LogFields, Logger, Secrets } from '../logger.js'

/**
 * The action's log. With `log-format: text` these are @actions/core's calls. With `json` each
 * line is one ECS object written with core.info, and no group is opened; a warning or error
 * still raises its annotation through a `::warning::`/`::error::` workflow command with the plain
 * message (the runner takes it out of the log and shows it as an annotation and a `##[warning]`
 * line), so a log shipper keeps the lines that start with `{`.
 */
export interface ActionLog extends Logger, Secrets {
  event(event: LogEvent): void
  /** With `json` only: writes the event as a JSON line and nothing else (no annotation). */
  json?: (event: LogEvent) => void
  /** An annotation only: in json the event behind it is logged on its own. */
  annotate(level: 'warning' | 'error', m: string, where: core.AnnotationProperties): void
  /** Lines of `body` in a collapsed group titled `title` (json: no group). */
  group(title: string, body: () => void): void
  /** Fails the step with `m` (an `::error::` annotation and exit status 1). */
  fail(m: string, fields?: LogFields): void
}

export function createActionLog(format: LogFormat, env: NodeJS.ProcessEnv): ActionLog {
  const masker = createMasker()
  const context = logContext(env)
  const json = (event: LogEvent): void => core.info(ecsLine(event, context, masker.mask))
  const text: Record<LogLevel, (m: string) => void> = {
    debug: m => core.debug(m),
    info: m => core.info(m),
    warning: m => core.warning(m),
    error: m => core.error(m)
  }
  const event = (e: LogEvent): void => {
    if (format === 'text') return text[e.level](e.message)
    // Debug lines stay behind the runner's step-debug switch, as core.debug keeps them.
    if (e.level === 'debug' && !core.isDebug()) return
    json(e)
    if (e.level === 'warning' || e.level === 'error') text[e.level](e.message)
  }
  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void =>
      event({ ...fields, level, message })
  return {
    debug: at('debug'),
    info: at('info'),
    warning: at('warning'),
    event,
    json: format === 'json' ? json : undefined,
    annotate: (level, m, where) => core[level](m, where),
    group: (title, body) => {
      if (format === 'json') return body()
      core.startGroup(title)
      body()
      core.endGroup()
    },
    fail: (message, fields) => {
      if (format === 'json') json({ action: 'error', ...fields, level: 'error', message })
      core.setFailed(message)
    },
    // Masked by the runner in the log, and by us in the json lines, report, summary and cache.
    addSecret: secret => {
      for (const form of secretForms(secret)) core.setSecret(form)
      masker.add(secret)
    },
    mask: masker.mask
  }
}
