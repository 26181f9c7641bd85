import { discoverGoSums } from './build/discover.js'
import { readBuild } from './build/read.js'
import { toolchainsToFetch } from './build/toolchain-choice.js'
import type { SumdbOutcome } from './checksum/gosumdb-outcome.js'
import { recallSumdbOnce, verdictRecall } from './cache/run-recall.js'
import { chooseChain, type Build } from './choose-chain.js'
import { checkIntegrity, type IntegrityCheck } from './checksum/integrity.js'
import { lookupsAhead } from './checksum/lookups-ahead.js'
import { recordLookup } from './checksum/record-lookup.js'
import { RouteSessions } from './checksum/route-checker.js'
import type { ModuleVersion } from './checksum/route-proof.js'
import type { Candidate, Plan } from './config/plan.js'
import { compare } from './xmod/semver.js'
import { withFileUrls } from './http/file.js'
import type { EntryStore } from './cache/local-store.js'
import type { Clock } from './clock.js'
import type { HttpGet } from './http/types.js'
import type { Logger } from './logger.js'
import { probeAll, type ProbeRun, type SkippedModule } from './probe/engine.js'
import { createLimiter } from './resilience/limiter.js'
import { settleVerdict } from './probe/findings.js'
import type { CandidateReport } from './probe/types.js'
import { verdictCache, verdictScope } from './cache/verdicts.js'
import { staleFindings } from './probe/verdict.js'
import { selectChain, type Selection } from './select/chain.js'
import { exportedOf, type Exported } from './select/exported.js'
import { createAsker } from './walk/ask.js'
import type { Answer } from './walk/types.js'
import type { Answered, BuildResult } from './walk/result.js'
import { walkBuild } from './walk/walk.js'
import { ZipSpool } from './walk/spool.js'
import { tmpdir } from 'node:os'

/** Everything one validation found: plain values, shared by the action and the CLI. */
export interface RunResult {
  plan: Plan
  reports: CandidateReport[]
  skippedModules: SkippedModule[]
  selection: Selection
  /** What is exported and how it is shown, worked out once for every face. */
  exported: Exported
  integrity: IntegrityCheck
  sumdb: SumdbOutcome
  /** The build's module versions and toolchain along the exported chain. */
  build: BuildResult
  startedAt: number
  durationMs: number
}

/** The effects a face hands a run: network, clock, log, and the verdict cache's store. */
export interface RunEffects {
  http: HttpGet
  clock: Clock
  log: Logger
  /** Verdict cache; absent when `cache: false`. */
  store?: EntryStore
  /**
   * Which credentials requests to a URL carry, never their values (GOAUTH's describe); undefined
   * when that is unknown before the first request, and no verdict for the URL is cached.
   */
  credentialsOf?: (url: string) => string | undefined
  /**
   * Told each candidate's report as soon as its own probes end, before the checksum database and
   * the build have had their say (its verdict may still get worse, never better).
   */
  onProbed?: (report: CandidateReport) => void
  /** Where zips downloaded whole wait to be hashed (the runner's RUNNER_TEMP); else the system's. */
  tempDir?: string
}

/**
 * One run: find and read the build (go.sum, go.mod), probe every candidate, prove their content
 * against the checksum database, choose the GOPROXY chain that serves the whole build and the
 * GOSUMDB route Go will take with it, then remember the verdicts.
 */
export async function validate(plan: Plan, effects: RunEffects): Promise<RunResult> {
  const spool = new ZipSpool(effects.tempDir || tmpdir())
  try {
    return await validateWith(plan, effects, spool)
  } finally {
    await spool.remove()
  }
}

async function validateWith(plan: Plan, effects: RunEffects, spool: ZipSpool): Promise<RunResult> {
  const startedAt = effects.clock.now()
  const build = await readTheBuild(plan)
  const verdicts =
    effects.store &&
    verdictCache(effects.store, plan, {
      scope: verdictScope(plan, build),
      clock: effects.clock,
      credentialsOf: effects.credentialsOf
    })
  const recalledSumdb = recallSumdbOnce(plan, effects)
  const http = countedRequests(withFileUrls(effects.http))
  const run: ProbeRun = {
    ...effects,
    http: http.get,
    limit: createLimiter(plan.concurrency),
    recall: verdicts && (await verdictRecall(verdicts, plan, recalledSumdb))
  }
  const toolchains = build.toolchains.flatMap(t => (t.module ? [t.module] : []))
  const { probed, sessions } = await probeAndLookUp(plan, run, toolchains)
  const { reports } = probed
  // Started now, judged below: the build's files with no go.sum line wait for its route.
  const checked = checkIntegrity(plan, reports, run, toolchains, sessions)
  const recalledGosumdb = async () => (await recalledSumdb())?.gosumdb
  const chain = () => selectChain(reports, plan.strategy, plan.onFailure).chain
  const lookUpRecord = recordLookup(plan, checked, { sessions, reports, chain, recalledGosumdb })
  const known = (c: Candidate) => cachedAnswers(reports, c.id)
  const asker = createAsker(plan, run, { known, lookUpRecord, spool })
  const answered = (): Answered[] =>
    reports.map(r => ({
      candidate: r.candidate,
      answers: { ...r.buildAnswers, ...asker.answersOf(r.candidate) }
    }))
  const { store, clock, credentialsOf } = effects
  const memory = store && { store, clock, credentialsOf }
  const choice = { plan, reports, build, ask: asker.ask, answered, recalledSumdb, memory }
  // The build is asked of the chain the probes point to while the database is consulted; those
  // answers are only remembered here, and judged once every candidate's verdict is settled.
  const [integrity] = await Promise.all([checked, walkBuild(plan, build, chain(), asker.ask)])
  reports.forEach(settleVerdict)
  const fresh = reports.filter(r => !r.cached)
  staleFindings(fresh, compare)
  fresh.forEach(settleVerdict)
  const chosen = await chooseChain(choice, integrity)
  for (const report of fresh) report.buildAnswers = ownAnswers(asker.answersOf(report.candidate))
  // Verdicts are kept once, now that every stage has had its say.
  await verdicts?.keep(probed.fresh, probed.modules)
  const { selection, sumdb } = chosen
  return {
    plan,
    reports,
    skippedModules: probed.skippedModules,
    ...chosen,
    exported: exportedOf(selection, reports, plan.failOn, {
      sumdbMirrorUsed: sumdb.mirrorUsed,
      requested: http.requested()
    }),
    integrity,
    startedAt,
    durationMs: effects.clock.now() - startedAt
  }
}

/** Requests counted, so that a warm run that still asks anything is no cache hit. */
function countedRequests(http: HttpGet): { get: HttpGet; requested(): boolean } {
  let requests = 0
  return {
    get: request => {
      requests++
      return http(request)
    },
    requested: () => requests > 0
  }
}

/**
 * Probes every candidate. The database lookups for what each served start as its probes end (see
 * lookupsAhead); their answers wait in `sessions` for checkIntegrity.
 */
async function probeAndLookUp(plan: Plan, run: ProbeRun, toolchains: ModuleVersion[]) {
  const sessions =
    plan.gosumdb.kind === 'db' ? new RouteSessions(plan, plan.gosumdb, run) : undefined
  const lookUpServed = lookupsAhead(plan, sessions, toolchains)
  const onProbed = (report: CandidateReport): void => {
    lookUpServed(report)
    run.onProbed?.(report)
  }
  return { probed: await probeAll(plan, { ...run, onProbed }), sessions }
}

/** The go.sum and go.mod files of the working directory (or those `go-sum` lists), read whole. */
async function readTheBuild(plan: Plan): Promise<Build> {
  const { goSum, workingDirectory, gowork, goflags, platform, toolchain } = plan.build
  const env = { GOWORK: gowork, GOFLAGS: goflags }
  const found = await discoverGoSums({ goSum, workingDirectory, env })
  const build = await readBuild(found, platform)
  return { ...build, toolchains: toolchainsToFetch(build, toolchain, platform), found }
}

/**
 * What a candidate's cached report keeps: its own answers, not the database's (`unverified`), nor
 * what a go.mod query resolved to, which moves as versions are published.
 */
function ownAnswers(answers: Record<string, Answer>): Record<string, Answer> {
  return Object.fromEntries(
    Object.entries(answers).filter(([key, a]) => a.kind !== 'unverified' && !key.endsWith(' query'))
  )
}

function cachedAnswers(reports: CandidateReport[], id: string) {
  return reports.find(r => r.candidate.id === id && r.cached)?.buildAnswers
}
