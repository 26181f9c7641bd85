// Go's string helpers that the environment rules depend on: unicode.IsSpace (for
// strings.TrimSpace and strings.Fields) and strconv's %q quoting used in Go's messages.

// unicode.IsSpace: ASCII white space, NEL, NBSP and the Z categories (JS \s differs: it has
// U+FEFF but lacks U+0085).
const SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const LEADING_SPACE = new RegExp(`^[${SPACE}]+`)
const TRAILING_SPACE = new RegExp(`[${SPACE}]+$`)
const SPACE_RUN = new RegExp(`[${SPACE}]+`)

// unicode.IsGraphic (letters, marks, numbers, punctuation, symbols, space separators) or
// unicode.IsSpace.
const GRAPHIC_OR_SPACE = new RegExp(`^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}${SPACE}]*$`, 'u')

/** Every character of `s` is graphic or white space, as Go's unicode package says. */
export function isGraphicOrSpace(s: string): boolean {
  return GRAPHIC_OR_SPACE.test(s)
}

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '')
}

/** strings.Fields: the non-empty runs between white space. */
export function fields(s: string): string[] {
  return s.split(SPACE_RUN).filter(f => f !== '')
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u
const NAMED_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v'
}

function quoteChar(ch: string, quote: string): string {
  if (ch === quote || ch === '\\') return `\\${ch}`
  const cp = ch.codePointAt(0) ?? 0
  // A lone surrogate is what invalid UTF-8 becomes in JS; Go shows such bytes as \ufffd.
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd'
  if (PRINTABLE.test(ch)) return ch
  const named = NAMED_ESCAPES[ch]
  if (named !== undefined) return named
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`
  return `\\U${cp.toString(16).padStart(8, '0')}`
}

/** strconv.Quote (fmt's %q of a string): `"a\tb"`. */
export function quote(s: string): string {
  let out = '"'
  for (const ch of s) out += quoteChar(ch, '"')
  return out + '"'
}

/** strconv.QuoteRune (fmt's %q of a rune): `'!'`. */
export function quoteRune(ch: string): string {
  return `'${quoteChar(ch, "'")}'`
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

// Length of the valid UTF-8 sequence at bytes[i], or 0 if the byte there starts none.
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]
  if (b < 0x80) return 1
  const size = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
  if (size === 0) return 0
  try {
    strictUtf8.decode(bytes.subarray(i, i + size))
    return size
  } catch {
    return 0
  }
}

/** strconv.Quote of raw bytes: like quote, with bytes that are not UTF-8 shown as \xNN. */
export function quoteBytes(bytes: Uint8Array): string {
  let out = '"'
  for (let i = 0; i < bytes.length;) {
    const size = sequenceLength(bytes, i)
    if (size === 0) {
      out += `\\x${bytes[i].toString(16).padStart(2, '0')}`
      i++
    } else {
      out += quoteChar(strictUtf8.decode(bytes.subarray(i, i + size)), '"')
      i += size
    }
  }
  return out + '"'
}
