import { describe, expect, it } from '@jest/globals'
import { parseHttpDate, parseRetryAfter } from '../../src/http/retry-after.js'

const NOW = Date.parse('2030-01-01T00:00:00.250Z')

describe('parseRetryAfter', () => {
  it.each([
    ['0', { ms: 0, seconds: '0' }],
    ['1', { ms: 1000, seconds: '1' }],
    [' 120 ', { ms: 120_000, seconds: '120' }],
    ['007', { ms: 7000, seconds: '7' }],
    ['000', { ms: 0, seconds: '0' }],
    // Far too long to wait for, and still a finite number for the JSON report.
    [
      '99999999999999999999999999',
      { ms: Number.MAX_SAFE_INTEGER, seconds: '99999999999999999999999999' }
    ]
  ])('reads delay-seconds %j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toEqual(expected)
  })

  it('measures a date from the clock it is given, rounding the seconds up', () => {
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:02 GMT', NOW)).toEqual({
      ms: 1750,
      seconds: '2'
    })
    expect(parseRetryAfter('Tue, 01 Jan 2030 01:00:00 GMT', NOW)).toEqual({
      ms: 3_599_750,
      seconds: '3600'
    })
  })

  it('asks for no wait when the date has passed', () => {
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:59:00 GMT', NOW)).toEqual({ ms: 0, seconds: '0' })
  })

  it.each([
    undefined,
    '',
    '   ',
    '1.5',
    '-1',
    '+5',
    '1e3',
    '5 s',
    'soon',
    'Tue, 01 Jan 2030 00:00:02', // no zone
    'Tue, 01 Jan 2030 00:00:02 PST',
    'Tue, 1 Jan 2030 00:00:02 GMT', // one-digit day
    'Tue, 31 Feb 2030 00:00:02 GMT',
    'Tue, 01 Jan 2030 24:00:00 GMT',
    'Tue, 01 Jan 2030 00:60:00 GMT',
    '2030-01-01T00:00:02Z'
  ])('treats %j as no usable Retry-After', value => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined()
  })
})

describe('parseHttpDate: the three formats of RFC 9110 §5.6.7', () => {
  const t = Date.parse('1994-11-06T08:49:37Z')

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['rfc850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime', 'Sun Nov  6 08:49:37 1994'],
    ['asctime, two-digit day', 'Sun Nov 16 08:49:37 1994']
  ])('reads %s', (_format, text) => {
    const expected = text.includes('16') ? t + 10 * 86_400_000 : t
    expect(parseHttpDate(text, NOW)).toBe(expected)
  })

  it('places a two-digit rfc850 year at most 50 years ahead of now', () => {
    expect(parseHttpDate('Friday, 01-Jan-60 00:00:00 GMT', NOW)).toBe(
      Date.parse('2060-01-01T00:00:00Z')
    )
    expect(parseHttpDate('Saturday, 01-Jan-81 00:00:00 GMT', NOW)).toBe(
      Date.parse('1981-01-01T00:00:00Z')
    )
  })

  it('accepts a leap second and reads a four-digit year as written', () => {
    expect(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT', NOW)).toBe(
      Date.parse('2017-01-01T00:00:00Z')
    )
    expect(parseHttpDate('Mon, 01 Jan 0094 00:00:00 GMT', NOW)).toBe(
      Date.parse('0094-01-01T00:00:00Z')
    )
  })
})
