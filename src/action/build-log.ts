import { basename, relative } from 'node:path'
import type { SumPlace } from '../build/gosum.js'
import {
  missingGoSumOf,
  missingGoSumSentence,
  queriedSentence,
  unresolvedLine
} from '../report/build.js'
import {
  buildOffline,
  buildOfflineLine,
  noCandidateLeft,
  noCandidateLeftLine
} from '../report/sentences.js'
import type { RunResult } from '../validate.js'
import { toolchainUnverified, toolchainWarning } from '../walk/toolchain.js'
import type { ActionLog } from './log.js'

/**
 * Annotations on the build's own files: an error on each go.sum line a candidate contradicts or
 * no candidate serves (one for all when no candidate is left; a warning when GOPROXY is off as
 * given), a warning on the go.mod whose toolchain the chain does not serve, and on one with
 * requirements but no go.sum. Paths are
 * relative to the workspace, as the runner links them to the repository's files.
 */
export function annotateBuild(result: RunResult, log: ActionLog, workspace: string): void {
  const at = (place: SumPlace | undefined) =>
    place && { file: relative(workspace, place.file), startLine: place.line }
  for (const { module, file, candidate, problem } of result.build.contradicted) {
    // A file with no go.sum line was checked against the checksum database's record instead.
    const line = file === 'zip' ? module.zipAt : module.modAt
    const against = line ? 'go.sum' : 'the checksum database'
    const title = `validate-goproxy: ${candidate.display} contradicts ${against}`
    log.annotate('error', problem, { title, ...at(line ?? module.modAt) })
  }
  const { unresolved } = result.build
  const first = unresolved[0]?.module
  const firstFile = first && (first.zipAt ?? first.modAt)
  if (buildOffline(result)) {
    const title = 'validate-goproxy: GOPROXY=off downloads nothing'
    log.annotate('warning', `${buildOfflineLine(result)}.`, {
      title,
      ...(firstFile && { file: relative(workspace, firstFile.file) })
    })
  } else if (noCandidateLeft(result)) {
    // One error, not one a module: each would only say that no candidate was asked.
    const title = 'validate-goproxy: no candidate left to serve the build'
    const message = `${noCandidateLeftLine(result)}. See the job summary for each candidate's reason.`
    log.annotate('error', message, {
      title,
      ...(firstFile && { file: relative(workspace, firstFile.file) })
    })
  } else {
    for (const module of unresolved) {
      const unverified = module.files.some(f => f.asked.some(a => a.answer.kind === 'unverified'))
      const title = unverified
        ? 'validate-goproxy: the checksum database cannot vouch for this module version'
        : 'validate-goproxy: no usable candidate serves this module version'
      const place = module.module.zipAt ?? module.module.modAt
      log.annotate('error', unresolvedLine(module), { title, ...at(place) })
    }
  }
  for (const toolchain of result.build.toolchains) {
    const warning = toolchainWarning(toolchain)
    if (!warning) continue
    // GOTOOLCHAIN names no file to annotate.
    const file =
      toolchain.need.from === 'GOTOOLCHAIN' ? undefined : relative(workspace, toolchain.need.file)
    const title =
      toolchain.outcome === 'unresolved' && !toolchainUnverified(toolchain)
        ? 'validate-goproxy: toolchain not served'
        : 'validate-goproxy: toolchain cannot be verified'
    log.annotate('warning', warning, { title, file })
  }
  annotateMissingGoSum(result, log, workspace)
  annotateQueried(result, log, workspace)
}

/** A warning on the first go.mod line that spells a version as a query. */
function annotateQueried(result: RunResult, log: ActionLog, workspace: string): void {
  const first = result.build.queried[0]
  if (first === undefined) return
  const where = { file: relative(workspace, first.file), startLine: first.line }
  const title = 'validate-goproxy: go.mod needs `go mod tidy`'
  log.annotate('warning', queriedSentence(result), { title, ...where })
}

/** A warning on a go.mod with no go.sum: the build's own reads would stop there, not ours. */
function annotateMissingGoSum(result: RunResult, log: ActionLog, workspace: string): void {
  const missing = missingGoSumOf(result.build)
  if (missing === undefined) return
  const file = relative(workspace, missing.goMod)
  const title = `validate-goproxy: ${basename(missing.goMod)} has no ${basename(missing.goSum)}`
  log.annotate('warning', missingGoSumSentence(result), { title, file })
}
