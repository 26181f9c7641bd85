import type { Logger } from '../../../src/logger.js'

/** A logger that keeps what it is told, as `level: message` lines. */
export function recorder(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: m => lines.push(`debug: ${m}`),
    info: m => lines.push(`info: ${m}`),
    warning: m => lines.push(`warning: ${m}`)
  }
}
