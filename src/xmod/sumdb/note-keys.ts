// Checksum database keys as golang.org/x/mod/sumdb/note writes them: a verifier key is
// "<name>+<8 hex key hash>+<base64(0x01 ‖ ed25519 public key)>", a signer key is the same with
// "PRIVATE+KEY+" in front and the 32-byte private seed in place of the public key.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  verify as cryptoVerify
} from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { fields, quote } from '../../gostd/strings.js'
import { SumdbError } from './errors.js'

/** Checks signatures made by one checksum database key. */
export interface Verifier {
  name: string
  keyHash: number
  publicKey: Buffer
  verify(msg: Buffer, sig: Buffer): boolean
}

/** Signs notes with one checksum database key (the test world's server uses it). */
export interface Signer {
  name: string
  keyHash: number
  privateKey: KeyObject
}

const ALG_ED25519 = 0x01
const ED25519_KEY_SIZE = 32
const ED25519_SIGNATURE_SIZE = 64
// DER framing of a raw ed25519 key, so node:crypto can import the 32 bytes Go stores.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const LONE_SURROGATE = /\p{Cs}/u

/**
 * Go's base64.StdEncoding.DecodeString: standard alphabet, padding required, CR and LF skipped,
 * non-zero trailing bits tolerated. Undefined when Go would report an error (Node would not).
 */
export function decodeStdBase64(s: string): Buffer | undefined {
  const clean = s.replace(/[\r\n]/g, '')
  return STD_BASE64.test(clean) ? Buffer.from(clean, 'base64') : undefined
}

/** A key name: non-empty valid UTF-8 without Unicode white space or '+'. */
export function isValidKeyName(name: string): boolean {
  if (name === '' || name.includes('+') || LONE_SURROGATE.test(name)) return false
  const words = fields(name)
  return words.length === 1 && words[0] === name
}

/** First 4 bytes (big-endian) of SHA-256(name ‖ "\n" ‖ key), key including its algorithm byte. */
export function keyHash(name: string, key: Buffer): number {
  return createHash('sha256').update(name, 'utf8').update('\n').update(key).digest().readUInt32BE(0)
}

function hex8(hash: number): string {
  return hash.toString(16).padStart(8, '0')
}

/** "name+hash" as Go names a key in its messages. */
export function keyLabel(name: string, hash: number): string {
  return `${name}+${hex8(hash)}`
}

function cut(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep)
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)]
}

function badKey(reason: string, key: string): SumdbError {
  return new SumdbError('bad-key', `${reason} ${quote(key)}`)
}

function ed25519Verifier(name: string, hash: number, publicKey: Buffer): Verifier {
  const keyObject = createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, publicKey]),
    format: 'der',
    type: 'spki'
  })
  const verify = (msg: Buffer, sig: Buffer): boolean => {
    if (sig.length !== ED25519_SIGNATURE_SIZE) return false
    try {
      return cryptoVerify(null, msg, keyObject, sig)
    } catch {
      return false
    }
  }
  return { name, keyHash: hash, publicKey, verify }
}

/** Parses "<name>+<hash>+<key>" with note.NewVerifier's checks and wording. */
export function parseVerifierKey(vkey: string): Verifier {
  const [name, rest] = cut(vkey, '+')
  const [hash16, key64] = cut(rest, '+')
  const key = decodeStdBase64(key64)
  if (!/^[0-9a-fA-F]{8}$/.test(hash16) || !key || key.length === 0 || !isValidKeyName(name)) {
    throw badKey('malformed verifier id', vkey)
  }
  const hash = parseInt(hash16, 16)
  if (hash !== keyHash(name, key)) throw badKey('invalid verifier hash', vkey)
  if (key[0] !== ALG_ED25519) throw badKey('unknown verifier algorithm', vkey)
  if (key.length !== 1 + ED25519_KEY_SIZE) throw badKey('malformed verifier id', vkey)
  return ed25519Verifier(name, hash, key.subarray(1))
}

function publicKeyOf(privateKey: KeyObject): Buffer {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' })
  return Buffer.concat([Buffer.of(ALG_ED25519), spki.subarray(SPKI_PREFIX.length)])
}

function formatKey(name: string, hash: number, key: Buffer): string {
  return `${name}+${hex8(hash)}+${key.toString('base64')}`
}

/** Parses Go's "PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>" (note.NewSigner's checks). */
export function parseSignerKey(skey: string): Signer {
  const [priv, afterPriv] = cut(skey, '+')
  const [word, afterWord] = cut(afterPriv, '+')
  const [name, rest] = cut(afterWord, '+')
  const [hash16, key64] = cut(rest, '+')
  const key = decodeStdBase64(key64)
  const wellFormed = priv === 'PRIVATE' && word === 'KEY' && /^[0-9a-fA-F]{8}$/.test(hash16)
  // The key itself is not echoed: it is a secret.
  if (!wellFormed || !key || key.length === 0 || !isValidKeyName(name)) {
    throw new SumdbError('bad-key', 'malformed signer key')
  }
  if (key[0] !== ALG_ED25519) throw new SumdbError('bad-key', 'unknown signer key algorithm')
  if (key.length !== 1 + ED25519_KEY_SIZE) throw new SumdbError('bad-key', 'malformed signer key')
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, key.subarray(1)]),
    format: 'der',
    type: 'pkcs8'
  })
  const hash = parseInt(hash16, 16)
  if (hash !== keyHash(name, publicKeyOf(privateKey))) {
    throw new SumdbError('bad-key', `invalid signer key hash for ${quote(name)}`)
  }
  return { name, keyHash: hash, privateKey }
}

/** A fresh ed25519 key named `name`, with its keys in Go's text forms (note.GenerateKey). */
export function generateSignerKey(name: string): {
  signer: Signer
  verifierKey: string
  signerKey: string
} {
  if (!isValidKeyName(name)) throw new SumdbError('bad-key', `invalid key name ${quote(name)}`)
  const { privateKey } = generateKeyPairSync('ed25519')
  const publicKey = publicKeyOf(privateKey)
  const hash = keyHash(name, publicKey)
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' })
  const seed = Buffer.concat([Buffer.of(ALG_ED25519), pkcs8.subarray(PKCS8_PREFIX.length)])
  return {
    signer: { name, keyHash: hash, privateKey },
    verifierKey: formatKey(name, hash, publicKey),
    signerKey: `PRIVATE+KEY+${formatKey(name, hash, seed)}`
  }
}
