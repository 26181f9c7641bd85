/**
 * What must hold after a soak of concurrent runs sharing one verdict cache while the world flips
 * candidates between healthy and failing. Each check returns the violations it found, worded for
 * a failure message, so a test asserts an empty list and shows every broken promise at once.
 *
 * Runs are told apart at the server by their netrc credentials (one login per run), and the
 * server records the fault that answered each request. That makes the invariant exact:
 *
 * 1. A fresh usable verdict (probed this run, healthy or degraded) means the run sent that
 *    candidate at least one request and every one of them was answered while the candidate was
 *    healthy: a run never vouches for a candidate on the strength of a failing answer.
 * 2. A cached verdict means the run sent that candidate no request at all. If it is usable, it is
 *    younger than the TTL, and some other run probed the candidate fresh, found it usable (so
 *    (1) holds for it) and was alive at the moment the entry was stored: the cache only carries
 *    verdicts a healthy candidate earned.
 * 3. Every proxy in a run's exported GOPROXY has a usable verdict in that run's report (so it is
 *    covered by (1) or (2)).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isCacheEntry } from '../../src/cache/entry.js'
import type { Report, ReportedCandidate } from '../hostile/measure.js'
import type { SeenRequest } from '../world/proxy-server.js'

export interface SoakRun {
  /** The run's netrc login, shown in messages. */
  login: string
  /** The Authorization header its credentials make. */
  authorization: string
  /** Date.now() just before the process was spawned and just after it exited. */
  spawnAt: number
  exitAt: number
  report: Report
  /** The exported GOPROXY, if any. */
  goproxy?: string
}

const USABLE = new Set(['healthy', 'degraded'])

/** The persona of a world URL: its last path element. */
export function personaOf(url: string): string {
  return new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? ''
}

/** Violations of (1), (2) and (3) over every run. */
export function runViolations(runs: SoakRun[], seen: SeenRequest[], ttlMs: number): string[] {
  const found: string[] = []
  for (const run of runs) {
    for (const candidate of run.report.candidates) {
      const name = personaOf(candidate.url)
      const sent = seen.filter(s => s.persona === name && s.authorization === run.authorization)
      const where = `${run.login} → ${name} (${candidate.verdict}${candidate.cached ? ', cached' : ''})`
      found.push(...verdictViolations(where, candidate, sent, runs, ttlMs))
    }
    found.push(...exportViolations(run))
  }
  return found
}

function verdictViolations(
  where: string,
  candidate: ReportedCandidate,
  sent: SeenRequest[],
  runs: SoakRun[],
  ttlMs: number
): string[] {
  const usable = USABLE.has(candidate.verdict)
  if (candidate.cached) {
    const problems =
      sent.length > 0 ? [`${where}: verdict from cache, yet ${sent.length} requests sent`] : []
    if (!usable) return problems
    if (candidate.cached.ageMs >= ttlMs)
      problems.push(`${where}: cached verdict ${candidate.cached.ageMs} ms old`)
    const storedAt = Date.parse(candidate.cached.storedAt)
    if (!runs.some(w => earnedUsable(w, candidate.url, storedAt))) {
      problems.push(`${where}: no run that probed it usable was alive when the entry was stored`)
    }
    return problems
  }
  if (!usable) return []
  if (sent.length === 0) return [`${where}: fresh verdict without a request`]
  const failing = sent.filter(s => s.fault !== 'healthy' && !unreadByPinnedBuilds(s, candidate))
  return failing.map(s => `${where}: ${s.path} was answered by fault ${s.fault}`)
}

/**
 * A request a build that pins the probe module never makes: its list, and what Go asks to
 * resolve `go get M@latest` (@latest, the files of the version it names). Answered by a fault,
 * they leave the candidate degraded: pinned builds work through it, `go get M@latest` does not.
 * A list a captive portal answered (a 200) names no version, to the go command as to the probe:
 * the @latest lookup that follows it decides.
 */
function unreadByPinnedBuilds(s: SeenRequest, candidate: ReportedCandidate): boolean {
  if (s.path.endsWith('/@v/list') && s.fault === 'captive-portal') return true
  const pinned = candidate.probes.find(p => p.endpoint === 'list')?.module
  if (!pinned) return false
  const at = pinned.lastIndexOf('@')
  const pinnedFiles = `/${pinned.slice(0, at)}/@v/${pinned.slice(at + 1)}.`
  return candidate.verdict === 'degraded' && !s.path.startsWith(pinnedFiles)
}

/** Whether `run` probed `url` fresh, found it usable, and was alive at `storedAt`. */
function earnedUsable(run: SoakRun, url: string, storedAt: number): boolean {
  const own = run.report.candidates.find(c => c.url === url)
  return (
    own !== undefined &&
    own.cached === null &&
    USABLE.has(own.verdict) &&
    run.spawnAt <= storedAt &&
    storedAt <= run.exitAt
  )
}

function exportViolations(run: SoakRun): string[] {
  const exported = (run.goproxy ?? '').split(/[,|]/).filter(e => e && e !== 'direct' && e !== 'off')
  return exported
    .filter(url => !run.report.candidates.some(c => c.url === url && USABLE.has(c.verdict)))
    .map(url => `${run.login}: exported ${url} without a usable verdict for it`)
}

const ENTRY_FILE = /^([0-9a-f]{64})\.json$/
const VERDICTS = new Set(['healthy', 'degraded', 'unhealthy', 'tampered', 'skipped'])

/** A cached verdict as verdict-cache.ts writes it. */
function isVerdictPayload(p: unknown): p is { report: { verdict: string } } {
  const report = (p as { report?: Record<string, unknown> } | null)?.report
  return (
    typeof report === 'object' &&
    report !== null &&
    VERDICTS.has(String(report.verdict)) &&
    typeof report.reason === 'string' &&
    Array.isArray(report.probes) &&
    typeof report.latest === 'object'
  )
}

/**
 * Every file in the cache directory is an entry (no temporary file left behind), parses, and is
 * a verdict entry for the key its name says. Returns the violations and the number of entries.
 */
export async function cacheViolations(
  dir: string
): Promise<{ problems: string[]; entries: number }> {
  const problems: string[] = []
  const names = await readdir(dir)
  for (const name of names) {
    const key = ENTRY_FILE.exec(name)?.[1]
    if (!key) {
      problems.push(`${name}: not a cache entry file`)
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(await readFile(join(dir, name), 'utf8'))
    } catch (err) {
      problems.push(`${name}: not JSON (${(err as Error).message})`)
      continue
    }
    if (!isCacheEntry(value, key, isVerdictPayload))
      problems.push(`${name}: not a verdict entry for its key`)
  }
  return { problems, entries: names.length }
}
