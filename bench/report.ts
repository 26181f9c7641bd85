/** RESULTS.md: every table of one benchmark run. Pure: results in, Markdown out. */
import type { BenchOptions } from './args.js'
import { bursts, count, mib, millis, seconds, spreadText, table } from './format.js'
import type { MachineInfo } from './machine.js'
import { describeComparison, describeVerdicts } from './report-sweeps.js'
import type {
  CriticalPath,
  SampleSummary,
  ScaleSummary,
  SingleSummary,
  SweepSummary,
  WarmSummary
} from './summary.js'
import type { DnsCheck } from './dns-check.js'
import type { Target } from './targets.js'
import { gosumSection, startupSection } from './whole-report.js'
import type { GosumRow, StartupSummary } from './whole-summary.js'

export interface BenchResults {
  machine: MachineInfo
  options: BenchOptions
  timeoutMs: number
  sweeps: SweepSummary[]
  critical?: CriticalPath
  single?: SingleSummary
  warm?: { healthy: WarmSummary; all: WarmSummary }
  scale: ScaleSummary[]
  targets: Target[]
  dns?: DnsCheck[]
  startup?: StartupSummary
  gosum?: GosumRow[]
  elapsedMs: number
  loadAverageAtEnd: number[]
}

function machineTable(r: BenchResults): string {
  const m = r.machine
  const o = r.options
  return table(
    ['', ''],
    [
      ['date', m.date],
      ['machine', `${m.nproc} CPUs (nproc), ${m.memoryGiB} GiB memory, ${m.cpuModel}`],
      [
        'load average (1, 5, 15 min) at start; at end',
        `${m.loadAverage.join(' ')}; ${r.loadAverageAtEnd.join(' ')}`
      ],
      ['Node', `${m.node} runs the benchmark; ${m.actionNode} runs the action`],
      ['go', m.go],
      ['curl, jq', `${m.curl}, ${m.jq}`],
      [
        'bundle',
        `${m.bundle} sha256 ${m.bundleSha256}…, built ${m.bundleModified}; commit ${m.commit}${m.srcChanged ? ' (src/ has uncommitted changes)' : ''}`
      ],
      [
        'runs',
        `${o.runs} per scenario of the action, ${o.slowRuns} per sweep of go and curl${o.quick ? ' (--quick)' : ''}`
      ],
      ['benchmark time', seconds(r.elapsedMs)]
    ]
  )
}

function targetTable(targets: Target[]): string {
  const mark = { PASS: '✅ PASS', FAIL: '❌ FAIL', SKIP: '➖ SKIP' }
  return table(
    ['target', 'result', 'measured (median, min–max)'],
    targets.map(t => [t.name, mark[t.status], t.measured])
  )
}

function sampleRow(label: string, s: SampleSummary, outcome: string): string[] {
  return [
    label,
    spreadText(s.wallMs, millis),
    spreadText(s.loadMs, millis),
    spreadText(s.workMs, millis),
    spreadText(s.engineMs, millis),
    spreadText(s.maxRssMiB, mib),
    spreadText(s.requests, count),
    outcome
  ]
}

function verdictWord(s: SampleSummary): string {
  const verdicts = s.usable.map(u => (u ? 'usable' : 'not usable')).join(', ') || 'no report'
  return `exit ${s.codes.join('/')}; ${verdicts}`
}

function aloneSection(single: SingleSummary | undefined, warm: BenchResults['warm']): string {
  const rows: string[][] = []
  if (single) {
    rows.push(sampleRow('one healthy candidate', single.healthy, verdictWord(single.healthy)))
    rows.push(
      sampleRow(
        'same, invalid `timeout` (fails before any work)',
        single.invalidInput,
        verdictWord(single.invalidInput)
      )
    )
    rows.push(sampleRow('endless body alone', single.endless, verdictWord(single.endless)))
    rows.push(sampleRow('never answers alone', single.hang, verdictWord(single.hang)))
  }
  if (warm) {
    rows.push(
      sampleRow('cache: one healthy, cold', warm.healthy.cold, verdictWord(warm.healthy.cold))
    )
    rows.push(
      sampleRow(
        'cache: one healthy, warm',
        warm.healthy.warm,
        `cache-hit=${warm.healthy.cacheHit.join('/')}`
      )
    )
    rows.push(
      sampleRow('cache: mixed list, cold', warm.all.cold, `exit ${warm.all.cold.codes.join('/')}`)
    )
    rows.push(
      sampleRow(
        'cache: mixed list, warm',
        warm.all.warm,
        `cache-hit=${warm.all.cacheHit.join('/')}`
      )
    )
  }
  if (rows.length === 0) return ''
  const header = [
    'scenario',
    'wall (spawn → exit)',
    'bundle load',
    'work after load',
    'engine',
    'peak RSS',
    'requests',
    'outcome'
  ]
  const base = single
    ? `\n\nNode's own start before the preload: ${spreadText(single.healthy.bootMs, millis)}.`
    : ''
  return `## A alone\n\nInputs as in the mixed sweep (checks: full, timeout 3, the world's database), one candidate.${base}\n\n${table(header, rows)}`
}

function scaleSection(series: ScaleSummary): string {
  const where =
    series.delayMs > 0
      ? `each proxy answering after ${series.delayMs} ms`
      : 'loopback, answers at once'
  const rows = series.rows.map(r => [
    count(r.candidates),
    count(r.rounds),
    millis(r.modelMs),
    spreadText(r.engineMs, millis),
    `${r.deviation >= 0 ? '+' : ''}${(r.deviation * 100).toFixed(0)}%`,
    spreadText(r.workMs, millis),
    spreadText(r.wallMs, millis),
    spreadText(r.maxRssMiB, mib),
    `${mib(r.heapTotalMiB.median)} / ${mib(r.heapUsedMiB.median)}`,
    spreadText(r.requests, count)
  ])
  const header = [
    'candidates N',
    'rounds ⌈N/c⌉',
    'model',
    'engine (measured)',
    'vs model',
    'work after load',
    'wall',
    'peak RSS',
    'peak V8 heap reserved / used',
    'requests'
  ]
  return [
    `### Scale, ${where}`,
    `Concurrency c = ${series.concurrency}; one-candidate time t₁ = ${millis(series.oneCandidateMs)} (median engine time of N = 1); model = ⌈N/c⌉ × t₁. Peak RSS grows ${(series.rssPerCandidateMiB * 1024).toFixed(1)} KiB per added candidate.`,
    table(header, rows)
  ].join('\n\n')
}

function criticalText(c: CriticalPath | undefined): string {
  if (!c) return ''
  const db = c.database
  const database = db
    ? ` The checksum database was asked from ${millis(db.firstLookupMs)} (its lookups, as soon as the first candidate had served the versions) to ${millis(db.lastMs)} (the tiles of the proof, once every candidate's probes had ended).`
    : ''
  return `\n\nWhere A's time goes (its median run, ${seconds(c.wallMs)}): the slowest usable candidate was **${c.name}**; its probes, in bursts from the spawn, are the critical path: ${bursts(c.arrivals)}.${database}`
}

export function renderResults(r: BenchResults): string {
  return [
    '# Benchmark results',
    'Written by `npm run bench` (see README.md for what each scenario means and how it is measured). Times are medians of the runs, with the spread (min–max) in parentheses.',
    '## Machine',
    machineTable(r),
    '## Targets',
    targetTable(r.targets),
    startupSection(r.startup),
    ...(r.sweeps.length > 0
      ? [
          '## The mixed-fault list: A, B and C side by side',
          describeComparison(r.sweeps, r.timeoutMs) + criticalText(r.critical),
          '### Verdicts per candidate',
          describeVerdicts(r.sweeps)
        ]
      : []),
    aloneSection(r.single, r.warm),
    ...(r.scale.length > 0 ? ['## Scale: 1 to 1000 healthy candidates', SCALE_METHOD] : []),
    ...r.scale.map(scaleSection),
    gosumSection(r.gosum)
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n')
}

const SCALE_METHOD = `Inputs: \`checks: quick\`, \`probe-modules: example.com/hello\`, \`concurrency: 8\`, no cache. Each candidate then needs two requests, the second waiting for the first (@v/list, then the .info of the version it names; @latest only when the list names none, as the go command asks it), so it holds one request slot at a time and its round trips are its critical path. **One-candidate time** t₁ is the engine's own time for one candidate (the report's \`durationMs\`: \`validate()\` from first probe to chosen chain), measured after the bundle is loaded and excluding process start, bundle load and writing outputs — those are paid once per run, whatever N, and would otherwise be multiplied by ⌈N/c⌉. The model ⌈N/c⌉ × t₁ is then the time of N candidates if the c slots stay busy with round trips; "engine" is the same clock for N candidates.`
