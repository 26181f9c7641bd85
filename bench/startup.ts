/**
 * What a user's step pays, whole process (spawn to exit): the action against `node -e 0` on the
 * same Node, run side by side in interleaved rounds so that a busy moment of the shared machine
 * falls on every contender alike. Then one healthy run cut into its phases.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ModuleVersion } from '../__tests__/world/modules.js'
import { runBounded } from '../__tests__/world/spawn.js'
import { runBareAction, runMeasuredAction, type ActionMeasure } from './action.js'
import { mixedInputs } from './sweeps.js'
import { endpointOf, startMixedWorld, type BenchWorld } from './world.js'

/** The contenders of one round, in the order they run. */
export const STARTUP_KINDS = [
  'node',
  'nodeShellEnv',
  'floorError',
  'floorRequest',
  'inputError',
  'healthy',
  'healthyColdTools',
  'warm'
] as const
export type StartupKind = (typeof STARTUP_KINDS)[number]

export interface StartupRun {
  wallMs: number
  code: number | null
  /** Requests the world received during the run (the warm run must send none). */
  requests: number
  cacheHit?: string
}

export interface StartupResults {
  node: string
  /** NODE_* variables of the benchmark's own environment (they can slow Node's start). */
  shellNodeVariables: string[]
  runs: Record<StartupKind, StartupRun[]>
  /** One healthy run with the clock preload, cut into phases. */
  phases: Phase[]
  phasesWallMs: number
}

/** A stretch of the healthy run, from and to in ms after the spawn. */
export interface Phase {
  name: string
  fromMs: number
  toMs: number
  what: string
}

function healthyInputs(world: BenchWorld, extra: Record<string, string> = {}) {
  const healthy = world.candidates.find(c => c.spec.name === 'healthy')
  if (!healthy) throw new Error('the mixed world has no healthy candidate')
  return { ...mixedInputs(world), proxies: healthy.url, ...extra }
}

/**
 * `node -e 0` (or `node <args>`) with the runner's environment (PATH only here), or with the
 * benchmark's own.
 */
async function nodeAlone(
  node: string,
  env: NodeJS.ProcessEnv,
  args = ['-e', '0']
): Promise<StartupRun> {
  const started = performance.now()
  const run = await runBounded(node, args, { env, killAfterMs: 30_000 })
  return { wallMs: performance.now() - started, code: run.code, requests: 0 }
}

/**
 * The floors, as plain ES modules with no bundle: the least an input error does (print one
 * `::error::` line, exit 1), and the least a healthy run does on the network (one GET on
 * loopback with Node's http, the body printed).
 */
const FLOORS = {
  floorError: `process.stdout.write('::error::Invalid input\\n')\nprocess.exitCode = 1\n`,
  // As the bundle loads it (require): an ESM import of node:http also loads what its lazy exports
  // hold (on Node 24, WebSocket's undici), which the action never touches.
  floorRequest: `process.getBuiltinModule('node:http').get(process.argv[2], res => res.pipe(process.stdout))\n`
}

async function writeFloors(scratch: string): Promise<Record<keyof typeof FLOORS, string>> {
  const files = {
    floorError: join(scratch, 'floor-error.mjs'),
    floorRequest: join(scratch, 'floor-request.mjs')
  }
  await Promise.all(
    Object.entries(FLOORS).map(([kind, text]) =>
      writeFile(files[kind as keyof typeof FLOORS], text)
    )
  )
  return files
}

interface Contenders {
  world: BenchWorld
  node: string
  /** A tool cache kept across rounds: Node's compile cache in it is warm after the first run. */
  toolCache: string
  cacheDir: string
  scratch: string
  floors: Record<keyof typeof FLOORS, string>
}

async function runOne(kind: StartupKind, c: Contenders): Promise<StartupRun> {
  if (kind === 'node') return nodeAlone(c.node, { PATH: process.env.PATH })
  if (kind === 'nodeShellEnv') return nodeAlone(c.node, process.env)
  if (kind === 'floorError') return nodeAlone(c.node, { PATH: process.env.PATH }, [c.floors[kind]])
  if (kind === 'floorRequest') {
    c.world.resetCounts()
    const list = `${healthyInputs(c.world).proxies}/rsc.io/quote/@v/list`
    const run = await nodeAlone(c.node, { PATH: process.env.PATH }, [c.floors[kind], list])
    return { ...run, requests: c.world.requests() }
  }
  const tools = kind === 'healthyColdTools' ? await mkdtemp(join(c.scratch, 'tools-')) : c.toolCache
  const extra: Record<string, Record<string, string>> = {
    inputError: { timeout: 'abc' },
    warm: { cache: 'true', 'cache-dir': c.cacheDir }
  }
  c.world.resetCounts()
  const run = await runBareAction(healthyInputs(c.world, extra[kind]), {
    node: c.node,
    env: { RUNNER_TOOL_CACHE: tools }
  })
  if (kind === 'healthyColdTools') await rm(tools, { recursive: true, force: true })
  return {
    wallMs: run.wallMs,
    code: run.code,
    requests: c.world.requests(),
    cacheHit: run.outputs['cache-hit']
  }
}

/**
 * `rounds` rounds of every contender, one after another; before them one untimed run of each, so
 * the compile cache, the verdict cache (the warm contender's) and the OS file cache are filled.
 */
export async function startupRuns(
  modules: ModuleVersion[],
  rounds: number,
  node: string
): Promise<StartupResults> {
  const world = await startMixedWorld(modules)
  const scratch = await mkdtemp(join(tmpdir(), 'vgp-bench-startup-'))
  const c: Contenders = {
    world,
    node,
    scratch,
    floors: await writeFloors(scratch),
    toolCache: join(scratch, 'toolcache'),
    cacheDir: join(scratch, 'verdicts')
  }
  try {
    const runs = Object.fromEntries(STARTUP_KINDS.map(k => [k, [] as StartupRun[]])) as Record<
      StartupKind,
      StartupRun[]
    >
    for (const kind of STARTUP_KINDS) await runOne(kind, c)
    for (let i = 0; i < rounds; i++)
      for (const kind of STARTUP_KINDS) runs[kind].push(await runOne(kind, c))
    const { phases, wallMs } = await healthyPhases(c)
    const shellNodeVariables = Object.keys(process.env).filter(k => k.startsWith('NODE_'))
    return { node, shellNodeVariables, runs, phases, phasesWallMs: wallMs }
  } finally {
    await Promise.all([world.close(), rm(scratch, { recursive: true, force: true })])
  }
}

/** The healthy run once more, with the clock preload, placed on the world's clock. */
async function healthyPhases(c: Contenders): Promise<{ phases: Phase[]; wallMs: number }> {
  c.world.resetCounts()
  const seenBefore = c.world.proxies.seen().length
  const run = await runMeasuredAction(healthyInputs(c.world), {
    node: c.node,
    env: { RUNNER_TOOL_CACHE: c.toolCache }
  })
  const requests = c.world.proxies
    .seen()
    .slice(seenBefore)
    .map(r => ({
      atMs: performance.timeOrigin + (r.at ?? 0),
      endpoint: endpointOf(r.path),
      database: r.path.includes('/sumdb/') && !r.path.endsWith('/supported')
    }))
  return { phases: phasesOf(run, requests), wallMs: run.wallMs }
}

/** One request the world saw: when (epoch ms), and whether it went to the checksum database. */
interface SeenAt {
  atMs: number
  endpoint: string
  database: boolean
}

/** The phases of one run from its clock marks and the requests the world saw. */
export function phasesOf(run: ActionMeasure, requests: SeenAt[]): Phase[] {
  const at = (epochMs: number): number => epochMs - run.epoch.spawnAt
  const database = requests.filter(r => r.database).map(r => at(r.atMs))
  const probes = requests.filter(r => !r.database).map(r => at(r.atMs))
  const first = Math.min(...probes, ...database)
  const last = Math.max(...probes, ...database)
  const started = at(run.epoch.firstInputAt) - run.loadMs - run.bootMs
  const phases: Phase[] = [
    { name: 'process start', fromMs: 0, toMs: started, what: 'spawn until Node runs' },
    { name: 'Node start', fromMs: started, toMs: started + run.bootMs, what: 'Node itself' },
    {
      name: 'bundle load',
      fromMs: started + run.bootMs,
      toMs: at(run.epoch.firstInputAt),
      what: 'dist/index.js and its first chunks: parse, compile, evaluate'
    },
    {
      name: 'inputs, plan, engine load',
      fromMs: at(run.epoch.firstInputAt),
      toMs: first,
      what: 'first input read until the first request (loads the engine chunks)'
    },
    {
      name: 'probes',
      fromMs: Math.min(...probes),
      toMs: Math.max(...probes),
      what: `${probes.length} requests: list, @latest, .info, .mod, .zip, /sumdb/ supported`
    }
  ]
  if (database.length > 0) {
    phases.push({
      name: 'checksum database',
      fromMs: Math.min(...database),
      toMs: Math.max(...database),
      what: `${database.length} requests: lookups and tiles through the proxy`
    })
  }
  phases.push({
    name: 'verdict and export',
    fromMs: last,
    toMs: at(run.epoch.exitAt),
    what: 'last request until exit: proof, selection, report, outputs, summary'
  })
  phases.push({
    name: 'process exit',
    fromMs: at(run.epoch.exitAt),
    toMs: run.wallMs,
    what: 'exit until the parent sees it close'
  })
  return phases
}
