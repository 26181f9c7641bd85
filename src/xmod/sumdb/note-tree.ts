// The text a checksum database signs for its tree head (x/mod sumdb/tlog note.go):
// "go.sum database tree\n<size>\n<base64 root hash>\n", later lines ignored for forward
// compatibility.
import { quote } from '../../gostd/strings.js'
import { SumdbError } from './errors.js'
import { decodeStdBase64 } from './note-keys.js'
import { HASH_SIZE, MAX_TREE_SIZE } from './tlog-hash.js'

/** A signed tree head: the log's size in records and its RFC 6962 root hash. */
export interface Tree {
  size: number
  hash: Buffer
}

const TREE_PREFIX = 'go.sum database tree\n'
// Go refuses longer tree notes outright.
const MAX_TREE_NOTE_BYTES = 1e6

function malformed(why: string): SumdbError {
  return new SumdbError('bad-note', `malformed tree note: ${why}`)
}

/** Parses a tree note's text with tlog.ParseTree's rules. */
export function parseTreeNote(text: string): Tree {
  if (!text.startsWith(TREE_PREFIX)) throw malformed(`does not start with ${quote(TREE_PREFIX)}`)
  if (Buffer.byteLength(text, 'utf8') > MAX_TREE_NOTE_BYTES)
    throw malformed('longer than 1e6 bytes')
  const lines = text.split('\n')
  // Three newline-terminated lines at least: prefix, size, hash.
  if (lines.length < 4) throw malformed('fewer than three lines')
  const [, sizeText, hashText] = lines
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || sizeText.length > 19) {
    throw malformed(`bad tree size ${quote(sizeText)}`)
  }
  const size = Number(sizeText)
  if (size > MAX_TREE_SIZE) {
    throw new SumdbError('bad-note', `tree size ${sizeText} is beyond what a real log can hold`)
  }
  const hash = decodeStdBase64(hashText)
  if (!hash || hash.length !== HASH_SIZE) throw malformed(`bad root hash ${quote(hashText)}`)
  return { size, hash }
}

/** tlog.FormatTree: the text a server signs for `tree`. */
export function formatTreeNote(tree: Tree): string {
  return `${TREE_PREFIX}${tree.size}\n${tree.hash.toString('base64')}\n`
}
