/**
 * Checkers B and C: one command per candidate, one candidate after another, as a user or a CI
 * script checks a list of proxies. B is the real go command; C is the common curl + jq recipe.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { baseEnv } from '../__tests__/world/go.js'
import type { BenchWorld } from './world.js'
import { measuredRun, type MeasuredRun } from './spawn.js'

/** The module B's `go list` and C's curl ask @latest of: several versions, so `stale` shows. */
export const LATEST_MODULE = 'example.com/hello'
/** The module version B's `go mod download` fetches: zip and go.mod, checked against the database. */
export const PINNED_MODULE = 'rsc.io/quote@v1.5.2'

/**
 * The recipe as it is found in CI scripts, bugs included: real proxies answer `"Version"` (capital
 * V), so `.version` is null and jq -e fails on a healthy proxy; and jq 1.6 -e exits 0 on empty
 * input, so a curl that failed (-f) counts as healthy. The pipeline's status is jq's.
 */
export const CURL_RECIPE =
  'curl -sf --max-time 10 --retry 3 --retry-delay 2 "$1/$2/@latest" | jq -e .version'

export interface SequentialChecker {
  id: string
  title: string
  /** How long one candidate may take before it is killed and counted as this long. */
  budgetMs: number
  /** Prepares the candidate's scratch folder (its HOME) before the command runs. */
  setUp?(cwd: string): Promise<void>
  invocation(
    url: string,
    world: BenchWorld,
    cwd: string
  ): { command: string; args: string[]; env: NodeJS.ProcessEnv }
}

/**
 * Go telemetry off in the scratch HOME: in its default (local) mode the go command starts a
 * detached helper that writes counters after a killed go is gone, past the measurement.
 */
async function telemetryOff(home: string): Promise<void> {
  const dir = join(home, '.config', 'go', 'telemetry')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'mode'), 'off\n')
}

function goChecker(id: string, title: string, args: string[], budgetMs: number): SequentialChecker {
  return {
    id,
    title,
    budgetMs,
    setUp: telemetryOff,
    invocation: (url, world, cwd) => ({
      command: 'go',
      args,
      // Each candidate alone, an empty module cache, the world's database at its own URL.
      env: { ...baseEnv(cwd), GOPROXY: url, GOSUMDB: world.gosumdbDirect }
    })
  }
}

export function goListChecker(budgetMs: number, id: string): SequentialChecker {
  return goChecker(
    id,
    `go list -m -json ${LATEST_MODULE}@latest`,
    ['list', '-m', '-json', `${LATEST_MODULE}@latest`],
    budgetMs
  )
}

export function goDownloadChecker(budgetMs: number, id: string): SequentialChecker {
  return goChecker(
    id,
    `go mod download -json ${PINNED_MODULE}`,
    ['mod', 'download', '-json', PINNED_MODULE],
    budgetMs
  )
}

export function curlChecker(budgetMs: number, id: string): SequentialChecker {
  return {
    id,
    title: `curl + jq -e .version on @latest`,
    budgetMs,
    invocation: (url, _world, cwd) => ({
      command: 'bash',
      args: ['-c', CURL_RECIPE, 'recipe', url, LATEST_MODULE],
      env: { PATH: process.env.PATH ?? '', HOME: cwd }
    })
  }
}

export interface CandidateRun {
  name: string
  /** The checker's verdict: exit 0 within the budget. */
  usable: boolean
  /** Wall time counted for the candidate: the budget when it was killed. */
  ms: number
  killed: boolean
  code: number | null
  maxRssKiB?: number
  /** Last line of the command's error output, to say why it failed. */
  said: string
}

/** Runs one checker on one candidate in a scratch folder of its own. */
export async function checkOne(
  checker: SequentialChecker,
  world: BenchWorld,
  index: number
): Promise<CandidateRun> {
  const candidate = world.candidates[index]
  const cwd = await mkdtemp(join(tmpdir(), 'vgp-bench-seq-'))
  try {
    await checker.setUp?.(cwd)
    const { command, args, env } = checker.invocation(candidate.url, world, cwd)
    const run: MeasuredRun = await measuredRun(command, args, {
      cwd,
      env,
      budgetMs: checker.budgetMs
    })
    return {
      name: candidate.spec.name,
      usable: !run.killed && run.code === 0,
      ms: run.killed ? checker.budgetMs : run.wallMs,
      killed: run.killed,
      code: run.code,
      maxRssKiB: run.maxRssKiB,
      said: lastWords(run)
    }
  } finally {
    // A killed command's last writes may still land while the folder goes: retry.
    await rm(cwd, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }
}

/** Why a command failed, in its own words: its last error line, or `go mod download -json`'s Error field. */
function lastWords(run: MeasuredRun): string {
  const line = run.stderr.trim().split('\n').at(-1)?.trim()
  const fromJson = /"Error":\s*"((?:[^"\\]|\\.)*)"/.exec(run.stdout)?.[1]
  return (line || fromJson || '').slice(0, 200)
}
