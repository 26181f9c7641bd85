/** The Markdown of the whole-process series: start-up, and a real build's go.sum. Pure. */
import { count, mib, millis, seconds, spreadText, table } from './format.js'
import type { StartupKind } from './startup.js'
import type { GosumRow, StartupSummary } from './whole-summary.js'

const STARTUP_LABELS: Record<StartupKind, string> = {
  node: '`node -e 0`',
  nodeShellEnv: "`node -e 0` in the benchmark's own environment (context only: see below)",
  floorError: 'floor of an input error: an ES module that prints one `::error::` line (no bundle)',
  floorRequest: 'floor of a healthy run: an ES module that makes one GET on loopback (no bundle)',
  inputError: 'input error (`timeout: abc`): fails before any request',
  healthy: 'one healthy candidate on loopback (compile cache warm)',
  healthyColdTools: 'the same with an empty tool cache (compile cache cold, as on a hosted runner)',
  warm: 'warm cache: the same inputs answered from the verdict cache'
}

function outcome(kind: StartupKind, row: StartupSummary['rows'][StartupKind]): string {
  const codes = `exit ${row.codes.join('/')}`
  if (kind === 'warm') return `${codes}, cache-hit=${row.cacheHit.join('/')}`
  return codes
}

function shellNote(sum: StartupSummary): string {
  const vars = sum.shellNodeVariables
  const which =
    vars.length > 0
      ? `it holds ${vars.map(v => `\`${v}\``).join(', ')}`
      : 'it holds no NODE_ variable'
  const shell = sum.rows.nodeShellEnv.wallMs.median
  const over = (kind: StartupKind): string => (sum.rows[kind].wallMs.median / shell).toFixed(2)
  return `The targets divide by \`node -e 0\` in the runner's environment, the one the action gets. The benchmark's own environment is shown for context only: ${which}, and Node 20 reads \`NODE_EXTRA_CA_CERTS\` at start (Node 24 when it first needs it), which slows every start in that environment, \`node -e 0\` included. Divided by that slower \`node -e 0\` (${millis(shell)}), the action's runs (which never see the variable) would read ${over('healthy')}× (healthy), ${over('warm')}× (warm cache) and ${over('inputError')}× (input error).`
}

/** How far the action's runs are above what any Node program doing the same must pay. */
function floorNote(sum: StartupSummary): string {
  const median = (kind: StartupKind): number => sum.rows[kind].wallMs.median
  const above = (kind: StartupKind, floor: StartupKind): string =>
    `${millis(median(kind) - median(floor))} above its floor (${(median(floor) / median('node')).toFixed(2)}× \`node -e 0\`)`
  return `The floors are what any Node program doing the least of the same work pays on this machine: an ES module entry that prints one line, and one that makes one GET. The input error is ${above('inputError', 'floorError')}; the healthy run, which makes ${count(sum.rows.healthy.requests.median)} requests and proves what they served against the checksum database, is ${above('healthy', 'floorRequest')}.`
}

export function startupSection(sum: StartupSummary | undefined): string {
  if (!sum) return ''
  const rows = (Object.keys(sum.rows) as StartupKind[]).map(kind => {
    const row = sum.rows[kind]
    return [
      STARTUP_LABELS[kind],
      spreadText(row.wallMs, millis),
      `${row.ratio.toFixed(2)}×`,
      spreadText(row.requests, count),
      outcome(kind, row)
    ]
  })
  const phases = sum.phases.map(p => [
    p.name,
    millis(p.fromMs),
    millis(p.toMs),
    millis(p.toMs - p.fromMs),
    p.what
  ])
  return [
    '## Start-up: the whole process against `node -e 0`',
    `Spawn to exit as the parent sees it, ${sum.rounds} interleaved rounds (each round runs every row once, one after another), with the runner's environment and nothing preloaded; \`node -e 0\` gets the same environment. Node: ${sum.nodeVersion}. The inputs are those of the mixed sweep narrowed to the healthy candidate (\`checks: full\`, two probe modules, the checksum database through the proxy). A kept tool cache (\`RUNNER_TOOL_CACHE\`) holds Node's compile cache (Node ≥ 22.1) from the run before, as on a self-hosted runner.`,
    table(['run', 'wall (spawn → exit)', '× `node -e 0`', 'requests', 'outcome'], rows),
    floorNote(sum),
    shellNote(sum),
    `### Where one healthy run's time goes`,
    `One more healthy run, with the clock preload (about 3 ms more) to mark Node's start and the first input read, and the world's clock for the requests (they arrive at the proxy; on loopback the answers follow within a millisecond). Phases may overlap. Wall time of this run: ${millis(sum.phasesWallMs)}.`,
    table(['phase', 'from', 'to', 'takes', 'what'], phases)
  ].join('\n\n')
}

function endpoints(byEndpoint: Record<string, number>): string {
  return Object.entries(byEndpoint)
    .sort((a, b) => b[1] - a[1])
    .map(([e, n]) => `${e} ${n}`)
    .join(', ')
}

export function gosumSection(rows: GosumRow[] | undefined): string {
  if (!rows || rows.length === 0) return ''
  const body = rows.map(r => [
    count(r.modules),
    spreadText(r.requests, count),
    `${r.roundTripMs.toFixed(1)} ms`,
    seconds(r.modelMs),
    spreadText(r.wallMs, seconds),
    spreadText(r.engineMs, seconds),
    `${r.deviation >= 0 ? '+' : ''}${(r.deviation * 100).toFixed(0)}%`,
    spreadText(r.maxRssMiB, mib),
    r.go ? `${seconds(r.go.wallMs)}${r.go.killed ? ' (killed)' : ''}, exit ${r.go.code}` : '—',
    r.go ? count(r.go.requests) : '—',
    r.go ? mib(r.go.maxRssKiB / 1024) : '—',
    r.goRatio === undefined ? '—' : `${r.goRatio.toFixed(1)}×`
  ])
  const header = [
    'module versions',
    'requests (action)',
    'round trip',
    'model',
    'action wall',
    'engine',
    'wall vs model',
    'peak RSS',
    '`go mod download`',
    'go requests',
    'go peak RSS',
    'action faster by'
  ]
  const files = rows
    .map(
      r =>
        `- ${r.modules}: action ${endpoints(r.byEndpoint)}${r.go ? `; go ${endpoints(r.go.byEndpoint)}` : ''}`
    )
    .join('\n')
  return [
    "## A real build's go.sum",
    `A workspace whose go.mod requires N module versions (generated, one small package each), with their go.sum (a zip line and a /go.mod line each); the action is run with \`working-directory\` there, \`checks: standard\`, \`proxies\` a chain of three healthy proxies (\`a,b,c\`) each answering after ${rows[0].delayMs} ms, the world's database through the proxies, no cache, the default concurrency c. **Model** = requests ÷ c × round trip, with the requests the world received (all three proxies and the database) and the round trip of one request to the first proxy measured from the benchmark (median of 21). "go mod download" is the same workspace with an empty module cache, \`GOPROXY\` the same chain, \`GOSUMDB=off\`, \`GOFLAGS=-mod=mod\`, \`GOTOOLCHAIN=local\`, run once; its peak RSS is GNU time's.`,
    table(header, body),
    `Requests by protocol file (first run):\n\n${files}`
  ].join('\n\n')
}
