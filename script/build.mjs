// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with @vercel/ncc.
// Each entry is built apart and named after itself, so its lazy chunks (`<id>.index.js`,
// `<id>.cli.js`) never collide with the other's. The result replaces dist/ file by file (write,
// then rename) so that a test running meanwhile never finds dist/index.js missing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { writeFileSync, existsSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ncc from '@vercel/ncc'

// ncc resolves modules with the `paths` of this tsconfig (read by tsconfig-paths through
// TS_NODE_PROJECT): it puts script/undici-unused.mjs where @actions/http-client imports undici,
// and the stand-ins of script/lazy/ where a package is imported that most runs never call.
process.env.TS_NODE_PROJECT = fileURLToPath(new URL('./tsconfig.bundle.json', import.meta.url))

// The action last: its bundle holds every package the CLI's does, so its licenses.txt covers both.
const entries = [
  { source: 'src/cli.ts', name: 'cli.js' },
  { source: 'src/index.ts', name: 'index.js' }
]

const built = mkdtempSync(join(tmpdir(), 'ncc-dist-'))
for (const { source, name } of entries) {
  const { code, assets } = await ncc(join(process.cwd(), source), {
    filename: name,
    license: 'licenses.txt',
    // ncc's build cache (~/.cache/ncc) changes the chunk ids it hands out: a machine with a warm
    // cache would build another dist/ than CI's clean one.
    cache: false,
    quiet: true
  })
  const shebang = code.startsWith('#!')
  writeFileSync(join(built, name), code, { mode: shebang ? 0o755 : 0o644 })
  for (const [file, { source: text, permissions }] of Object.entries(assets)) {
    mkdirSync(dirname(join(built, file)), { recursive: true })
    writeFileSync(join(built, file), text, { mode: permissions })
  }
}
checkNoUndiciCaller(built)

mkdirSync('dist', { recursive: true })
const fresh = new Set(readdirSync(built))
for (const file of fresh) {
  copyFileSync(join(built, file), join('dist', `.${file}.tmp`))
  renameSync(join('dist', `.${file}.tmp`), join('dist', file))
}
for (const file of readdirSync('dist'))
  if (!fresh.has(file) && existsSync(join('dist', file))) rmSync(join('dist', file))
rmSync(built, { recursive: true, force: true })

/**
 * undici is left out of the bundle because the one method of @actions/http-client that needs it,
 * getAgentDispatcher(), is called by nothing bundled: fails the build if a dependency starts to.
 */
function checkNoUndiciCaller(dir) {
  for (const file of readdirSync(dir).filter(f => f.endsWith('.js'))) {
    if (/\.getAgentDispatcher\(/.test(readFileSync(join(dir, file), 'utf8'))) {
      throw new Error(
        `${file} calls getAgentDispatcher(), which needs undici: drop the alias in script/tsconfig.bundle.json`
      )
    }
  }
}
