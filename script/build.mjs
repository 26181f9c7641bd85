// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with @vercel/ncc.
// ncc writes one folder per entry, so each is built apart and its files are moved into dist/.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const entries = [
  { source: 'src/index.ts', name: 'index.js' },
  { source: 'src/cli.ts', name: 'cli.js' }
]

rmSync('dist', { recursive: true, force: true })
for (const { source, name } of entries) {
  const out = mkdtempSync(join(tmpdir(), 'ncc-'))
  execFileSync('npx', ['ncc', 'build', source, '-o', out, '--license', 'licenses.txt', '-q'], { stdio: 'inherit' })
  renameSync(join(out, 'index.js'), join(out, name))
  for (const file of readdirSync(out)) cpSync(join(out, file), join('dist', file), { recursive: true })
  rmSync(out, { recursive: true, force: true })
}
