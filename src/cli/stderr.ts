// Everything the CLI says besides its result goes to stderr, and never with a password in it.
import { createMasker, ecsLine, logContext } from '../log/ecs.js'
import type { LogContext, LogEvent, LogFormat, LogLevel } from '../log/ecs.js'
import { probeEvent, verdictEvent } from '../log/events.js'
import type { CandidateReport } from '../probe/types.js'
import type { LogFields, Logger, Secrets } from '../logger.js'
import { verdictLine } from './format.js'

/** What a line is about, for `--log-format json`; the text format shows only the line. */
export interface LineFields extends LogFields {
  level?: LogLevel
}

export interface Stderr extends Secrets {
  /** Writes one line (as text, or as one JSON object), every known secret and `//user:password@` masked. */
  line(text: string, fields?: LineFields): void
  /** A candidate's verdict as it is known; in json, its probes first (unless told not), one line each. */
  verdict(report: CandidateReport, withProbes?: boolean): void
  /** The engine's logger: info as is, warnings marked, debug dropped (the CLI has no debug mode). */
  log: Logger
  /** Switches to `--log-format`'s format once the flags are read (errors before that are text). */
  useFormat(format: LogFormat, env: NodeJS.ProcessEnv): void
}

export function createStderr(write: (text: string) => void): Stderr {
  const masker = createMasker()
  let context: LogContext | undefined
  const emit = (event: LogEvent): void =>
    write((context ? ecsLine(event, context, masker.mask) : masker.mask(event.message)) + '\n')
  const line = (text: string, fields: LineFields = {}): void =>
    emit({ level: 'info', ...fields, message: text })
  return {
    line,
    verdict: (report, withProbes = true) => {
      if (context && withProbes) for (const probe of report.probes) emit(probeEvent(report, probe))
      emit(verdictEvent(report, verdictLine(report)))
    },
    log: {
      debug: () => undefined,
      info: line,
      warning: (text, fields) =>
        line(context ? text : `warning: ${text}`, { ...fields, level: 'warning' })
    },
    addSecret: masker.add,
    mask: masker.mask,
    useFormat: (format, env) => {
      context = format === 'json' ? logContext(env) : undefined
    }
  }
}
