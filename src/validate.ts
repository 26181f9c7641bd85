import { discoverGoSums, type DiscoveredBuild } from './build/discover.js'
import { readBuild, type Build as BuildFiles } from './build/read.js'
import { toolchainsToFetch } from './build/toolchain-choice.js'
import { decideGosumdb, mirrorStandsIn, type SumdbOutcome } from './checksum/gosumdb-outcome.js'
import { rememberSumdb } from './cache/sumdb.js'
import { recallSumdbOnce, verdictRecall } from './cache/run-recall.js'
import {
  checkIntegrity,
  dropRouteBreaker,
  failProxyRoute,
  type IntegrityCheck
} from './checksum/integrity.js'
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
import { failureSelection, selectChain, type Selection } from './select/chain.js'
import { exportedOf, type Exported } from './select/exported.js'
import { createAsker, type Ask } from './walk/ask.js'
import type { Answer } from './walk/types.js'
import { recordBreaks } from './walk/breaks.js'
import { buildResult, type Answered, type BuildResult } from './walk/result.js'
import { contradictions, toolchainSumdbOff, walkToolchains } from './walk/toolchain.js'
import { explainUnresolved, walkBuild } from './walk/walk.js'
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

/** The build as read: its module versions and toolchains, and the files they come from. */
type Build = BuildFiles & { found: DiscoveredBuild }

interface RunState {
  plan: Plan
  run: ProbeRun & Pick<RunEffects, 'store' | 'credentialsOf'>
  reports: CandidateReport[]
  build: Build
  ask: Ask
  /** Every candidate's answers for the build so far (this run's, else its cached ones). */
  answered(): Answered[]
  /** The cache's last GOSUMDB decision (read once), for a run that proves nothing fresh. */
  recalledSumdb(): Promise<SumdbOutcome | undefined>
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
  const run: RunState['run'] = {
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
  const state: RunState = { plan, run, reports, build, ask: asker.ask, answered, recalledSumdb }
  // The build is asked of the chain the probes point to while the database is consulted; those
  // answers are only remembered here, and judged once every candidate's verdict is settled.
  const [integrity] = await Promise.all([checked, walkBuild(plan, build, chain(), asker.ask)])
  reports.forEach(settleVerdict)
  const fresh = reports.filter(r => !r.cached)
  staleFindings(fresh, compare)
  fresh.forEach(settleVerdict)
  const chosen = await chooseChain(state, integrity)
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

/**
 * The chain and the database route Go will take with it. Each round walks the whole build along
 * the chosen chain; a candidate that breaks the walk (content contradicting go.sum or the
 * database, or a failure Go does not move on from) is dropped, as is a chain head whose /sumdb/
 * route fails, or an entry whose /sumdb/ error Go cannot get past in this chain and no sumdb
 * mirror bypasses (dropRouteBreaker), and the chain is chosen again. Each round drops a
 * candidate, so this ends. A database that fails outright, or a module of the build no candidate
 * serves, fails the run.
 */
async function chooseChain(
  state: RunState,
  integrity: IntegrityCheck
): Promise<{ selection: Selection; sumdb: SumdbOutcome; build: BuildResult }> {
  const { plan, reports, build, ask } = state
  for (;;) {
    const selection = selectChain(reports, plan.strategy, plan.onFailure)
    const { chain } = selection
    const mirrored = () => mirrorStandsIn(plan, integrity, state.recalledSumdb)
    if (await dropRouteBreaker(plan, reports, chain, mirrored)) continue
    const [walks, toolchains] = await Promise.all([
      walkBuild(plan, build, chain, ask),
      walkToolchains(
        build.toolchains,
        integrity.records,
        chain,
        ask,
        plan.checks,
        toolchainSumdbOff(plan.gosumdb.kind === 'off', chain)
      )
    ])
    if (recordBreaks([...walks, ...contradictions(toolchains)], reports)) continue
    const sumdb = await gosumdbFor(plan, integrity, selection, state)
    if (sumdb.brokenProxy) {
      failProxyRoute(reports, sumdb.brokenProxy, sumdb.reason)
      continue
    }
    await explainUnresolved(walks, reports, ask)
    const result = buildResult(walks, chain[0]?.candidate, toolchains, build, state.answered())
    const probed = selection.outcome !== 'nothing-to-probe'
    const failed =
      (!sumdb.ok && selection.goproxy !== undefined && probed) ||
      (result.unresolved.length > 0 && probed)
    return {
      selection: failed ? failureSelection(plan.onFailure) : selection,
      sumdb,
      build: result
    }
  }
}

/** Decides GOSUMDB; a run that proved nothing fresh reuses the last decision from the cache. */
async function gosumdbFor(
  plan: Plan,
  integrity: IntegrityCheck,
  selection: Selection,
  { run: { store, credentialsOf, clock }, recalledSumdb }: RunState
): Promise<SumdbOutcome> {
  if (integrity.status === 'not-checked' && integrity.db) {
    const recalled = await recalledSumdb()
    if (recalled) return recalled
  }
  const outcome = await decideGosumdb(plan, integrity, selection.chain)
  if (store && integrity.status === 'checked' && outcome.ok)
    await rememberSumdb(store, plan, outcome, clock.now(), credentialsOf)
  return outcome
}
