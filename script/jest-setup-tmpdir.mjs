// Jest's global set-up: every test process, and what it runs (the action, the go command), gets
// a temp folder of this run's own, which script/jest-teardown-tmpdir.mjs removes when the run
// ends, so the folders tests make with mkdtemp do not pile up in the machine's. Caches meant to
// outlive a run live elsewhere (node_modules/.cache).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup() {
  const folder = mkdtempSync(join(tmpdir(), 'vgp-jest-'))
  globalThis.vgpJestTmpdir = { folder, before: process.env.TMPDIR }
  process.env.TMPDIR = folder
}
