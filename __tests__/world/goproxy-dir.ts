// A file:// GOPROXY on disk for tests that ask the real go command what it thinks of our modules.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runGo } from './go.js'
import { proxyTree, type ModuleVersion } from './modules.js'

/** What `go mod download -json` reports for one module version. */
export interface GoDownload {
  Path: string
  Version: string
  Error?: string
  Sum?: string
  GoModSum?: string
  /** Where the go command stored the zip (its unzip errors name this file). */
  Zip?: string
}

/** A scratch directory holding a proxy tree (`proxy/`) and the go command's home (`work/`). */
export interface GoScratch {
  root: string
  proxyDir: string
  workDir: string
  remove(): Promise<void>
}

export async function makeGoScratch(): Promise<GoScratch> {
  const root = await mkdtemp(join(tmpdir(), 'goproxy-test-'))
  const proxyDir = join(root, 'proxy')
  const workDir = join(root, 'work')
  await mkdir(proxyDir)
  await mkdir(workDir)
  return { root, proxyDir, workDir, remove: () => rm(root, { recursive: true, force: true }) }
}

/** Writes the proxy files of `mods` under `dir`. */
export async function writeProxyTree(dir: string, mods: readonly ModuleVersion[]): Promise<void> {
  for (const [rel, data] of proxyTree(mods)) {
    const file = join(dir, ...rel.split('/'))
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, data)
  }
}

/**
 * Runs `go mod download -json` for `mods` against the file:// proxy in `scratch`, with the
 * checksum database off, and returns one report per module version (Go prints them
 * concatenated, one JSON object after another).
 */
export async function goModDownload(
  scratch: GoScratch,
  mods: readonly ModuleVersion[]
): Promise<GoDownload[]> {
  const targets = mods.map(m => `${m.path}@${m.version}`)
  const result = await runGo(['mod', 'download', '-json', ...targets], {
    cwd: scratch.workDir,
    env: { GOPROXY: pathToFileURL(scratch.proxyDir).href, GOSUMDB: 'off' },
    timeoutMs: 120_000
  })
  if (result.timedOut) throw new Error(`go mod download timed out: ${result.stderr}`)
  const objects = result.stdout.trim().split(/\n(?=\{)/)
  return objects.filter(text => text !== '').map(text => JSON.parse(text) as GoDownload)
}
