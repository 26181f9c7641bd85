import type { Logger } from '../../src/logger.js'

/** A logger that keeps what it was told, for tests that assert on it or want silence. */
export function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = []
  const keep = (level: string) => (message: string) => void lines.push(`${level}: ${message}`)
  return { lines, debug: keep('debug'), info: keep('info'), warning: keep('warning') }
}

export const quietLog: Logger = recordingLog()
