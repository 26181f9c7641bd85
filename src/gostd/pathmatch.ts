// Go's path.Match (src/path/match.go), byte for byte on the UTF-8 form of both strings.
//   '*' any run of non-'/' bytes, '?' one non-'/' character, '[a-z]' / '[^a-z]' a character
//   class with ranges, '\\c' the character c.
// A malformed pattern is an error even when the name already failed to match, because Go
// checks the rest of the pattern too.

const SLASH = 0x2f
const BACKSLASH = 0x5c
const STAR = 0x2a
const QUESTION = 0x3f
const OPEN = 0x5b
const CLOSE = 0x5d
const CARET = 0x5e
const DASH = 0x2d
const utf8 = new TextEncoder()

/** path.ErrBadPattern, as a value rather than an exception. */
export const BAD_PATTERN = 'syntax error in pattern'

type Bytes = Uint8Array

// One UTF-8 character at the start of s: its code point and length (Go's RuneError, 1 on
// invalid bytes; TextEncoder output is always valid, so that case does not arise here).
function decodeRune(s: Bytes, at: number): [number, number] {
  const b = s[at]
  if (b < 0x80) return [b, 1]
  const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
  let rune = b & (0xff >> (size + 1))
  for (let i = 1; i < size; i++) rune = (rune << 6) | (s[at + i] & 0x3f)
  return [rune, size]
}

// The next chunk: leading stars, then the text up to the next '*' outside a class.
function scanChunk(pattern: Bytes): { star: boolean; chunk: Bytes; rest: Bytes } {
  let start = 0
  while (start < pattern.length && pattern[start] === STAR) start++
  const p = pattern.subarray(start)
  let inRange = false
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === BACKSLASH && i + 1 < p.length) i++
    else if (c === OPEN) inRange = true
    else if (c === CLOSE) inRange = false
    else if (c === STAR && !inRange)
      return { star: start > 0, chunk: p.subarray(0, i), rest: p.subarray(i) }
  }
  return { star: start > 0, chunk: p, rest: p.subarray(p.length) }
}

// One possibly escaped character of a class; the class must go on after it.
function classChar(chunk: Bytes, at: number): { rune: number; next: number } | undefined {
  if (at >= chunk.length || chunk[at] === DASH || chunk[at] === CLOSE) return undefined
  const start = chunk[at] === BACKSLASH ? at + 1 : at
  if (start >= chunk.length) return undefined
  const [rune, size] = decodeRune(chunk, start)
  const next = start + size
  return next >= chunk.length ? undefined : { rune, next }
}

// A class "[...]" starting at chunk[at] === '[', against rune (undefined when s is used up).
function matchClass(chunk: Bytes, at: number, rune: number | undefined) {
  let i = at + 1
  const negated = chunk[i] === CARET
  if (negated) i++
  let matched = false
  for (let ranges = 0; ; ranges++) {
    if (ranges > 0 && chunk[i] === CLOSE) return { next: i + 1, ok: matched !== negated }
    const lo = classChar(chunk, i)
    if (!lo) return undefined
    let hi = lo
    if (chunk[lo.next] === DASH) {
      const end = classChar(chunk, lo.next + 1)
      if (!end) return undefined
      hi = end
    }
    i = hi.next
    if (rune !== undefined && lo.rune <= rune && rune <= hi.rune) matched = true
  }
}

// Matches chunk against the start of s: the rest of s on success, null on a mismatch,
// BAD_PATTERN on a malformed chunk (which is checked to its end even after a mismatch).
function matchChunk(chunk: Bytes, s: Bytes): Bytes | null | typeof BAD_PATTERN {
  let failed = false
  let pos = 0
  for (let i = 0; i < chunk.length;) {
    failed ||= pos >= s.length
    const c = chunk[i]
    if (c === OPEN) {
      let rune: number | undefined
      if (!failed) {
        const [r, size] = decodeRune(s, pos)
        rune = r
        pos += size
      }
      const result = matchClass(chunk, i, rune)
      if (!result) return BAD_PATTERN
      failed ||= !result.ok
      i = result.next
    } else if (c === QUESTION) {
      if (!failed) {
        failed = s[pos] === SLASH
        pos += decodeRune(s, pos)[1]
      }
      i++
    } else {
      if (c === BACKSLASH && ++i >= chunk.length) return BAD_PATTERN
      if (!failed) failed = chunk[i] !== s[pos++]
      i++
    }
  }
  return failed ? null : s.subarray(pos)
}

// After a mismatch: Go still reports a malformed rest of the pattern.
function checkRest(pattern: Bytes): false | typeof BAD_PATTERN {
  for (let rest = pattern; rest.length > 0;) {
    const next = scanChunk(rest)
    if (matchChunk(next.chunk, new Uint8Array(0)) === BAD_PATTERN) return BAD_PATTERN
    rest = next.rest
  }
  return false
}

/** path.Match, with ErrBadPattern as the BAD_PATTERN value. */
export function goPathMatch(patternText: string, nameText: string): boolean | typeof BAD_PATTERN {
  let pattern: Bytes = utf8.encode(patternText)
  let name: Bytes = utf8.encode(nameText)
  patterns: while (pattern.length > 0) {
    const { star, chunk, rest } = scanChunk(pattern)
    pattern = rest
    // A trailing '*' matches the rest of the name unless it crosses a '/'.
    if (star && chunk.length === 0) return !name.includes(SLASH)
    const t = matchChunk(chunk, name)
    if (t instanceof Uint8Array && (t.length === 0 || pattern.length > 0)) {
      name = t
      continue
    }
    if (t === BAD_PATTERN) return BAD_PATTERN
    if (star) {
      // Let the star eat one more non-'/' byte at a time.
      for (let i = 0; i < name.length && name[i] !== SLASH; i++) {
        const u = matchChunk(chunk, name.subarray(i + 1))
        if (u instanceof Uint8Array) {
          if (pattern.length === 0 && u.length > 0) continue
          name = u
          continue patterns
        }
        if (u === BAD_PATTERN) return BAD_PATTERN
      }
    }
    return checkRest(pattern)
  }
  return name.length === 0
}

/** Go's path.Match: whether name matches the shell pattern; a malformed pattern never matches. */
export function pathMatch(pattern: string, name: string): boolean {
  return goPathMatch(pattern, name) === true
}
