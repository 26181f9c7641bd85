// The checksum database's /lookup answer (x/mod sumdb/tlog note.go FormatRecord, ParseRecord):
// "<id>\n", the record (go.sum lines, each ending in "\n", no blank line), a blank line, then the
// signed tree note.
import { quote } from '../../gostd/strings.js'
import { SumdbError } from './errors.js'
import { textProblem } from './note-text.js'
import { MAX_TREE_SIZE } from './tlog-hash.js'

export interface LookupAnswer {
  id: number
  /** The record text, ending in "\n". */
  record: Buffer
  /** The signed tree note that follows the blank line. */
  note: Buffer
}

// An HTML page answering /lookup would otherwise fill the message with its first line.
const MAX_SHOWN_ID = 40

function malformed(why: string): SumdbError {
  return new SumdbError('bad-record', `malformed record data: ${why}`)
}

// Go's strconv.ParseInt accepts a sign and leading zeros; ids are never negative.
function parseRecordId(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text)) {
    const shown = text.length > MAX_SHOWN_ID ? `${text.slice(0, MAX_SHOWN_ID)}…` : text
    throw malformed(`bad record id ${quote(shown)}`)
  }
  const id = Number(text) + 0
  if (id < 0 || id > MAX_TREE_SIZE) throw malformed(`record id ${text} out of range`)
  return id
}

/** Splits a /lookup answer into record id, record text and signed tree note. */
export function parseLookup(body: Buffer): LookupAnswer {
  const idEnd = body.indexOf(0x0a)
  if (idEnd < 0) throw malformed('no record id line')
  const id = parseRecordId(body.subarray(0, idEnd).toString('utf8'))
  const rest = body.subarray(idEnd + 1)
  const blank = rest.indexOf('\n\n')
  if (blank < 0) throw malformed('no blank line after the record')
  const record = rest.subarray(0, blank + 1)
  // tlog's isValidRecordText; the split above already keeps blank lines out.
  const problem = textProblem(record)
  if (problem) throw malformed(`record text: ${problem}`)
  return { id, record, note: rest.subarray(blank + 2) }
}

// The hash of the first "<path> <version> h1:" line: the one the go command compares with.
function h1For(lines: string[], path: string, version: string): string | undefined {
  const prefix = `${path} ${version} `
  const line = lines.find(l => l.startsWith(`${prefix}h1:`))
  return line?.slice(prefix.length)
}

/**
 * The h1: hashes a record holds for `path`@`version`: `zipHash` from "<path> <version> h1:…",
 * `modHash` from "<path> <version>/go.mod h1:…". A record with neither is for another module.
 */
export function parseRecordLines(
  record: Buffer,
  path: string,
  version: string
): { modHash?: string; zipHash?: string } {
  const lines = record.toString('utf8').split('\n')
  const zipHash = h1For(lines, path, version)
  const modHash = h1For(lines, path, `${version}/go.mod`)
  if (zipHash === undefined && modHash === undefined) {
    throw new SumdbError('bad-record', `record holds no go.sum lines for ${path}@${version}`)
  }
  return {
    ...(modHash === undefined ? {} : { modHash }),
    ...(zipHash === undefined ? {} : { zipHash })
  }
}
