// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date in any of the three formats a
// recipient must accept (§5.6.7), as Go's net/http.ParseTime does.

/** How long the server asked us to wait. */
export interface RetryAfter {
  ms: number
  /** The wait in whole seconds as the server gave it (a date's rounded up), for messages. */
  seconds: string
}

const DAYS = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)'
const LONG_DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH = `(${MONTHS.join('|')})`
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})'
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", rfc850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994"; capture groups: day, month, year, h, m, s.
const IMF_FIXDATE = new RegExp(`^${DAYS}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i')
const RFC850 = new RegExp(`^${LONG_DAYS}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i')
const ASCTIME = new RegExp(`^${DAYS} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i')

const MAX_MS = Number.MAX_SAFE_INTEGER

/**
 * The wait a Retry-After value asks for, measured from `now` when it is a date (a date in the
 * past asks for none); undefined when the value is absent or malformed.
 */
export function parseRetryAfter(value: string | undefined, now: number): RetryAfter | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) {
    const seconds = text.replace(/^0+(?=\d)/, '')
    return { ms: Math.min(Number(seconds) * 1000, MAX_MS), seconds }
  }
  const date = parseHttpDate(text, now)
  if (date === undefined) return undefined
  const ms = Math.min(Math.max(0, date - now), MAX_MS)
  return { ms, seconds: String(Math.ceil(ms / 1000)) }
}

/** An HTTP-date as ms since the epoch; `now` places a two-digit rfc850 year. */
export function parseHttpDate(text: string, now: number): number | undefined {
  let m = IMF_FIXDATE.exec(text)
  if (m) return utc(m[3], m[2], m[1], m.slice(4))
  m = RFC850.exec(text)
  if (m) return utc(String(fullYear(Number(m[3]), now)), m[2], m[1], m.slice(4))
  m = ASCTIME.exec(text)
  if (m) return utc(m[6], m[1], m[2].trim(), m.slice(3, 6))
  return undefined
}

/** A two-digit year more than 50 years ahead is the latest past year with those digits. */
function fullYear(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear()
  let year = thisYear - (thisYear % 100) + twoDigits
  if (year > thisYear + 50) year -= 100
  return year
}

function utc(year: string, month: string, day: string, [h, m, s]: string[]): number | undefined {
  const [y, mo, d] = [Number(year), MONTHS.indexOf(month.toLowerCase()), Number(day)]
  const [hour, minute, second] = [Number(h), Number(m), Number(s)]
  // Second 60 is a leap second (RFC 9110 allows it): it carries into the next minute.
  if (hour > 23 || minute > 59 || second > 60) return undefined
  const date = new Date(0) // setUTCFullYear, unlike Date.UTC, does not read 0094 as 1994
  date.setUTCFullYear(y, mo, d)
  // A day the month does not have (31 Feb) would roll over into the next month.
  if (date.getUTCMonth() !== mo || date.getUTCDate() !== d) return undefined
  return date.setUTCHours(hour, minute, second)
}
