// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with @vercel/ncc.
// ncc writes one folder per entry, so each is built apart; the result replaces dist/ file by file
// (write, then rename) so that a test running meanwhile never finds dist/index.js missing.
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The action last: its bundle holds every package the CLI's does, so its licenses.txt covers both.
const entries = [
  { source: 'src/cli.ts', name: 'cli.js' },
  { source: 'src/index.ts', name: 'index.js' }
]

const built = mkdtempSync(join(tmpdir(), 'ncc-dist-'))
for (const { source, name } of entries) {
  const out = mkdtempSync(join(tmpdir(), 'ncc-'))
  execFileSync('npx', ['ncc', 'build', source, '-o', out, '--license', 'licenses.txt', '-q'], {
    stdio: 'inherit'
  })
  renameSync(join(out, 'index.js'), join(out, name))
  for (const file of readdirSync(out)) copyFileSync(join(out, file), join(built, file))
  rmSync(out, { recursive: true, force: true })
}

mkdirSync('dist', { recursive: true })
const fresh = new Set(readdirSync(built))
for (const file of fresh) {
  copyFileSync(join(built, file), join('dist', `.${file}.tmp`))
  renameSync(join('dist', `.${file}.tmp`), join('dist', file))
}
for (const file of readdirSync('dist'))
  if (!fresh.has(file) && existsSync(join('dist', file))) rmSync(join('dist', file))
rmSync(built, { recursive: true, force: true })
