// Signed notes (golang.org/x/mod/sumdb/note): a text ending in "\n", a blank line, then one line
// "— <name> <base64(4-byte key hash ‖ signature)>\n" per signature. The signature covers the
// text bytes including their final newline.
import { sign as cryptoSign } from 'node:crypto'
import { quote } from '../../gostd/strings.js'
import { SumdbError } from './errors.js'
import { decodeStdBase64, isValidKeyName, keyLabel } from './note-keys.js'
import { textProblem } from './note-text.js'
import type { Signer, Verifier } from './note-keys.js'

export { generateSignerKey, keyHash, parseSignerKey, parseVerifierKey } from './note-keys.js'
export type { Signer, Verifier } from './note-keys.js'
export { formatTreeNote, parseTreeNote } from './note-tree.js'
export type { Tree } from './note-tree.js'

export interface NoteSignature {
  name: string
  keyHash: number
  /** The signature proper, without the 4-byte key hash that precedes it on the line. */
  sig: Buffer
}

export interface SignedNote {
  text: string
  signatures: NoteSignature[]
}

// Go stops reading a note after this many signature lines.
const MAX_SIGNATURES = 100
const SIGNATURE_PREFIX = '— '
const KEY_HASH_SIZE = 4

function malformed(why: string): SumdbError {
  return new SumdbError('bad-note', `malformed note: ${why}`)
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) {
    throw malformed(`signature line ${quote(line)} does not start with "— "`)
  }
  const body = line.slice(SIGNATURE_PREFIX.length)
  const space = body.indexOf(' ')
  const name = space < 0 ? body : body.slice(0, space)
  const encoded = space < 0 ? '' : body.slice(space + 1)
  const raw = decodeStdBase64(encoded)
  if (!isValidKeyName(name) || encoded === '' || !raw || raw.length <= KEY_HASH_SIZE) {
    throw malformed(`bad signature line ${quote(line)}`)
  }
  return { name, keyHash: raw.readUInt32BE(0), sig: raw.subarray(KEY_HASH_SIZE) }
}

function parseNote(msg: Buffer): { note: SignedNote; signedBytes: Buffer } {
  const problem = textProblem(msg)
  if (problem) throw malformed(problem)
  const split = msg.lastIndexOf('\n\n')
  if (split < 0) throw malformed('no blank line before the signatures')
  const signedBytes = msg.subarray(0, split + 1)
  const block = msg.subarray(split + 2).toString('utf8')
  if (!block.endsWith('\n')) throw malformed('signature block does not end in a newline')
  const lines = block.slice(0, -1).split('\n')
  const signatures: NoteSignature[] = []
  for (const line of lines) {
    signatures.push(parseSignatureLine(line))
    if (signatures.length > MAX_SIGNATURES) {
      throw malformed(`more than ${MAX_SIGNATURES} signatures`)
    }
  }
  return { note: { text: signedBytes.toString('utf8'), signatures }, signedBytes }
}

/** Parses a signed note by all of note.Open's format rules, without checking any signature. */
export function parseSignedNote(msg: Buffer): SignedNote {
  return parseNote(msg).note
}

/**
 * Parses a signed note and requires a valid signature by `verifier`. As in Go, only the first
 * signature line by the key (same name and key hash) counts, and other keys are ignored.
 */
export function openNote(msg: Buffer, verifier: Verifier): SignedNote {
  const { note, signedBytes } = parseNote(msg)
  const ours = note.signatures.find(s => s.name === verifier.name && s.keyHash === verifier.keyHash)
  const want = keyLabel(verifier.name, verifier.keyHash)
  if (!ours) {
    const found = note.signatures.map(s => keyLabel(s.name, s.keyHash)).join(', ')
    throw new SumdbError(
      'unknown-key',
      `note has no verifiable signatures: want a signature by ${want}, found ${found}`
    )
  }
  if (!verifier.verify(signedBytes, ours.sig)) {
    throw new SumdbError('bad-signature', `invalid signature for key ${want}`)
  }
  return note
}

/** Signs `text` (which must end in "\n") as note.Sign does with a single signer. */
export function signNote(text: string, signer: Signer): Buffer {
  if (!text.endsWith('\n')) throw new SumdbError('bad-note', 'malformed note: text must end in \\n')
  if (!isValidKeyName(signer.name)) {
    throw new SumdbError('bad-key', `invalid signer name ${quote(signer.name)}`)
  }
  const textBytes = Buffer.from(text, 'utf8')
  const hash = Buffer.alloc(KEY_HASH_SIZE)
  hash.writeUInt32BE(signer.keyHash)
  const sig = cryptoSign(null, textBytes, signer.privateKey)
  const line = `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([hash, sig]).toString('base64')}\n`
  return Buffer.concat([textBytes, Buffer.from(`\n${line}`, 'utf8')])
}
