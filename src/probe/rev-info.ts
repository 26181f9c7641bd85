/**
 * An .info or @latest answer decoded as the go command decodes it (modfetch/proxy.go): Go's
 * encoding/json into modfetch.RevInfo. So keys match fields case-insensitively and, in document
 * order, a later key overrides an earlier one; null leaves a field unset; unknown keys are ignored;
 * a value of the wrong type fails the answer, even in a field Go does not use here (Origin).
 */
import { ContentError } from '../http/probe-errors.js'

export interface RevInfo {
  /** "" when the answer has none. */
  Version: string
  Time?: string
}

type Kind = 'string' | 'time' | 'origin'

// modfetch.RevInfo as JSON sees it (Name and Short are `json:"-"`), and codehost.Origin.
const REV_INFO: Record<string, Kind> = { Version: 'string', Time: 'time', Origin: 'origin' }
const ORIGIN: Record<string, Kind> = Object.fromEntries(
  ['VCS', 'URL', 'Subdir', 'Hash', 'TagPrefix', 'TagSum', 'Ref', 'RepoSum'].map(f => [f, 'string'])
)

/** Decodes `text` (the answer to `what`); throws ContentError where json.Unmarshal fails. */
export function decodeRevInfo(text: string, what: string): RevInfo {
  try {
    JSON.parse(text)
  } catch (err) {
    throw new ContentError(`invalid JSON in ${what}: ${(err as Error).message}`)
  }
  const info: RevInfo = { Version: '' }
  decodeObject(text.trim(), REV_INFO, what, (field, value) => {
    if (field === 'Version') info.Version = value
    if (field === 'Time') info.Time = value
  })
  return info
}

/** `raw`, valid JSON, decoded into `fields`: `set` gets each string field in document order. */
function decodeObject(
  raw: string,
  fields: Record<string, Kind>,
  where: string,
  set: (field: string, value: string) => void
): void {
  if (raw === 'null') return
  if (!raw.startsWith('{'))
    throw new ContentError(`${where} is a JSON ${jsonType(raw)}, not an object`)
  for (const [key, value] of members(raw)) {
    const field = fieldOf(key, fields)
    if (field === undefined || value === 'null') continue
    const at = `"${field}" field of ${where}`
    if (fields[field] === 'origin') {
      decodeObject(value, ORIGIN, at, () => undefined)
      continue
    }
    if (!value.startsWith('"')) throw new ContentError(`${at} is a JSON ${jsonType(value)}`)
    // time.Time reads the string's raw bytes, escapes and all.
    if (fields[field] === 'time' && !isRfc3339(value.slice(1, -1)))
      throw new ContentError(`invalid ${at}: ${value}`)
    set(field, JSON.parse(value) as string)
  }
}

/** An object's members in document order: each key unescaped, each value as its raw JSON. */
function members(object: string): [string, string][] {
  const found: [string, string][] = []
  let depth = 0
  let start = 0
  let key: string | undefined
  for (let i = 0; i < object.length; i++) {
    const c = object[i]
    if (c === '"') {
      const end = stringEnd(object, i)
      if (depth === 1 && key === undefined) key = JSON.parse(object.slice(i, end)) as string
      i = end - 1
    } else if (c === '{' || c === '[') {
      depth++
    } else if (c === ':' && depth === 1) {
      start = i + 1
    } else if ((c === ',' && depth === 1) || ((c === '}' || c === ']') && --depth === 0)) {
      if (key !== undefined) found.push([key, object.slice(start, i).trim()])
      key = undefined
    }
  }
  return found
}

/** The index just past the JSON string that opens at `at`. */
function stringEnd(text: string, at: number): number {
  let i = at + 1
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1
  return i + 1
}

/** encoding/json prefers the exact name, then one equal under Unicode simple case folding. */
function fieldOf(key: string, fields: Record<string, Kind>): string | undefined {
  if (Object.hasOwn(fields, key)) return key
  const folded = fold(key)
  return Object.keys(fields).find(f => fold(f) === folded)
}

// Simple case folding, as far as it reaches the ASCII letters of the field names: a-z, the long s
// and the Kelvin sign; any other character folds only to itself or to letters no field has.
const fold = (name: string): string =>
  name.replace(/[a-z\u017f\u212a]/g, c =>
    c === '\u017f' ? 'S' : c === '\u212a' ? 'K' : c.toUpperCase()
  )

function jsonType(raw: string): string {
  if (raw.startsWith('[')) return 'array'
  if (raw.startsWith('"')) return 'string'
  if (raw === 'true' || raw === 'false') return 'boolean'
  return 'number'
}

// time.Parse(time.RFC3339), which Time.UnmarshalJSON falls back to: a one- or two-digit hour, a
// fraction after "." or ",", a zone offset up to 24:60.
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d?):(\d\d):(\d\d)([.,]\d+)?(Z|[+-](\d\d):(\d\d))$/

/** Whether Go's time.Parse(time.RFC3339, text) succeeds. */
function isRfc3339(text: string): boolean {
  return rfc3339Millis(text) !== undefined
}

/**
 * The instant of an RFC 3339 time Go parses, in milliseconds since 1970 (fractions kept), or
 * undefined when Go refuses it.
 */
export function rfc3339Millis(text: string): number | undefined {
  const m = RFC3339.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  const [zoneHour, zoneMinute] = [m[9], m[10]].map(n => Number(n ?? 0))
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(month, year) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneHour <= 24 &&
    zoneMinute <= 60
  if (!valid) return undefined
  const fraction = m[7] ? Number(`0.${m[7].slice(1)}`) * 1000 : 0
  const sign = m[8].startsWith('-') ? -1 : 1
  const offset = sign * (zoneHour * 60 + zoneMinute) * 60_000
  const utc = new Date(0)
  utc.setUTCFullYear(year, month - 1, day)
  utc.setUTCHours(hour, minute, second)
  return utc.getTime() + fraction - offset
}

function daysIn(month: number, year: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return leap ? 29 : 28
}
