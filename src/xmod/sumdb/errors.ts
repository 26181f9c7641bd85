/**
 * What went wrong while checking a checksum database answer:
 * - `bad-key`: a verifier key (or signer name) that is not in Go's `<name>+<hash>+<key>` form
 * - `bad-note`: a signed note or tree note that breaks the note format
 * - `bad-signature`: a signature by our key that does not verify
 * - `unknown-key`: no signature by our key at all
 * - `bad-tree`: hash tiles that do not hash up to the signed tree root
 * - `bad-tile`: a hash tile that is missing or has the wrong size
 * - `bad-record`: a lookup answer or record that is malformed or outside the tree
 * - `not-in-tree`: a record whose hash differs from the leaf hash the signed tree holds
 * - `fork`: two signed trees of which the older is not a prefix of the newer
 */
export type SumdbErrorCode =
  | 'bad-key'
  | 'bad-note'
  | 'bad-signature'
  | 'unknown-key'
  | 'bad-tree'
  | 'bad-tile'
  | 'bad-record'
  | 'not-in-tree'
  | 'fork'

/** A checksum database answer (or key) failed verification; `code` says how. */
export class SumdbError extends Error {
  readonly code: SumdbErrorCode

  constructor(code: SumdbErrorCode, message: string) {
    super(message)
    this.name = 'SumdbError'
    this.code = code
  }
}
