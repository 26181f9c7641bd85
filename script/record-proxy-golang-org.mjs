// Records what the action and the go command ask of proxy.golang.org (and of sum.golang.org
// through it) for one module version, into __tests__/fixtures/proxy.golang.org: the replay the
// tests serve on 127.0.0.1 (__tests__/world/replay.ts), so real signed notes, tiles and module
// files are checked with no network. Run by hand, after `npm run build`, where the proxy is
// reachable: `node script/record-proxy-golang-org.mjs`. Only 200 answers are kept.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const UPSTREAM = 'https://proxy.golang.org'
const MODULE = 'rsc.io/quote@v1.5.2'
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FIXTURE = join(ROOT, '__tests__/fixtures/proxy.golang.org')

rmSync(FIXTURE, { recursive: true, force: true })
const server = createServer(async (req, res) => {
  const answer = await fetch(UPSTREAM + req.url)
  const body = Buffer.from(await answer.arrayBuffer())
  if (answer.status === 200) {
    const file = join(FIXTURE, decodeURIComponent(new URL(req.url, UPSTREAM).pathname))
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, body)
  }
  console.error(`${answer.status} ${req.url}`)
  res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' })
  res.end(body)
})
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
const proxy = `http://127.0.0.1:${server.address().port}`

const work = mkdtempSync(join(tmpdir(), 'vgp-record-'))
const env = {
  PATH: process.env.PATH,
  HOME: work,
  GOPROXY: proxy,
  GOSUMDB: 'sum.golang.org',
  GOPATH: join(work, 'gopath'),
  GOFLAGS: '-modcacherw',
  GOTOOLCHAIN: 'local',
  GOENV: 'off'
}
const action = ['--proxies', proxy, '--gosumdb', 'sum.golang.org', '--probe-modules', MODULE]
await run('node', [join(ROOT, 'dist/cli.js'), ...action, '--go-sum', 'none', '--checks', 'full'])
await run('go', ['mod', 'download', '-json', MODULE])
server.close()
rmSync(work, { recursive: true, force: true })

/** Runs a command in the scratch folder; the recorder keeps answering meanwhile. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: work, env, stdio: ['ignore', 'ignore', 'inherit'] })
    child.once('error', reject)
    child.once('exit', code => {
      console.error(`${command} ${args[0]}: exit ${code}`)
      resolve()
    })
  })
}
