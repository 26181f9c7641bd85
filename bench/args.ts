import { resolve } from 'node:path'

/** The scenarios `--only` can pick; every one runs by default. */
export const SCENARIOS = ['startup', 'sweeps', 'alone', 'scale', 'gosum'] as const
export type Scenario = (typeof SCENARIOS)[number]

/** The command line of `npm run bench`. */
export interface BenchOptions {
  /** Runs of each fast scenario (A's); the median is reported. */
  runs: number
  /** Runs of the slow sequential sweeps (B, C). */
  slowRuns: number
  quick: boolean
  json: boolean
  sizes: number[]
  /** How far away (ms per answer) the second scale series' proxies are. */
  delayMs: number
  /** Where the Markdown results go. */
  out: string
  /** The node binary that runs the action (default: the one running the benchmark). */
  node: string
  /** The bundle to run instead of dist/index.js (e.g. an earlier build, to compare). */
  bundle?: string
  only: Scenario[]
  /** Interleaved rounds of the startup series. */
  startupRuns: number
  /** Module versions in each go.sum of the build series. */
  gosumSizes: number[]
  /** Runs of the action on each go.sum (go mod download runs once). */
  gosumRuns: number
}

export const USAGE = `npm run bench -- [options]
  --runs N         runs of each scenario of the action (default 5; the median is reported)
  --slow-runs N    runs of the one-after-another sweeps of go and curl (default 1)
  --sizes LIST     candidate counts of the scale series (default 1,10,100,1000)
  --delay MS       answer delay of the second scale series' proxies (default 20)
  --quick          smoke run: 1 run each, sizes 1,10,100, go only with the 3 s budget, no curl,
                   results to bench/out/RESULTS.quick.md
  --out PATH       where to write the Markdown results (default bench/RESULTS.md)
  --json           print the results as JSON on stdout (progress stays on stderr)
  --node PATH      the node binary that runs the action and \`node -e 0\` (default: this one)
  --bundle PATH    run this bundle instead of dist/index.js (an earlier build, to compare)
  --only LIST      scenarios to run, of ${SCENARIOS.join(',')} (default: all)
  --startup-runs N interleaved rounds of the startup series (default 15)
  --gosum-sizes LIST  module versions of each go.sum of the build series (default 1000,5000)
  --gosum-runs N   runs of the action on each go.sum (default 2; go mod download runs once)`

export class UsageError extends Error {
  override name = 'UsageError'
}

function count(flag: string, text: string | undefined, max: number): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(
      `${flag} wants a whole number from 1 to ${max}, got ${JSON.stringify(text ?? '')}`
    )
  }
  return value
}

function scenarios(text: string | undefined): Scenario[] {
  const names = (text ?? '').split(',').filter(Boolean)
  const unknown = names.find(n => !(SCENARIOS as readonly string[]).includes(n))
  if (names.length === 0 || unknown !== undefined) {
    throw new UsageError(
      `--only wants scenarios of ${SCENARIOS.join(', ')}, got ${JSON.stringify(text ?? '')}`
    )
  }
  return names as Scenario[]
}

export function parseArgs(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick')
  const options: BenchOptions = {
    runs: quick ? 1 : 5,
    slowRuns: 1,
    quick,
    json: false,
    sizes: quick ? [1, 10, 100] : [1, 10, 100, 1000],
    delayMs: 20,
    out: quick ? 'bench/out/RESULTS.quick.md' : 'bench/RESULTS.md',
    node: process.execPath,
    only: [...SCENARIOS],
    startupRuns: quick ? 5 : 15,
    gosumSizes: quick ? [200] : [1000, 5000],
    gosumRuns: quick ? 1 : 2
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const next = (): string | undefined => argv[++i]
    if (flag === '--quick') continue
    else if (flag === '--json') options.json = true
    else if (flag === '--runs') options.runs = count(flag, next(), 100)
    else if (flag === '--slow-runs') options.slowRuns = count(flag, next(), 10)
    else if (flag === '--delay') options.delayMs = count(flag, next(), 1000)
    else if (flag === '--out') options.out = next() ?? ''
    else if (flag === '--sizes')
      options.sizes = (next() ?? '').split(',').map(n => count(flag, n, 5000))
    else if (flag === '--node') options.node = next() ?? ''
    else if (flag === '--bundle') options.bundle = resolve(next() ?? '')
    else if (flag === '--only') options.only = scenarios(next())
    else if (flag === '--startup-runs') options.startupRuns = count(flag, next(), 200)
    else if (flag === '--gosum-sizes')
      options.gosumSizes = (next() ?? '').split(',').map(n => count(flag, n, 20_000))
    else if (flag === '--gosum-runs') options.gosumRuns = count(flag, next(), 20)
    else throw new UsageError(`unknown option ${JSON.stringify(flag)}`)
  }
  if (!options.out) throw new UsageError('--out wants a path')
  if (!options.node) throw new UsageError('--node wants the path of a node binary')
  if (!options.sizes.includes(1))
    throw new UsageError('--sizes must include 1: the one-candidate time is the model’s unit')
  options.sizes.sort((a, b) => a - b)
  return options
}
