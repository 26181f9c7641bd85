/** Where and on what the benchmark ran: the first table of RESULTS.md. */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import * as os from 'node:os'
import { bundlePath } from './action.js'

export interface MachineInfo {
  date: string
  nproc: number
  memoryGiB: number
  cpuModel: string
  loadAverage: number[]
  node: string
  /** The node that runs the action: `--node`, else the benchmark's own. */
  actionNode: string
  go: string
  curl: string
  jq: string
  commit: string
  /** src/ differs from the commit: the bundle may hold work in progress. */
  srcChanged: boolean
  /** The bundle the action ran from. */
  bundle: string
  /** Of the entry and its chunks together. */
  bundleSha256: string
  bundleModified: string
}

function firstLine(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'pipe']
    })
      .trim()
      .split('\n')[0]
  } catch {
    return 'unavailable'
  }
}

async function cpuModel(): Promise<string> {
  const text = await readFile('/proc/cpuinfo', 'utf8').catch(() => '')
  return /^model name\s*:\s*(.+)$/m.exec(text)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown'
}

/**
 * The bundle's files: its entry and the chunks ncc splits off beside it (`<id>.<entry>`), which
 * hold most of the code; the entry alone hardly ever changes.
 */
async function bundleFiles(): Promise<Buffer[]> {
  const entry = bundlePath()
  const chunk = new RegExp(`^\\d+\\.${basename(entry).replace(/\./g, '\\.')}$`)
  const chunks = (await readdir(dirname(entry))).filter(f => chunk.test(f)).sort()
  return Promise.all([entry, ...chunks.map(f => join(dirname(entry), f))].map(f => readFile(f)))
}

export async function describeMachine(actionNode = process.execPath): Promise<MachineInfo> {
  const hash = createHash('sha256')
  for (const file of await bundleFiles()) hash.update(file)
  return {
    date: new Date().toISOString(),
    nproc: Number(firstLine('nproc', [])) || os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: await cpuModel(),
    loadAverage: os.loadavg().map(l => Math.round(l * 100) / 100),
    node: process.version,
    actionNode: `${firstLine(actionNode, ['--version'])} (${actionNode})`,
    go: firstLine('go', ['version']),
    curl: firstLine('curl', ['--version']).split(' ').slice(0, 2).join(' '),
    jq: firstLine('jq', ['--version']),
    commit: firstLine('git', ['rev-parse', '--short', 'HEAD']),
    srcChanged: firstLine('git', ['status', '--porcelain', '--', 'src']) !== '',
    bundleSha256: hash.digest('hex').slice(0, 16),
    bundle: bundlePath(),
    bundleModified: (await stat(bundlePath())).mtime.toISOString()
  }
}
