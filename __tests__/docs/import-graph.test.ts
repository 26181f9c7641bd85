// The layout's rule, kept by the suite: imports in src/ run one way, with no cycle between files
// or folders (see ARCHITECTURE.md and script/import-graph.mjs).
import { expect, it } from '@jest/globals'
import { runBounded } from '../world/spawn.js'

it('finds no import cycle in src/, between files or folders', async () => {
  const run = await runBounded(process.execPath, ['script/import-graph.mjs'], {
    env: { PATH: process.env.PATH ?? '' },
    killAfterMs: 30_000
  })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toMatch(/imports run one way \(no file or folder cycles\)/)
})
