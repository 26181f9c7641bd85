import { basename } from 'node:path'
import type { RunResult } from '../validate.js'
import { isUsable, type CandidateReport } from '../probe/types.js'
import { walkedModules, type BuildResult, type ModuleResult } from '../walk/result.js'
import {
  buildOffline,
  buildOfflineLine,
  noCandidateLeft,
  noCandidateLeftLine
} from './sentences.js'
import { toolchainWarning } from '../walk/toolchain.js'
import { looksUpUnlisted } from '../checksum/record-lookup.js'
import { vendoredSentence } from '../build/vendor.js'
import { withoutGoSum } from '../build/discover.js'

/** How many modules a list names before it says "and N more". */
const LISTED = 20

/** `path@version (file:line)`: where a module version of the build comes from. */
export function moduleLabel(result: ModuleResult): string {
  const { path, version, zipAt, modAt } = result.module
  const at = zipAt ?? modAt
  return `${path}@${version}${at ? ` (${at.file}:${at.line})` : ''}`
}

/**
 * A usable candidate's reason, with what it lacks or fails of the build: its verdict rests on its
 * probes, and a candidate that lacks modules a later entry serves stays usable, as Go moves on.
 */
export function reasonWithBuild(result: RunResult, report: CandidateReport): string {
  if (!isUsable(report.verdict)) return report.reason
  const tally = result.build.tallies.find(t => t.candidate.id === report.candidate.id)
  const gaps = [
    tally?.lacks ? `lacks ${tally.lacks}` : '',
    tally?.fails ? `fails ${tally.fails}` : ''
  ].filter(Boolean)
  if (gaps.length === 0) return report.reason
  return `${report.reason}; it ${gaps.join(' and ')} of the build's module versions`
}

/** What each candidate answered for a module version that resolves through none. */
export function unresolvedLine(result: ModuleResult): string {
  const answers = result.files.flatMap(f =>
    f.asked.map(
      ({ candidate, answer }) =>
        `${candidate.display} .${f.file}: ${answer.kind === 'served' ? 'served' : (answer.problem ?? answer.kind)}`
    )
  )
  const said = answers.length > 0 ? answers.join('; ') : 'no candidate was asked'
  return `${moduleLabel(result)}: ${said}`
}

/** The go.sum lines whose files the build never fetches, and so were not asked; '' when none. */
function notFetchedSentence(modules: ModuleResult[]): string {
  const files = modules.flatMap(m => m.files.filter(f => f.outcome === 'not-fetched'))
  if (files.length === 0) return ''
  const zips = files.filter(f => f.file === 'zip').length
  const mods = files.length - zips
  const lines =
    files.length === 1 ? '1 go.sum line names a file' : `${files.length} go.sum lines name files`
  // Below a go.mod no candidate serves, the walk stopped, as the go command does.
  const stopped = modules.some(m =>
    m.files.some(f => f.file === 'mod' && f.outcome === 'unresolved')
  )
  if (stopped) {
    return ` ${lines} that were not asked: files no build fetches, or that only a go.mod no candidate serves would lead to (the go command stops at it too).`
  }
  return ` ${lines} that \`go mod download\` and builds never fetch (${zips} zip${zips === 1 ? '' : 's'} of modules no require line names or of versions the build list passes over, ${mods} go.mod${mods === 1 ? '' : 's'} outside the module graph Go loads), so they were not asked.`
}

/** The go.mod without go.sum, when it requires modules (else no build reads a go.sum line). */
export function missingGoSumOf(build: BuildResult): { goMod: string; goSum: string } | undefined {
  return build.modules.length > 0 ? withoutGoSum(build.found) : undefined
}

/** What a module with no go.sum comes to; '' when its go.sum is there. */
export function missingGoSumSentence({ build }: RunResult): string {
  const missing = missingGoSumOf(build)
  if (missing === undefined) return ''
  return `${missing.goMod} has no ${basename(missing.goSum)} beside it: a build that may not change go.sum (\`go build\`, \`go test\` by default) stops at "missing go.sum entry"; \`go mod download\` follows the module graph from go.mod alone and writes one, as walked here.`
}

/** What the main module's own files say that the go command stops at, each led by a space. */
function moduleFileSentences(result: RunResult): string {
  return [queriedSentence(result), missingGoSumSentence(result)]
    .map(s => (s ? ` ${s}` : ''))
    .join('')
}

/** What a main module's go.mod spelling a version as a query comes to; '' when none does. */
export function queriedSentence({ build }: RunResult): string {
  const [first, ...more] = build.queried
  if (first === undefined) return ''
  const others = more.length > 0 ? ` and ${more.length} more` : ''
  return `${first.file}:${first.line} spells ${first.path} ${first.version}${others} as no canonical version, which the go command reads as a query: a build that may not change go.mod (\`go build\`, \`go test\` by default) stops ("updates to go.mod needed"), and \`go mod download\` resolves it (\`v1.2\` to the newest v1.2.x) and rewrites go.mod. In a workspace Go resolves it and builds. The walk resolves it as Go does (the @v/list, then the .info of the version picked) and walks the build as Go reads it once it has rewritten the line; \`go mod tidy\` writes the canonical version.`
}

/** The modules the graph led to that no go.sum line names; '' when none. */
function unlistedSentence({ build, integrity, plan }: RunResult): string {
  const unlisted = build.modules.filter(m => !m.module.modAt && !m.module.zipAt).length
  if (unlisted === 0) return ''
  const which = unlisted === 1 ? '1 of them is' : `${unlisted} of them are`
  const checked = looksUpUnlisted(plan, integrity)
    ? `here, as there, each was checked against the checksum database's record (its go.mod${plan.checks === 'full' ? ' and zip' : '; its zip only with `checks: full`'}), unless GONOSUMDB names it`
    : `here they were seen to be served, not checked against the checksum database (${integrity.reason})`
  return ` ${which} named by no go.sum line: \`go mod download\` fetches them all the same (checking them against the checksum database unless GOSUMDB is off); ${checked}.`
}

/** What the build comes to, in sentences and lists both faces format their own way. */
interface BuildFacts {
  intro: string
  later: string[]
  unresolved: string[]
  toolchains: string[]
}

function buildFacts(result: RunResult): BuildFacts | undefined {
  const { build } = result
  const vendored = vendoredSentence(build.found.vendored)
  const nothing = build.modules.length === 0 && build.toolchains.length === 0
  if (nothing && !vendored && build.queried.length === 0) return undefined
  const files = build.found.goSumFiles.length
  // A vendored build alone walks nothing: only its sentence says what was done.
  const walked = (text: string) =>
    files === 0 && vendored ? vendored : `${text} ${vendored}`.trim()
  const toolchains = build.toolchains.map(
    t =>
      toolchainWarning(t) ??
      `Toolchain ${t.need.name}: ${t.module.path}@${t.module.version} resolves through the chain${t.proved ? ', its zip proved against the checksum database' : ''}.`
  )
  if (buildOffline(result))
    return { intro: walked(`${buildOfflineLine(result)}.`), later: [], unresolved: [], toolchains }
  return {
    intro: walked(
      `${walkedModules(build).length} module versions of ${files} go.sum file${files === 1 ? '' : 's'} walked along the exported chain, as the go command fetches them${result.plan.checks === 'quick' ? ' (with `checks: quick`, their .mod and .info but no zip)' : ''}.${unlistedSentence(result)}${notFetchedSentence(build.modules)}${moduleFileSentences(result)}`
    ),
    later: listed(
      build.modules.filter(m => m.laterEntry),
      m => `${moduleLabel(m)} via ${m.servedBy?.display ?? '?'}`
    ),
    unresolved: noCandidateLeft(result)
      ? [`${noCandidateLeftLine(result)}.`]
      : listed(build.unresolved, unresolvedLine),
    toolchains
  }
}

/** The build's part of the summary: per candidate counts, then the modules worth a look. */
export function buildMarkdown(result: RunResult): string[] {
  const facts = buildFacts(result)
  if (!facts) return []
  const lines = ['### The build', '', facts.intro, '']
  const { tallies } = result.build
  if (tallies.length > 0) {
    lines.push(
      '| candidate | serves | lacks | contradicts | fails |',
      '| --- | --- | --- | --- | --- |'
    )
    for (const t of tallies)
      lines.push(
        `| ${t.candidate.id} ${t.candidate.display} | ${t.serves} | ${t.lacks} | ${t.contradicts} | ${t.fails} |`
      )
    lines.push('')
  }
  const section = (title: string, items: string[]) =>
    items.length > 0 ? [title, '', ...items.map(i => `- ${i}`), ''] : []
  return [
    ...lines,
    ...section('Resolve only through a later entry:', facts.later),
    ...section('**Resolve through no usable candidate:**', facts.unresolved),
    ...facts.toolchains.flatMap(t => [t, ''])
  ]
}

/** The build for the CLI's table: the same facts as plain lines. */
export function buildText(result: RunResult): string[] {
  const facts = buildFacts(result)
  if (!facts) return []
  const tallies = result.build.tallies.map(
    t =>
      `  ${t.candidate.display}: serves ${t.serves}, lacks ${t.lacks}, contradicts ${t.contradicts}, fails ${t.fails}`
  )
  const section = (title: string, items: string[]) =>
    items.length > 0 ? [title, ...items.map(i => `  ${i}`)] : []
  return [
    `Build: ${facts.intro}`,
    ...tallies,
    ...section('Resolve only through a later entry:', facts.later),
    ...section('Resolve through no usable candidate:', facts.unresolved),
    ...facts.toolchains
  ]
}

function listed(modules: ModuleResult[], line: (m: ModuleResult) => string): string[] {
  const shown = modules.slice(0, LISTED).map(line)
  const more = modules.length - LISTED
  return more > 0 ? [...shown, `… and ${more} more`] : shown
}

/** The build in the JSON report: every module version with its outcome and where it comes from. */
export function buildJson(result: RunResult): object {
  const { build } = result
  return {
    goSumFiles: build.found.goSumFiles,
    missingGoSum: missingGoSumOf(build)?.goSum ?? null,
    queried: build.queried,
    vendored: (build.found.vendored ?? []).map(v => ({
      vendor: v.dir,
      reason: v.reason,
      missing: v.missing,
      goSumFiles: v.goSumFiles
    })),
    workspace: build.found.workspace ?? null,
    modules: build.modules.length,
    unresolved: build.unresolved.length,
    candidates: build.tallies.map(t => ({
      id: t.candidate.id,
      url: t.candidate.display,
      serves: t.serves,
      lacks: t.lacks,
      contradicts: t.contradicts,
      fails: t.fails
    })),
    contradicted: build.contradicted.map(c => ({
      module: `${c.module.path}@${c.module.version}`,
      file: c.file,
      url: c.candidate.display,
      problem: c.problem
    })),
    toolchains: build.toolchains.map(t => ({
      name: t.need.name,
      file: t.need.file,
      module: `${t.module.path}@${t.module.version}`,
      outcome: t.outcome,
      proved: t.proved,
      servedBy: t.files.find(f => f.file === 'zip')?.servedBy?.display ?? null,
      warning: toolchainWarning(t) ?? null
    })),
    versions: build.modules.map(m => ({
      module: `${m.module.path}@${m.module.version}`,
      outcome: m.outcome,
      servedBy: m.servedBy?.display ?? null,
      file: (m.module.zipAt ?? m.module.modAt)?.file ?? null,
      line: (m.module.zipAt ?? m.module.modAt)?.line ?? null,
      files: m.files.map(f => ({
        file: f.file,
        outcome: f.outcome,
        servedBy: f.servedBy?.display ?? null,
        asked: f.asked.map(a => ({
          url: a.candidate.display,
          answer: a.answer.kind,
          problem: a.answer.problem ?? null,
          outsideChain: a.outsideChain ?? false
        }))
      }))
    }))
  }
}
