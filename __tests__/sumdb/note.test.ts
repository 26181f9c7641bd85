import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SumdbError } from '../../src/xmod/sumdb/errors.js'
import {
  formatTreeNote,
  generateSignerKey,
  keyHash,
  openNote,
  parseSignedNote,
  parseSignerKey,
  parseTreeNote,
  parseVerifierKey,
  signNote
} from '../../src/xmod/sumdb/note.js'
import { SUM_GOLANG_ORG_KEY } from '../../src/goenv/gosumdb.js'
import {
  ENOCH_SIG,
  GO_SIGNED_TREE,
  PETER_NOTE,
  PETER_SIG,
  PETER_SKEY,
  PETER_TEXT,
  PETER_VKEY,
  caught
} from './vectors.js'

const peter = parseVerifierKey(PETER_VKEY)

function withKeyHash(name: string, key: Buffer): string {
  return `${name}+${keyHash(name, key).toString(16).padStart(8, '0')}+${key.toString('base64')}`
}

describe('verifier keys', () => {
  it('parses the documented key and the sum.golang.org key', () => {
    expect(peter.name).toBe('PeterNeumann')
    expect(peter.keyHash).toBe(0xc74f20a3)
    const encoded = Buffer.from(PETER_VKEY.split('+')[2], 'base64')
    expect(peter.publicKey.equals(encoded.subarray(1))).toBe(true)
    const golang = parseVerifierKey(SUM_GOLANG_ORG_KEY)
    expect([golang.name, golang.keyHash, golang.publicKey.length]).toEqual([
      'sum.golang.org',
      0x033de0ae,
      32
    ])
  })

  it('hashes name, newline and the key with its algorithm byte', () => {
    const key = Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64')
    expect(keyHash('PeterNeumann', key)).toBe(0xc74f20a3)
    expect(parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'C74F20A3')).keyHash).toBe(0xc74f20a3)
  })

  const wrongAlgorithm = withKeyHash('alg2', Buffer.concat([Buffer.of(2), Buffer.alloc(32, 7)]))
  const shortKey = withKeyHash('short', Buffer.concat([Buffer.of(1), Buffer.alloc(31, 7)]))
  it.each([
    ['PeterNeumann', 'malformed verifier id'],
    [PETER_VKEY.replace('c74f20a3', 'c74f20a'), 'malformed verifier id'],
    [PETER_VKEY.replace('c74f20a3', 'c74f20a4'), 'invalid verifier hash'],
    [PETER_VKEY.replace('Peter', 'Peter '), 'malformed verifier id'],
    [PETER_VKEY.replace('/', '_'), 'malformed verifier id'],
    ['+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'malformed verifier id'],
    [wrongAlgorithm, 'unknown verifier algorithm'],
    [shortKey, 'malformed verifier id']
  ])('rejects %j', (vkey, message) => {
    const err = caught(() => parseVerifierKey(vkey))
    expect(err.code).toBe('bad-key')
    expect(err.message).toBe(`${message} ${JSON.stringify(vkey)}`)
  })

  it('generates keys in Go text form that parse back and sign', () => {
    const { signer, verifierKey, signerKey } = generateSignerKey('sum.example.test')
    const verifier = parseVerifierKey(verifierKey)
    expect(verifier.name).toBe('sum.example.test')
    expect(verifier.keyHash).toBe(signer.keyHash)
    expect(parseSignerKey(signerKey).keyHash).toBe(signer.keyHash)
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+sum\.example\.test\+[0-9a-f]{8}\+A/)
    expect(openNote(signNote('hello\n', signer), verifier).text).toBe('hello\n')
    expect(caught(() => generateSignerKey('bad name')).code).toBe('bad-key')
  })

  it('signs exactly as Go does (ed25519 is deterministic)', () => {
    const signer = parseSignerKey(PETER_SKEY)
    expect(signNote(PETER_TEXT, signer).toString()).toBe(PETER_NOTE.toString())
    const tree = formatTreeNote(
      parseTreeNote('go.sum database tree\n5\nPH6byTDck/AfppmF7yQtn56GHzxTVaokzl70tLinDMs=\n')
    )
    expect(signNote(tree, signer).toString()).toBe(GO_SIGNED_TREE)
  })

  it('rejects signer keys that are not PRIVATE+KEY or whose hash does not match', () => {
    expect(caught(() => parseSignerKey(PETER_SKEY.replace('PRIVATE', 'PUBLIC'))).message).toBe(
      'malformed signer key'
    )
    expect(caught(() => parseSignerKey(PETER_SKEY.replace('c74f20a3', 'c74f20a4'))).message).toBe(
      'invalid signer key hash for "PeterNeumann"'
    )
  })
})

describe('signed notes', () => {
  it('opens the documented note', () => {
    const note = openNote(PETER_NOTE, peter)
    expect(note.text).toBe(PETER_TEXT)
    expect(note.signatures).toHaveLength(1)
    expect(note.signatures[0]).toMatchObject({ name: 'PeterNeumann', keyHash: 0xc74f20a3 })
    expect(note.signatures[0].sig).toHaveLength(64)
  })

  it('ignores signatures by other keys', () => {
    const note = openNote(Buffer.from(`${PETER_TEXT}\n${PETER_SIG}${ENOCH_SIG}`), peter)
    expect(note.signatures.map(s => s.name)).toEqual(['PeterNeumann', 'EnochRoot'])
  })

  it('rejects a note signed only by another key', () => {
    const err = caught(() => openNote(Buffer.from(`${PETER_TEXT}\n${ENOCH_SIG}`), peter))
    expect(err.code).toBe('unknown-key')
    expect(err.message).toBe(
      'note has no verifiable signatures: want a signature by PeterNeumann+c74f20a3, found EnochRoot+af0cfe78'
    )
    // Same name, another key: still not our key.
    const impostor = generateSignerKey('PeterNeumann').signer
    expect(caught(() => openNote(signNote(PETER_TEXT, impostor), peter)).code).toBe('unknown-key')
  })

  it('rejects a tampered text', () => {
    const tampered = Buffer.from(PETER_NOTE.toString().replace('problem is', 'problems is'))
    const err = caught(() => openNote(tampered, peter))
    expect(err.code).toBe('bad-signature')
    expect(err.message).toBe('invalid signature for key PeterNeumann+c74f20a3')
  })

  it('checks only the first signature by our key, as Go does', () => {
    const forged = `— PeterNeumann ${Buffer.concat([Buffer.from('c74f20a3', 'hex'), Buffer.alloc(64)]).toString('base64')}\n`
    expect(openNote(Buffer.from(`${PETER_TEXT}\n${PETER_SIG}${forged}`), peter).text).toBe(
      PETER_TEXT
    )
    expect(
      caught(() => openNote(Buffer.from(`${PETER_TEXT}\n${forged}${PETER_SIG}`), peter)).code
    ).toBe('bad-signature')
  })

  it('accepts 100 signatures and rejects 101', () => {
    const hundred = `${PETER_TEXT}\n${PETER_SIG}${ENOCH_SIG.repeat(99)}`
    expect(parseSignedNote(Buffer.from(hundred)).signatures).toHaveLength(100)
    const err = caught(() => parseSignedNote(Buffer.from(hundred + ENOCH_SIG)))
    expect(err.message).toBe('malformed note: more than 100 signatures')
  })

  it.each([
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('a'), Buffer.of(0xff), Buffer.from(`\n\n${PETER_SIG}`)]),
      'malformed note: not valid UTF-8'
    ],
    [
      'a UTF-16 surrogate',
      Buffer.concat([Buffer.of(0xed, 0xa0, 0x80), Buffer.from(`\n\n${PETER_SIG}`)]),
      'malformed note: not valid UTF-8'
    ],
    [
      'a tab',
      Buffer.from(`a\tb\n\n${PETER_SIG}`),
      'malformed note: control character other than newline'
    ],
    [
      'a carriage return',
      Buffer.from(`${PETER_TEXT}\n${PETER_SIG.replace('\n', '\r\n')}`),
      'malformed note: control character other than newline'
    ],
    [
      'no blank line',
      Buffer.from(`${PETER_TEXT}${PETER_SIG}`),
      'malformed note: no blank line before the signatures'
    ],
    [
      'no final newline',
      Buffer.from(`${PETER_TEXT}\n${PETER_SIG.trimEnd()}`),
      'malformed note: signature block does not end in a newline'
    ],
    [
      'a hyphen for the em dash',
      Buffer.from(`${PETER_TEXT}\n${PETER_SIG.replace('—', '-')}`),
      'malformed note: signature line'
    ],
    [
      'no signature',
      Buffer.from(`${PETER_TEXT}\n— PeterNeumann\n`),
      'malformed note: bad signature line "— PeterNeumann"'
    ],
    [
      'a 3-byte signature',
      Buffer.from(`${PETER_TEXT}\n— PeterNeumann AAAA\n`),
      'malformed note: bad signature line'
    ],
    [
      'a name with +',
      Buffer.from(`${PETER_TEXT}\n${PETER_SIG.replace('Peter', 'Peter+')}`),
      'malformed note: bad signature line'
    ]
  ])('rejects a note with %s', (_what, msg, message) => {
    const err = caught(() => openNote(msg, peter))
    expect(err.code).toBe('bad-note')
    expect(err.message.startsWith(message)).toBe(true)
  })

  it('keeps a leading byte-order mark in the signed text', () => {
    const { signer, verifierKey } = generateSignerKey('bom')
    const text = '\ufeffline\n'
    expect(openNote(signNote(text, signer), parseVerifierKey(verifierKey)).text).toBe(text)
  })

  it('refuses to sign a text without a final newline', () => {
    expect(caught(() => signNote('no newline', parseSignerKey(PETER_SKEY))).code).toBe('bad-note')
  })
})

describe('properties', () => {
  const signatureLine = fc.oneof(
    fc.constant(PETER_SIG),
    fc.constant(ENOCH_SIG),
    fc.string().map(s => `— ${s}\n`),
    fc
      .uint8Array({ maxLength: 80 })
      .map(b => `— PeterNeumann ${Buffer.from(b).toString('base64')}\n`)
  )
  const noteish = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map(b => Buffer.from(b)),
    fc
      .tuple(fc.string({ maxLength: 80 }), fc.array(signatureLine, { maxLength: 4 }))
      .map(([text, sigs]) => Buffer.from(`${text}\n\n${sigs.join('')}`))
  )

  it('parseSignedNote and openNote throw nothing but SumdbError', () => {
    fc.assert(
      fc.property(noteish, msg => {
        for (const run of [() => parseSignedNote(msg), () => openNote(msg, peter)]) {
          try {
            run()
          } catch (err) {
            if (!(err instanceof SumdbError)) throw err
          }
        }
      }),
      { numRuns: 200 }
    )
  })

  const others = [generateSignerKey('PeterNeumann').signer, generateSignerKey('EnochRoot').signer]
  const printable = fc
    .string({ maxLength: 60 })
    .map(s => `${[...s].filter(c => c >= ' ').join('')}\n`)

  it('openNote never accepts a note without a valid signature by the verifier', () => {
    const forgedSig = fc.uint8Array({ minLength: 64, maxLength: 64 }).map(sig => {
      const raw = Buffer.concat([Buffer.from('c74f20a3', 'hex'), Buffer.from(sig)])
      return `— PeterNeumann ${raw.toString('base64')}\n`
    })
    const otherSig = fc.nat({ max: others.length - 1 })
    const lines = fc.array(fc.oneof(forgedSig, otherSig), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(printable, lines, (text, choices) => {
        const sigs = choices.map(choice =>
          typeof choice === 'string'
            ? choice
            : signNote(text, others[choice])
                .subarray(Buffer.byteLength(text) + 1)
                .toString()
        )
        const err = caught(() => openNote(Buffer.from(`${text}\n${sigs.join('')}`), peter))
        expect(['unknown-key', 'bad-signature']).toContain(err.code)
      }),
      { numRuns: 100 }
    )
  })

  it('openNote accepts what signNote signs, for any text', () => {
    const signer = parseSignerKey(PETER_SKEY)
    fc.assert(
      fc.property(printable, text => {
        expect(openNote(signNote(text, signer), peter).text).toBe(text)
      }),
      { numRuns: 100 }
    )
  })
})
