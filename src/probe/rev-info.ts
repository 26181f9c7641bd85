/**
 * An .info or @latest answer decoded as the go command decodes it (modfetch/proxy.go): Go's
 * encoding/json into codehost.RevInfo. So keys match fields case-insensitively and a later key
 * overrides an earlier one, null leaves a field unset, unknown keys are ignored, and a value of
 * the wrong type fails the answer, even in a field Go does not use here (Origin).
 */
import { ContentError } from '../http/probe-errors.js'

export interface RevInfo {
  /** "" when the answer has none. */
  Version: string
  Time?: string
}

type Kind = 'string' | 'time' | 'origin'

// modfetch.RevInfo as JSON sees it (Name and Short are `json:"-"`).
const REV_INFO: Record<string, Kind> = { Version: 'string', Time: 'time', Origin: 'origin' }

const ORIGIN: Record<string, Kind> = Object.fromEntries(
  ['VCS', 'URL', 'Subdir', 'Hash', 'TagPrefix', 'TagSum', 'Ref', 'RepoSum'].map(f => [f, 'string'])
)

/** Decodes `text` (the answer to `what`); throws ContentError where json.Unmarshal fails. */
export function decodeRevInfo(text: string, what: string): RevInfo {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new ContentError(`invalid JSON in ${what}: ${(err as Error).message}`)
  }
  const info: RevInfo = { Version: '' }
  decodeObject(value, REV_INFO, `${what}`, (field, v) => {
    if (field === 'Version') info.Version = v as string
    if (field === 'Time') info.Time = v as string
  })
  return info
}

function decodeObject(
  value: unknown,
  fields: Record<string, Kind>,
  where: string,
  set: (field: string, value: unknown) => void
): void {
  if (value === null) return
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ContentError(`${where} is a JSON ${jsonType(value)}, not an object`)
  }
  for (const [key, v] of Object.entries(value)) {
    const field = fieldOf(key, fields)
    if (field === undefined || v === null) continue
    const at = `"${field}" field of ${where}`
    const kind = fields[field]
    if (kind === 'origin') decodeObject(v, ORIGIN, at, () => undefined)
    else if (typeof v !== 'string') throw new ContentError(`${at} is a JSON ${jsonType(v)}`)
    else if (kind === 'time' && !isRfc3339(v)) throw new ContentError(`invalid ${at}: ${v}`)
    set(field, v)
  }
}

/** encoding/json prefers the exact name, then takes one equal under Unicode case folding. */
function fieldOf(key: string, fields: Record<string, Kind>): string | undefined {
  if (Object.hasOwn(fields, key)) return key
  const folded = fold(key)
  return Object.keys(fields).find(f => fold(f) === folded)
}

// ToUpper(ToLower(r)) a rune at a time, as encoding/json folds names: "ſ" and "s" match "S".
const fold = (name: string): string =>
  Array.from(name, c => {
    const upper = c.toLowerCase().toUpperCase()
    return upper.length === 1 ? upper : c
  }).join('')

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  return value === null ? 'null' : typeof value
}

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-](\d\d):(\d\d))$/

/** time.Time's UnmarshalJSON: strict RFC 3339, every field in its range. */
export function isRfc3339(text: string): boolean {
  const m = RFC3339.exec(text)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  const [zoneHour, zoneMinute] = [m[9], m[10]].map(n => Number(n ?? 0))
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(month, year) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneHour <= 23 &&
    zoneMinute <= 59
  )
}

function daysIn(month: number, year: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return leap ? 29 : 28
}
