// Percent-encoding as Go's net/url does it, per part of the URL. Go works on bytes; here a
// string is taken as its UTF-8 bytes, so every non-ASCII byte is one that must be escaped.
import { GoEnvError } from './errors.js'
import { quote, quoteBytes } from './strings.js'

export type EscapeMode =
  'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment'

const HOST_EXTRA = new Set('!$&\'()*+,;=:[]<>"')
const RESERVED = new Set('$&+,/:;=?@')

function isAlphanumeric(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c)
}

/** Whether the ASCII character c must be written as %XX in the given part of a URL. */
function shouldEscape(c: string, mode: EscapeMode): boolean {
  if (isAlphanumeric(c)) return false
  if ((mode === 'host' || mode === 'zone') && HOST_EXTRA.has(c)) return false
  if ('-_.~'.includes(c)) return false
  if (RESERVED.has(c)) {
    switch (mode) {
      case 'path':
        return c === '?'
      case 'pathSegment':
        return '/;,?'.includes(c)
      case 'userPassword':
        return '@/?:'.includes(c)
      case 'queryComponent':
        return true
      case 'fragment':
        return false
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false
  return true
}

const utf8 = new TextEncoder()
const isHexDigit = (b: number | undefined): boolean =>
  b !== undefined && /^[0-9A-Fa-f]$/.test(String.fromCharCode(b))

/** net/url's unescape: decodes %XX (and '+' in query components); throws on malformed escapes. */
export function unescape(s: string, mode: EscapeMode): string {
  // Go works on bytes, and its messages quote byte slices (which may cut a character in two).
  const bytes = utf8.encode(s)
  const out: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x25) {
      const escape = bytes.subarray(i, i + 3)
      if (!isHexDigit(bytes[i + 1]) || !isHexDigit(bytes[i + 2])) {
        throw new GoEnvError(`invalid URL escape ${quoteBytes(escape)}`)
      }
      checkHostEscape(String.fromCharCode(...escape), mode)
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16))
      i += 2
    } else if (mode === 'host' || mode === 'zone') {
      if (b < 0x80 && shouldEscape(String.fromCharCode(b), mode)) {
        throw new GoEnvError(`invalid character ${quote(String.fromCharCode(b))} in host name`)
      }
      out.push(b)
    } else {
      out.push(b === 0x2b && mode === 'queryComponent' ? 0x20 : b)
    }
  }
  // Bytes that are not UTF-8 become U+FFFD here, where Go would keep them.
  return new TextDecoder().decode(Uint8Array.from(out))
}

// Hosts may %-encode only non-ASCII bytes (and %25 for an IPv6 zone); zones only what could
// be written plainly in a host, or a space.
function checkHostEscape(escape: string, mode: EscapeMode): void {
  const value = parseInt(escape.slice(1), 16)
  if (mode === 'host' && value < 0x80 && escape !== '%25') {
    throw new GoEnvError(`invalid URL escape ${quote(escape)}`)
  }
  if (mode === 'zone' && escape !== '%25' && value !== 0x20) {
    const plain = String.fromCharCode(value)
    if (value >= 0x80 || shouldEscape(plain, 'host')) {
      throw new GoEnvError(`invalid URL escape ${quote(escape)}`)
    }
  }
}

/** net/url's escape: every byte that the mode does not allow becomes %XX (upper-case hex). */
export function escape(s: string, mode: EscapeMode): string {
  let out = ''
  for (const ch of s) {
    if (ch === ' ' && mode === 'queryComponent') out += '+'
    else if (ch < '\x80' && !shouldEscape(ch, mode)) out += ch
    else {
      for (const b of utf8.encode(ch)) {
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`
      }
    }
  }
  return out
}

/** Whether s is already a valid escaped path or fragment (sub-delims, '%' and brackets allowed). */
export function validEncoded(s: string, mode: EscapeMode): boolean {
  for (const ch of s) {
    if ("!$&'()*+,;=:@[]%".includes(ch)) continue
    if (ch >= '\x80' || shouldEscape(ch, mode)) return false
  }
  return true
}
