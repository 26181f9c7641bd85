/**
 * `npm run bench`: the bundled action (A) against the real go command (B) and a common curl
 * recipe (C) on a list mixing every fault of the test world, then A alone: one candidate, a warm
 * cache, the costly faults, and 1 to 1000 candidates. Everything on 127.0.0.1.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { goAvailable } from '../__tests__/world/go.js'
import { standardModules, type ModuleVersion } from '../__tests__/world/modules.js'
import { useAction, waitForBundle } from './action.js'
import { parseArgs, USAGE, UsageError, type BenchOptions, type Scenario } from './args.js'
import { checkUnknownHost } from './dns-check.js'
import { describeMachine } from './machine.js'
import { renderResults, type BenchResults } from './report.js'
import { scaleRuns, singleCandidateRuns, warmCacheRuns, SCALE_INPUTS } from './scenarios.js'
import {
  curlChecker,
  goDownloadChecker,
  goListChecker,
  type SequentialChecker
} from './sequential.js'
import {
  criticalPath,
  summarizeScale,
  summarizeSingle,
  summarizeSweep,
  summarizeWarm,
  type ScaleSummary
} from './summary.js'
import { actionSweepRun, sequentialSweepRuns, type SweepResult, type SweepRun } from './sweeps.js'
import { evaluateTargets } from './targets.js'
import { gosumRuns } from './gosum.js'
import { startupRuns } from './startup.js'
import { summarizeGosum, summarizeStartup } from './whole-summary.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TIMEOUT_MS = 3000
/** The go command has no timeout of its own: a run is stopped here and counted as this long. */
const GO_ALONE_CAP_MS = 60_000
/** `go mod download` of the largest go.sum takes minutes; past this it is stopped and counted so. */
const GOSUM_GO_BUDGET_MS = 600_000
const started = performance.now()

function progress(message: string): void {
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`
  )
}

async function repeatSweep(
  runs: number,
  label: string,
  fn: () => Promise<SweepRun>
): Promise<SweepRun[]> {
  const out: SweepRun[] = []
  for (let i = 1; i <= runs; i++) {
    progress(`${label}, run ${i}/${runs}`)
    out.push(await fn())
  }
  return out
}

function sequentialCheckers(o: BenchOptions): SequentialChecker[] {
  const limited = [
    goListChecker(TIMEOUT_MS, 'B-list-3s'),
    goDownloadChecker(TIMEOUT_MS, 'B-download-3s')
  ]
  if (o.quick) return limited
  const alone = [
    goListChecker(GO_ALONE_CAP_MS, 'B-list'),
    goDownloadChecker(GO_ALONE_CAP_MS, 'B-download')
  ]
  return [...alone, ...limited, curlChecker(GO_ALONE_CAP_MS, 'C')]
}

async function sequentialSweeps(o: BenchOptions, modules: ModuleVersion[]): Promise<SweepResult[]> {
  const checkers = sequentialCheckers(o).filter(c => c.id === 'C' || goAvailable())
  if (checkers.length === 0) return []
  const runs: SweepRun[][] = checkers.map(() => [])
  for (let i = 1; i <= o.slowRuns; i++) {
    progress(
      `${checkers.map(c => c.id).join(', ')}: one candidate after another, run ${i}/${o.slowRuns}`
    )
    const round = await sequentialSweepRuns(checkers, modules)
    round.forEach((run, k) => runs[k].push(run))
  }
  return checkers.map((c, k) => ({ id: c.id, title: c.title, budgetMs: c.budgetMs, runs: runs[k] }))
}

/** A's mixed-fault sweeps and the unknown-host check (`sweeps`), B and C come last. */
async function mixedSweep(o: BenchOptions, modules: ModuleVersion[]) {
  progress('unknown host: resolving it under strace')
  const dns = await checkUnknownHost()
  const a: SweepResult = {
    id: 'A',
    title: 'validate-goproxy (dist/index.js, all candidates in one run)',
    runs: await repeatSweep(o.runs, 'A: the mixed-fault list', () => actionSweepRun(modules))
  }
  return { dns, a }
}

/** A alone (`alone`): one candidate, the costly faults, the warm cache. */
async function aloneRuns(o: BenchOptions, modules: ModuleVersion[]) {
  progress('A alone: one candidate, endless body, never answers')
  const single = await singleCandidateRuns(modules, o.runs)
  progress('A alone: warm cache')
  const warm = {
    healthy: await warmCacheRuns(modules, o.runs, 'healthy'),
    all: await warmCacheRuns(modules, o.runs, 'all')
  }
  return {
    single: summarizeSingle(single),
    warm: { healthy: summarizeWarm(warm.healthy), all: summarizeWarm(warm.all) }
  }
}

async function scaleSeries(o: BenchOptions, modules: ModuleVersion[]): Promise<ScaleSummary[]> {
  const concurrency = Number(SCALE_INPUTS.concurrency)
  const scale = []
  for (const delayMs of [0, o.delayMs]) {
    progress(`A scale ${o.sizes.join(', ')} candidates, ${delayMs} ms away`)
    scale.push(
      summarizeScale(await scaleRuns(modules, o.sizes, delayMs, o.runs), delayMs, concurrency)
    )
  }
  return scale
}

async function startupSeries(o: BenchOptions, modules: ModuleVersion[], version: string) {
  progress(`startup: ${o.startupRuns} interleaved rounds against node -e 0`)
  return summarizeStartup(await startupRuns(modules, o.startupRuns, o.node), version)
}

async function gosumSeries(o: BenchOptions, modules: ModuleVersion[]) {
  const points = await gosumRuns(modules, {
    sizes: o.gosumSizes,
    delayMs: o.delayMs,
    runs: o.gosumRuns,
    withGo: goAvailable(),
    goBudgetMs: GOSUM_GO_BUDGET_MS,
    progress
  })
  return summarizeGosum(points)
}

async function measureAll(o: BenchOptions): Promise<BenchResults> {
  useAction(o)
  await waitForBundle()
  const machine = await describeMachine(o.node)
  const modules = await standardModules()
  const runs = (s: Scenario): boolean => o.only.includes(s)
  // Start-up first, while nothing else of the benchmark runs.
  const startup = runs('startup') ? await startupSeries(o, modules, machine.actionNode) : undefined
  const mixed = runs('sweeps') ? await mixedSweep(o, modules) : undefined
  const alone = runs('alone') ? await aloneRuns(o, modules) : undefined
  const scale = runs('scale') ? await scaleSeries(o, modules) : []
  const gosum = runs('gosum') ? await gosumSeries(o, modules) : undefined
  const sweeps = mixed ? [mixed.a, ...(await sequentialSweeps(o, modules))] : []
  const summaries = {
    timeoutMs: TIMEOUT_MS,
    sweeps: sweeps.map(summarizeSweep),
    ...alone,
    scale,
    dns: mixed?.dns,
    startup,
    gosum
  }
  return {
    machine,
    options: o,
    critical: mixed && criticalPath(mixed.a),
    ...summaries,
    targets: evaluateTargets(summaries),
    elapsedMs: performance.now() - started,
    loadAverageAtEnd: loadavg().map(l => Math.round(l * 100) / 100)
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const options = parseArgs(argv)
  const results = await measureAll(options)
  const out = resolve(ROOT, options.out)
  // Formatted as the repository formats Markdown, so the written file passes `npm run lint`.
  const config = (await prettier.resolveConfig(out)) ?? {}
  const markdown = await prettier.format(renderResults(results), { ...config, parser: 'markdown' })
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, markdown)
  progress(`results written to ${out}`)
  process.stdout.write(options.json ? `${JSON.stringify(results, null, 2)}\n` : markdown)
  return results.targets.some(t => t.status === 'FAIL') ? 1 : 0
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (err) {
  process.stderr.write(
    `${err instanceof UsageError ? `${err.message}\n\n${USAGE}` : String((err as Error).stack ?? err)}\n`
  )
  process.exitCode = 2
}
