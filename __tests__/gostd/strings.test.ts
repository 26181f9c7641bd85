import { describe, it, expect } from '@jest/globals'
import { fields, quote, quoteBytes, quoteRune, trimSpace } from '../../src/gostd/strings.js'

describe('Go string helpers', () => {
  it("trims and splits on unicode.IsSpace, which differs from JavaScript's \\s", () => {
    expect(trimSpace('\u0085 a b\u00a0\t')).toBe('a b')
    // U+FEFF is white space to JavaScript, not to Go.
    expect(trimSpace('\ufeffa')).toBe('\ufeffa')
    expect(fields(' a\u2003b\n\nc ')).toEqual(['a', 'b', 'c'])
    expect(fields('')).toEqual([])
  })

  it('quotes as strconv.Quote and QuoteRune', () => {
    expect(quote('a"b\\c\td\x01é\u00ad💡')).toBe('"a\\"b\\\\c\\td\\x01é\\u00ad💡"')
    expect(quoteRune("'")).toBe("'\\''")
    expect(quoteRune('"')).toBe("'\"'")
    expect(quoteRune('é')).toBe("'é'")
    expect(quoteRune('\x7f')).toBe("'\\x7f'")
    expect(quoteBytes(Uint8Array.from([0x25, 0x25, 0xc3]))).toBe('"%%\\xc3"')
    expect(quoteBytes(new TextEncoder().encode('%é'))).toBe('"%é"')
  })
})
