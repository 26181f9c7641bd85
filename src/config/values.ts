/** Parsers for scalar inputs; each error names the input and the value. */
import { InputError } from './errors.js'

export function parseInteger(input: string, value: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InputError(input, value, `must be a whole number from ${min} to ${max}`)
  }
  return n
}

export function parseRatio(input: string, value: string): number {
  const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN
  if (!(n > 0 && n <= 1))
    throw new InputError(input, value, 'must be a number above 0 and at most 1')
  return n
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * A duration such as `90s`, `10m`, `1h`, `1m30s` or `500ms`; a bare number is in `bareUnit`.
 * Returns milliseconds.
 */
export function parseDuration(
  input: string,
  value: string,
  bareUnit: 's' | 'ms',
  maxMs: number,
  allowZero = false
): number {
  const text = value.trim()
  let ms: number
  if (/^(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    ms = Number(text) * UNITS[bareUnit]
  } else if (/^((\d+(\.\d*)?|\.\d+)(ms|s|m|h))+$/.test(text)) {
    ms = 0
    for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d*)?|\.\d+)(ms|s|m|h)/g)) {
      ms += Number(amount) * UNITS[unit]
    }
  } else {
    throw new InputError(input, value, 'is not a duration (examples: 10, 90s, 10m, 1h)')
  }
  // Checked after rounding to whole milliseconds, so "0.1ms" cannot become a zero timeout.
  const rounded = Math.round(ms)
  if ((!allowZero && rounded <= 0) || ms > maxMs || !Number.isFinite(ms)) {
    throw new InputError(
      input,
      value,
      `must be ${allowZero ? 'at least 0' : 'at least 1 ms'} and at most ${maxMs / 1000} s`
    )
  }
  return rounded
}

export function parseBoolean(input: string, value: string): boolean {
  const text = value.trim().toLowerCase()
  if (text === 'true') return true
  if (text === 'false') return false
  throw new InputError(input, value, 'must be true or false')
}

export function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[]
): T {
  const text = value.trim() as T
  if (!choices.includes(text))
    throw new InputError(input, value, `must be one of: ${choices.join(', ')}`)
  return text
}

/** Splits a list input at newlines, commas or spaces, dropping empty items. */
export function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean)
}
