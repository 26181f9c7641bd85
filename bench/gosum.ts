/**
 * A real build's go.sum: N module versions (a zip line and a /go.mod line each) in a workspace
 * with its go.mod, proved by the action at `checks: standard` along a chain of three proxies each
 * `delayMs` away; beside it the check teams run today, `go mod download` of the same build with
 * an empty module cache through the same chain. Everything on 127.0.0.1.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { baseEnv } from '../__tests__/world/go.js'
import { buildModule, goSumLines, type ModuleVersion } from '../__tests__/world/modules.js'
import { runMeasuredAction } from './action.js'
import { measuredRun } from './spawn.js'
import { endpointOf, startHealthyWorld, type BenchWorld } from './world.js'

/** One run of a checker over the build: what it cost and what the world received. */
export interface GosumRun {
  wallMs: number
  /** The action's own clock over validate() (report durationMs); undefined for go. */
  engineMs?: number
  maxRssKiB: number
  code: number | null
  killed?: boolean
  requests: number
  /** Requests by protocol file (mod, zip, info, list, lookup, tile, …). */
  byEndpoint: Record<string, number>
  /** The action's `modules-checked` and how many `modules-unresolved` it named. */
  checked?: number
  unresolved?: number
  /** Why go failed, in its last words. */
  said?: string
}

export interface GosumPoint {
  modules: number
  delayMs: number
  /** One request to a proxy of the chain, measured from this process: the model's round trip. */
  roundTripMs: number
  concurrency: number
  action: GosumRun[]
  go?: GosumRun
}

export interface GosumOptions {
  sizes: number[]
  delayMs: number
  runs: number
  /** Run `go mod download` too (needs go). */
  withGo: boolean
  goBudgetMs: number
  node?: string
  progress(message: string): void
}

/** The action's default concurrency: the model's c. */
export const GOSUM_CONCURRENCY = 8

/** `count` module versions of a build, made in batches so the zips never all wait at once. */
export async function buildModules(count: number): Promise<ModuleVersion[]> {
  const out: ModuleVersion[] = []
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const n = String(start + k).padStart(5, '0')
      return buildModule(`bench.example/dep${n}`, 'v1.0.0', {
        [`dep${n}.go`]: `package dep${n}\n\nconst N = ${start + k}\n`
      })
    })
    out.push(...(await Promise.all(batch)))
  }
  return out
}

/** A module requiring every one of `deps` (go 1.21: no toolchain switch), with their go.sum. */
async function writeWorkspace(dir: string, deps: ModuleVersion[]): Promise<void> {
  const requires = deps.map(m => `\t${m.path} ${m.version}\n`).join('')
  await writeFile(
    join(dir, 'go.mod'),
    `module bench.example/app\n\ngo 1.21\n\nrequire (\n${requires})\n`
  )
  await writeFile(join(dir, 'go.sum'), goSumLines(deps))
}

function countByEndpoint(world: BenchWorld, since: number): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of world.proxies.seen().slice(since)) {
    const endpoint = endpointOf(r.path)
    counts[endpoint] = (counts[endpoint] ?? 0) + 1
  }
  return counts
}

/** The median of `count` one-after-another GETs of a small file: one round trip to a proxy. */
async function roundTrip(url: string, count = 21): Promise<number> {
  const agent = new http.Agent({ keepAlive: true })
  const times: number[] = []
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now()
      await new Promise<void>((resolve, reject) => {
        http
          .get(url, { agent }, res => {
            res.resume()
            res.on('end', resolve)
          })
          .on('error', reject)
      })
      times.push(performance.now() - started)
    }
  } finally {
    agent.destroy()
  }
  return times.sort((a, b) => a - b)[count >> 1]
}

async function actionRun(
  world: BenchWorld,
  dir: string,
  node: string | undefined
): Promise<GosumRun> {
  world.resetCounts()
  const since = world.proxies.seen().length
  const run = await runMeasuredAction(
    {
      proxies: world.candidates.map(c => c.url).join(','),
      gosumdb: world.gosumdbViaProxies,
      checks: 'standard',
      'working-directory': dir,
      cache: 'false'
    },
    { node, killAfterMs: 600_000 }
  )
  const unresolved = run.outputs['modules-unresolved']?.trim()
  return {
    wallMs: run.wallMs,
    engineMs: run.engineMs,
    maxRssKiB: run.maxRssKiB,
    code: run.code,
    requests: world.requests(),
    byEndpoint: countByEndpoint(world, since),
    checked: Number(run.outputs['modules-checked'] ?? NaN),
    unresolved: unresolved ? unresolved.split('\n').length : 0
  }
}

async function goRun(world: BenchWorld, deps: ModuleVersion[], budgetMs: number) {
  world.resetCounts()
  const since = world.proxies.seen().length
  const cwd = await mkdtemp(join(tmpdir(), 'vgp-bench-gomod-'))
  try {
    await writeWorkspace(cwd, deps)
    const env = {
      ...baseEnv(cwd),
      GOPROXY: world.candidates.map(c => c.url).join(','),
      GOSUMDB: 'off'
    }
    const run = await measuredRun('go', ['mod', 'download'], { cwd, env, budgetMs })
    const said = run.stderr.trim().split('\n').at(-1)?.slice(0, 200)
    return {
      wallMs: run.killed ? budgetMs : run.wallMs,
      maxRssKiB: run.maxRssKiB ?? NaN,
      code: run.code,
      killed: run.killed,
      requests: world.requests(),
      byEndpoint: countByEndpoint(world, since),
      said
    }
  } finally {
    await rm(cwd, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }
}

/** For each size: the action `runs` times, then go once, on one world of three proxies. */
export async function gosumRuns(standard: ModuleVersion[], o: GosumOptions): Promise<GosumPoint[]> {
  const largest = Math.max(...o.sizes)
  o.progress(`go.sum series: making ${largest} module versions`)
  const all = await buildModules(largest)
  const points: GosumPoint[] = []
  for (const size of o.sizes) {
    const deps = all.slice(0, size)
    const world = await startHealthyWorld([...standard, ...deps], 3, o.delayMs)
    const dir = await mkdtemp(join(tmpdir(), 'vgp-bench-gosum-'))
    try {
      await writeWorkspace(dir, deps)
      const first = world.candidates[0].url
      const roundTripMs = await roundTrip(`${first}/${deps[0].path}/@v/${deps[0].version}.mod`)
      const action: GosumRun[] = []
      for (let i = 1; i <= o.runs; i++) {
        o.progress(`go.sum of ${size} module versions: the action, run ${i}/${o.runs}`)
        action.push(await actionRun(world, dir, o.node))
      }
      let go: GosumRun | undefined
      if (o.withGo) {
        o.progress(`go.sum of ${size} module versions: go mod download`)
        go = await goRun(world, deps, o.goBudgetMs)
      }
      points.push({
        modules: size,
        delayMs: o.delayMs,
        roundTripMs,
        concurrency: GOSUM_CONCURRENCY,
        action,
        go
      })
    } finally {
      await Promise.all([world.close(), rm(dir, { recursive: true, force: true })])
    }
  }
  return points
}
