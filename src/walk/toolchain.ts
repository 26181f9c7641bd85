import { basename } from 'node:path'
import type { BuildToolchain } from '../build/read.js'
import type { DbRecord } from '../checksum/route-proof.js'
import type { CandidateReport } from '../probe/types.js'
import type { Ask } from './ask.js'
import type { Checks } from '../config/plan.js'
import type { Answer, BuildModule, FileWalk } from './types.js'
import { walkFile } from './walk.js'
import { entryText } from '../goenv/proxylist.js'

/** The toolchain go.mod (or go.work) asks for, as the exported chain serves it. */
export interface ToolchainResult {
  need: BuildToolchain
  /** `golang.org/toolchain@v0.0.1-<name>.<GOOS>-<GOARCH>`, for the runner's platform. */
  module: BuildModule
  /**
   * Whether its zip was hashed and matched the checksum database's record (`checks: full`);
   * else the zip was only seen to be served.
   */
  proved: boolean
  /** Its zip along the chain: the one file the go command fetches to switch. */
  files: FileWalk[]
  outcome: 'served' | 'direct' | 'unresolved'
  /**
   * GOSUMDB is off: Go verifies every toolchain it downloads against the checksum database (a
   * toolchain has no go.sum line), so GOTOOLCHAIN=auto cannot switch to it, served or not.
   */
  sumdbOff: boolean
}

/**
 * Walks each toolchain module along the chain as `GOTOOLCHAIN=auto` fetches it: the zip alone
 * (modfetch Download asks a proxy for no .info or .mod of it), seen to be served, or downloaded
 * and hashed against the checksum database's record with `checks: full`. It is asked at every
 * level of `checks`: a zip-only mirror (a module cache served as a GOPROXY) holds nothing else.
 */
export function walkToolchains(
  toolchains: BuildToolchain[],
  records: DbRecord[],
  chain: CandidateReport[],
  ask: Ask,
  checks: Checks,
  sumdbOff: boolean
): Promise<ToolchainResult[]> {
  const needed = toolchains.filter(
    (t): t is BuildToolchain & { module: { path: string; version: string } } => !!t.module
  )
  return Promise.all(
    needed.map(async need => {
      const record = records.find(
        r => r.path === need.module.path && r.version === need.module.version
      )
      const module: BuildModule = {
        ...need.module,
        modHash: record?.modHash,
        zipHash: record?.zipHash
      }
      const files = [await walkFile(module, 'zip', chain, ask)]
      const proved = checks === 'full' && files[0].outcome === 'served' && !!record?.zipHash
      return { need, module, proved, files, outcome: worst(files), sumdbOff }
    })
  )
}

function worst(files: FileWalk[]): ToolchainResult['outcome'] {
  if (files.some(f => f.outcome === 'unresolved')) return 'unresolved'
  return files.some(f => f.outcome === 'direct') ? 'direct' : 'served'
}

/**
 * Whether GOSUMDB=off keeps the go command from switching to a toolchain along `chain`: it looks
 * every toolchain up in the database (modfetch useSumDB), but for a GOPROXY that is a single
 * `file://` URL (how Go tests a distpack).
 */
export function toolchainSumdbOff(gosumdbOff: boolean, chain: CandidateReport[]): boolean {
  const entry = chain.length === 1 ? chain[0].candidate.entry : undefined
  return gosumdbOff && !(entry?.kind === 'file' && entryText(entry).startsWith('file://'))
}

/** The toolchain walks that break the chain: only content that contradicts the database does. */
export function contradictions(results: ToolchainResult[]): FileWalk[] {
  return results.flatMap(r => r.files.filter(f => f.asked.at(-1)?.answer.kind === 'contradicts'))
}

/** The answer of a served toolchain the checksum database cannot vouch for, if so. */
export function toolchainUnverified(result: ToolchainResult): Answer | undefined {
  return result.files.flatMap(f => f.asked.map(a => a.answer)).find(a => a.kind === 'unverified')
}

/**
 * What a missing toolchain, or one Go cannot verify, means for the build: a warning, since the Go
 * installed may do.
 */
export function toolchainWarning(result: ToolchainResult): string | undefined {
  const { name } = result.need
  if (result.outcome === 'served' && result.sumdbOff) {
    return (
      `${subject(result)} is served, but GOSUMDB is off, and the go command verifies every toolchain it downloads against the checksum database. ` +
      `${switching(result, '"checksum database disabled by GOSUMDB=off"')} Install ${name} on the runner (actions/setup-go) or set a GOSUMDB.`
    )
  }
  if (result.outcome !== 'unresolved') return undefined
  const unverified = toolchainUnverified(result)
  if (unverified) {
    return (
      `${subject(result)} is served, but ${unverified.problem ?? 'the checksum database cannot vouch for it'}. ` +
      `${switching(result, 'it verifies every toolchain against the checksum database')} Install ${name} on the runner (actions/setup-go).`
    )
  }
  const said = result.files
    .flatMap(f =>
      f.asked.map(a => `${a.candidate.display} .${f.file}: ${a.answer.problem ?? a.answer.kind}`)
    )
    .join('; ')
  // Go says "toolchain not available" only when every entry lacks it; else the download fails
  // with an error that is not "not found" (modfetch.TryProxies ranks those above it).
  const failed = result.files.some(f =>
    f.asked.some(a => !a.outsideChain && a.answer.kind === 'failed')
  )
  const failure = failed ? 'its download fails' : '"toolchain not available"'
  return (
    `${subject(result)} does not resolve through the chain${said ? ` (${said})` : ''}. ` +
    `${switching(result, failure)} Install ${name} on the runner (actions/setup-go) or serve golang.org/toolchain through the proxy.`
  )
}

/** The toolchain module, and what asks for it. */
function subject({ module, need }: ToolchainResult): string {
  const asker =
    need.from === 'GOTOOLCHAIN' ? 'GOTOOLCHAIN names' : `${basename(need.file)} asks for`
  return `${module.path}@${module.version} (the ${need.name} toolchain ${asker})`
}

/** Which go commands switch to the toolchain, and so fail with `failure`. */
function switching({ need }: ToolchainResult, failure: string): string {
  const { name } = need
  if (need.from === 'GOTOOLCHAIN')
    return `Every go command but ${name} itself switches to it, and will fail to (${failure}).`
  return `With GOTOOLCHAIN=auto, a go command older than ${name} will fail to switch (${failure}); one at ${name} or newer builds as is.`
}
