// Jest's global tear-down: removes the run's temp folder (see script/jest-setup-tmpdir.mjs).
import { rmSync } from 'node:fs'

export default function teardown() {
  const { folder, before } = globalThis.vgpJestTmpdir
  if (before === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = before
  // A go command's telemetry child may still be writing below it for a moment.
  rmSync(folder, { recursive: true, force: true, maxRetries: 5 })
}
