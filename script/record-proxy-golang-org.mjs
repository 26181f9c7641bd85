// Records what the action and the go command ask of this machine's GOPROXY, proxy.golang.org (and
// of sum.golang.org through it), for one module version: the replay the tests serve on 127.0.0.1
// (__tests__/world/replay.ts), so sum.golang.org's real signed notes and tiles, and the module's
// real files, are checked with no network. Run by hand, after `npm run build`, where the proxy
// is reachable: `node script/record-proxy-golang-org.mjs [OUT]` (default: the tests' fixture).
// Only 200 answers are kept, and never the module's list or @latest: they change as versions
// are published (and this machine's proxy refuses them), so the replay lacks them on purpose.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const UPSTREAM = 'https://proxy.golang.org'
const MODULE = 'rsc.io/quote@v1.5.2'
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = resolve(process.argv[2] ?? join(ROOT, '__tests__/fixtures/proxy.golang.org'))
const UNSTABLE = /\/@v\/list$|\/@latest$/
const FETCH_LIMIT_MS = 30_000

const work = mkdtempSync(join(tmpdir(), 'vgp-record-'))
const recording = join(work, 'recording')
const server = createServer((req, res) => {
  record(req.url ?? '/').then(
    ({ status, type, body }) => {
      res.writeHead(status, { 'content-type': type })
      res.end(body)
    },
    err => {
      console.error(`502 ${req.url}: ${err.message}`)
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(err.message)
    }
  )
})
await new Promise(done => server.listen(0, '127.0.0.1', done))
const proxy = `http://127.0.0.1:${server.address().port}`

try {
  const action = ['--proxies', proxy, '--gosumdb', 'sum.golang.org', '--probe-modules', MODULE]
  await run('node', [join(ROOT, 'dist/cli.js'), ...action, '--go-sum', 'none', '--checks', 'full'])
  await run('go', ['mod', 'download', '-json', MODULE])
  // Replaced only once both recorded everything they asked for.
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(dirname(OUT), { recursive: true })
  renameSync(recording, OUT)
  console.error(`recorded into ${OUT}`)
} finally {
  server.close()
  rmSync(work, { recursive: true, force: true })
}

/** Asks the upstream proxy; keeps a 200 answer under its path, unless it is a list or @latest. */
async function record(url) {
  const answer = await fetch(UPSTREAM + url, { signal: AbortSignal.timeout(FETCH_LIMIT_MS) })
  const body = Buffer.from(await answer.arrayBuffer())
  const path = decodeURIComponent(new URL(url, UPSTREAM).pathname)
  const kept = answer.status === 200 && !UNSTABLE.test(path)
  if (kept) {
    mkdirSync(dirname(join(recording, path)), { recursive: true })
    writeFileSync(join(recording, path), body)
  }
  console.error(`${answer.status} ${url}${kept ? '' : ' (not kept)'}`)
  return { status: answer.status, type: answer.headers.get('content-type') ?? '', body }
}

/** Runs a command in the scratch folder; the recorder keeps answering meanwhile. */
function run(command, args) {
  const config = join(work, 'config')
  // The go command's telemetry off, as the tests' go.ts has it: no child left writing files.
  mkdirSync(join(config, 'go', 'telemetry'), { recursive: true })
  writeFileSync(join(config, 'go', 'telemetry', 'mode'), 'off')
  const env = {
    PATH: process.env.PATH,
    HOME: work,
    XDG_CONFIG_HOME: config,
    GOPROXY: proxy,
    GOSUMDB: 'sum.golang.org',
    GOPATH: join(work, 'gopath'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    GOENV: 'off'
  }
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: work, env, stdio: ['ignore', 'ignore', 'inherit'] })
    child.once('error', fail)
    child.once('exit', code => {
      if (code === 0) done()
      else fail(new Error(`${command} ${args.slice(0, 2).join(' ')} exited with ${code}`))
    })
  })
}
