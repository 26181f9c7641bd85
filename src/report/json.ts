import type { ProbeRecord } from '../http/record.js'
import { VERSION } from '../constants.js'
import { maskCredentials } from '../credentials/mask.js'
import type { CandidateReport } from '../probe/types.js'
import type { RunResult } from '../validate.js'
import { buildJson } from './build.js'

/** Bumped on any change a consumer of the report would notice; see report.schema.json. */
export const REPORT_SCHEMA = 'validate-goproxy/report@1'

/** Where the run happened, for a report shipped to a log store. */
export interface RunContext {
  runId?: string
  runAttempt?: string
  job?: string
  workflow?: string
  repository?: string
  runnerOs?: string
  profile?: string
  /** Matrix values when the workflow passes them (e.g. `matrix: ${{ toJSON(matrix) }}` in env). */
  matrix?: unknown
}

/** The JSON report: every URL redacted, nothing that could carry a credential. */
export function jsonReport(result: RunResult, context: RunContext): object {
  const { selection, exported } = result
  return {
    schema: REPORT_SCHEMA,
    version: VERSION,
    timestamp: new Date(result.startedAt).toISOString(),
    durationMs: result.durationMs,
    context,
    outcome: selection.outcome,
    healthy: exported.healthy,
    fallbackUsed: exported.fallbackUsed,
    selected: exported.selected ?? null,
    exported: {
      GOPROXY: exported.shown ?? null,
      GOSUMDB: maskCredentials(result.sumdb.gosumdb),
      GOPRIVATE: result.plan.patterns.goprivate,
      GONOPROXY: result.plan.patterns.gonoproxy,
      GONOSUMDB: result.plan.patterns.gonosumdb
    },
    checks: result.plan.checks,
    modules: result.plan.modules.map(m => m.text),
    skippedModules: result.skippedModules,
    build: buildJson(result),
    sumdb: sumdbJson(result),
    candidates: result.reports.map(candidateJson)
  }
}

function probeJson(p: ProbeRecord): object {
  return {
    endpoint: p.endpoint,
    module: p.module,
    url: p.url,
    status: p.status ?? null,
    latencyMs: p.latencyMs ?? null,
    totalMs: p.totalMs,
    attempts: p.attempts,
    ok: p.ok,
    problem: p.problem ?? null,
    phases: p.phases ?? null
  }
}

function sumdbJson(result: RunResult): object {
  return {
    status: result.integrity.status,
    ok: result.sumdb.ok,
    reason: result.sumdb.reason,
    route: result.sumdb.route ?? null,
    mirrorUsed: result.sumdb.mirrorUsed,
    verified: result.integrity.records.map(r => `${r.path}@${r.version}`),
    routes: result.sumdb.routes.map(({ route, verdict }) => ({
      kind: route.kind,
      url: route.label,
      ok: verdict.ok,
      problem: verdict.problem ?? null,
      treeSize: verdict.tree?.size ?? null,
      probes: verdict.probes.map(probeJson)
    }))
  }
}

function candidateJson(r: CandidateReport): object {
  return {
    id: r.candidate.id,
    role: r.candidate.role,
    url: r.candidate.display,
    verdict: r.verdict,
    reason: r.reason,
    findings: r.findings,
    latencyMs: r.latencyMs ?? null,
    checksPassed: r.checksPassed,
    checksTotal: r.checksTotal,
    retries: r.retries,
    cached: r.cached
      ? { ageMs: r.cached.ageMs, storedAt: new Date(r.cached.storedAt).toISOString() }
      : null,
    breaker: r.breaker ?? null,
    latest: r.latest,
    sumdb: r.sumdb ?? null,
    probes: r.probes.map(probeJson)
  }
}
