// The text rule Go applies to signed notes and log records: valid UTF-8 (as utf8.DecodeRune sees
// it: no surrogates, no overlong forms) with no ASCII control character other than newline.
import { isUtf8 } from 'node:buffer'

const NEWLINE = 0x0a
const FIRST_PRINTABLE = 0x20

/** Why `bytes` breaks the rule, or undefined if it does not. */
export function textProblem(bytes: Buffer): string | undefined {
  if (!isUtf8(bytes)) return 'not valid UTF-8'
  // In UTF-8 a byte below 0x20 is always that ASCII character itself.
  if (bytes.some(b => b < FIRST_PRINTABLE && b !== NEWLINE)) {
    return 'control character other than newline'
  }
  return undefined
}
