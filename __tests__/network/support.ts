/**
 * Shared set-up of the network tests: the TLS world, the bundled action run as the runner runs
 * it with short limits, and reading its JSON report back.
 */
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type Persona, type ProxyWorld } from '../world/proxy-server.js'
import { readReport, runAction, type ActionRun, type RunOptions } from '../world/runner.js'
import { serverIdentity, type ServerCert } from '../world/tls.js'

/** The fake corporate host name; it resolves only through the forward proxy. */
export const CORP_HOST = 'goproxy.corp.test'

/** Every child process is killed after this long; the run itself must end far sooner. */
export const KILL_AFTER_MS = 30_000

/** An HTTPS world presenting the chosen fixture certificate. */
export async function startTlsWorld(
  personas: Persona[],
  cert: ServerCert = 'server'
): Promise<ProxyWorld> {
  return startProxyWorld(await standardModules(), personas, { tls: serverIdentity(cert) })
}

/** A plain-http world. */
export async function startHttpWorld(personas: Persona[]): Promise<ProxyWorld> {
  return startProxyWorld(await standardModules(), personas)
}

/**
 * Runs the bundled action with quick defaults (one pinned module, no checksum database, 10 s
 * timeout, no retries, no cache) under `inputs`, in an environment holding only `env` beside the runner's variables.
 */
export function probe(
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
  options: RunOptions = {}
): Promise<ActionRun> {
  return runAction(
    {
      'probe-modules': 'example.com/hello@v1.0.0',
      // No checksum database here: with one, the run would also ask sum.golang.org direct.
      gosumdb: 'off',
      // Nothing here hangs unless a test says so: generous, so TLS through a forward proxy on a
      // busy machine stays far from the slow threshold (half of it).
      timeout: '10',
      retries: '0',
      cache: 'false',
      ...inputs
    },
    { killAfterMs: KILL_AFTER_MS, ...options, env: { ...options.env, ...env } }
  )
}

export interface ReportedCandidate {
  id: string
  url: string
  verdict: string
  reason: string
  probes: { url: string; ok: boolean; problem: string | null; attempts: number }[]
}

export interface Report {
  outcome: string
  candidates: ReportedCandidate[]
}

/** The JSON report the run wrote (the path is the `report` output). */
export function reportOf(run: ActionRun): Promise<Report> {
  return readReport<Report>(run)
}

/** The one candidate's verdict and reason, for compact assertions. */
export async function onlyVerdict(run: ActionRun): Promise<{ verdict: string; reason: string }> {
  const { candidates } = await reportOf(run)
  if (candidates.length !== 1) throw new Error(`expected one candidate, got ${candidates.length}`)
  return { verdict: candidates[0].verdict, reason: candidates[0].reason }
}

/** The run's log, for a failure message that shows what happened. */
export function transcript(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`
}
