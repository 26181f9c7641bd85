/**
 * Runs the bundled action exactly as the GitHub runner does: `node dist/index.js` with INPUT_*
 * variables, and GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY files to read back.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runBounded } from './spawn.js'

export const ACTION_ENTRY = resolve('dist/index.js')

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** Variables the action exported for later steps. */
  exported: Record<string, string>
  summary: string
  durationMs: number
  /** The job's temp folder: the default report and cache live below it. */
  dir: string
}

export interface RunOptions {
  env?: Record<string, string | undefined>
  /** Kill the action after this long (the test then fails on the exit code). */
  killAfterMs?: number
  dir?: string
  entry?: string
  /** The node binary (default: the one running this process). */
  node?: string
}

export async function runAction(
  inputs: Record<string, string>,
  options: RunOptions = {}
): Promise<ActionRun> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'vgp-run-')))
  const files = {
    output: join(dir, 'output'),
    env: join(dir, 'env'),
    summary: join(dir, 'summary')
  }
  await Promise.all(Object.values(files).map(f => writeFile(f, '')))
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: dir,
    RUNNER_TEMP: dir,
    RUNNER_TOOL_CACHE: join(dir, 'toolcache'),
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
    // Never the internet: a test that forgets to name its proxies or database gets "off".
    GOPROXY: 'off',
    GOSUMDB: 'off',
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = performance.now()
  // The runner starts a step in the workspace; @actions/cache resolves cache paths from there.
  const { code, stdout, stderr } = await runBounded(
    options.node ?? process.execPath,
    [options.entry ?? ACTION_ENTRY],
    {
      env,
      cwd: env.GITHUB_WORKSPACE ?? dir,
      killAfterMs: options.killAfterMs ?? 60_000
    }
  )
  return {
    code,
    stdout,
    stderr,
    outputs: parseCommandFile(await readFile(files.output, 'utf8')),
    exported: parseCommandFile(await readFile(files.env, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    durationMs: performance.now() - started,
    dir
  }
}

/** Reads `name<<DELIMITER\nvalue\nDELIMITER` blocks, the format @actions/core writes. */
/** The JSON report the run wrote (the path is the `report` output), as the caller types it. */
export async function readReport<T>(run: ActionRun): Promise<T> {
  if (!run.outputs.report) {
    throw new Error(`the run set no report output:\n${run.stdout}\n${run.stderr}`)
  }
  return JSON.parse(await readFile(run.outputs.report, 'utf8')) as T
}

export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    values[name] = value.join('\n')
  }
  return values
}
