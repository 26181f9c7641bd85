// What the real go command (1.26) says when the test world's checksum database, or a proxy in
// front of it, misbehaves: recorded from `go mod download -json` runs in
// __tests__/sumdb/world-sumdb.test.ts, so that tests of our own verifier can demand a rejection
// for the same cases. A database failure reaches the JSON `Error` as "<path>@<version>: verifying
// go.mod: <path>@<version>/go.mod: <reason>" (Go looks the go.mod hash up first); a checksum
// mismatch as "<path>@<version>: verifying module|go.mod: checksum mismatch…"; a fork only on
// stderr. Each pattern matches the part after the prefix.

const H1 = 'h1:[A-Za-z0-9+/]{43}='
const MISMATCH_TAIL =
  `\\n\\tdownloaded: ${H1}\\n\\t\\S+: ${H1}\\n\\nSECURITY ERROR\\n` +
  'This download does NOT match the one reported by the checksum server\\.'

export const GO_SUMDB_REJECTIONS = {
  /** A proxy served a zip whose h1 differs from the database's (in the JSON `Error`). */
  tamperedZip: new RegExp(`verifying module: checksum mismatch${MISMATCH_TAIL}`),
  /** A proxy served a .mod whose h1 differs from the database's. */
  tamperedMod: new RegExp(`verifying go\\.mod: checksum mismatch${MISMATCH_TAIL}`),
  /** Our name and key hash on the signature line, but the signature does not verify. */
  badSignature:
    /reading tree note: invalid signature for key \S+\+[0-9a-f]{8}\nnote:\ngo\.sum database tree\n/,
  /** No signature line by our key (same name, other key hash). */
  unknownKey:
    /reading tree note: note has no verifiable signatures\nnote:\ngo\.sum database tree\n/,
  /** More than 100 signature lines. */
  manySignatures: /reading tree note: malformed note\nnote:\ngo\.sum database tree\n/,
  /** The lookup's record is not the leaf the signed tree holds at its id. */
  missingRecord: /: cannot authenticate record data in server response$/,
  /** A hash tile that does not hash up to the signed tree (first lookup, or a later one). */
  wrongTile: /: (checking tree#\d+: )?downloaded inconsistent tile$/,
  /** A hash tile of the wrong length. */
  truncatedTile: /TileReader returned bad result slice \(tile\/\S+ len=\d+, want \d+\)$/,
  /** Printed on stderr (the go command exits at once; no JSON): a tree that forks from a cached one. */
  fork: /^SECURITY ERROR\ngo\.sum database server misbehavior detected!\n\nold database:\n\tgo\.sum database tree\n[\s\S]*\nnew database:\n\tgo\.sum database tree\n[\s\S]*\nproof of misbehavior:\n\t/,
  /** The database answered a lookup with 404. */
  notFound: /reading \S+\/lookup\/\S+: 404 Not Found\n\tserver response: not found$/,
  /** The database answered a lookup with 500. */
  status500: /reading \S+\/lookup\/\S+: 500 Internal Server Error\n\tserver response: /
} as const
