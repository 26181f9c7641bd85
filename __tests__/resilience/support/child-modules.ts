/**
 * Child processes cannot load our TypeScript (Node 20 has no type stripping), so tests that need
 * real concurrency across processes transpile the source files they use into a temporary tree
 * that the children import as ESM; `node_modules` is linked in for cockatiel.
 */
import { fork } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'

const ROOT = resolve(process.cwd())

export interface ChildModules {
  /** file: URL of the transpiled form of `source` (relative to the repository root). */
  url(source: string): string
  cleanup(): Promise<void>
}

export async function transpileForChildren(sources: string[]): Promise<ChildModules> {
  const out = await mkdtemp(join(tmpdir(), 'vgp-child-'))
  await writeFile(join(out, 'package.json'), '{"type":"module"}\n')
  await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir')
  const done = new Set<string>()
  const pending = sources.map(s => resolve(ROOT, s))
  while (pending.length > 0) {
    const file = pending.pop() as string
    if (done.has(file)) continue
    done.add(file)
    const text = await readFile(file, 'utf8')
    const js = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file
    }).outputText
    const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js')
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, js)
    // Follow the relative imports that survive transpiling (type-only ones are gone).
    for (const [, spec] of js.matchAll(/from '(\.\.?\/[^']+)\.js'/g))
      pending.push(resolve(dirname(file), `${spec}.ts`))
  }
  return {
    url: source => pathToFileURL(join(out, source.replace(/\.ts$/, '.js'))).href,
    cleanup: () => rm(out, { recursive: true, force: true })
  }
}

/** Forks `script` (a fixture), resolves with the one message it sends; killed after `timeoutMs`. */
export function runChild<T>(script: string, args: string[], timeoutMs = 15_000): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(resolve(ROOT, script), args, {
      timeout: timeoutMs,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    let message: { value: T } | undefined
    child.on('message', value => (message = { value: value as T }))
    child.on('error', reject)
    // 'close', not 'exit': 'exit' can come before the child's last message has been delivered.
    child.on('close', (code, signal) => {
      if (message) resolvePromise(message.value)
      else reject(new Error(`${script} exited (code ${code}, signal ${signal}) without reporting`))
    })
  })
}
