/**
 * Answers Go's net/http client and Node's read differently, each judged by the go command itself:
 * a proxy `go mod download` uses must be healthy, one it cannot use must not be. The CLI runs
 * in-process against raw-socket fronts of a healthy persona (see go-framing.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { mkdtemp, writeFile } from 'node:fs/promises'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { runCli, type CliRun } from './in-process.js'
import { rawAnswer, startRawFront, type Answer, type RawFront } from './raw-front.js'
import { startHttpWorld, startTlsWorld } from './support.js'

const MODULE = 'example.com/hello@v1.0.0'

let world: ProxyWorld
let home: string
const closers: (() => Promise<void>)[] = []

beforeAll(async () => {
  world = await startHttpWorld([{ name: 'good', fault: 'healthy' }])
  home = await mkdtemp(join(tmpdir(), 'vgp-http-diff-'))
})
afterAll(() => Promise.all([world.close(), ...closers.map(close => close())]))

async function front(frame: (answer: Answer) => Buffer): Promise<RawFront> {
  const started = await startRawFront(world.url('good'), frame)
  closers.push(() => started.close())
  return started
}

/** The answer with its own status, Content-Type, a Content-Length unless `headers` frame it. */
function ok(a: Answer, headers: [string, string][] = [], body = a.body, status = ''): Buffer {
  const framed = headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))
  const head: [string, string][] = [['Content-Type', a.contentType]]
  if (!framed) head.push(['Content-Length', String(body.length)])
  head.push(['Connection', 'close'], ...headers)
  return rawAnswer(status || `HTTP/1.1 ${a.status} OK`, head, body)
}

const GZIP: [string, string][] = [['Content-Encoding', 'gzip']]

/** A redirect of the persona's paths to `location(path)`; a path with a query is answered. */
const redirecting = (location: (path: string) => string) => (a: Answer) =>
  a.path.includes('?')
    ? ok(a)
    : rawAnswer('HTTP/1.1 302 Found', [['Location', location(a.path)]], Buffer.alloc(0))

async function goDownload(proxy: string, env: Record<string, string> = {}, module = MODULE) {
  const go = await runGo(['mod', 'download', '-json', module], {
    cwd: await mkdtemp(join(tmpdir(), 'vgp-go-')),
    env: { GOPROXY: proxy, GOSUMDB: 'off', ...env },
    timeoutMs: 30_000
  })
  return { ok: go.code === 0, out: go.stdout + go.stderr }
}

const manyHeaders = Array.from({ length: 2100 }, (_, i): [string, string] => [`X-N${i}`, 'v'])

/**
 * Answers the go command reads, and those it refuses (in its words). Not here, and listed in the
 * README as known differences: framings Node's strict parser refuses and Go reads (a folded
 * header line, two spaces after the version, HTTP/1.2, blanks after a chunk size) and those Go
 * refuses and Node reads (a blank line before the status, gzip padded with zeros, Go's limits on
 * chunk size lines).
 */
const goReads: [string, (a: Answer) => Buffer][] = [
  ['gzip after 2100 header lines', a => ok(a, [...manyHeaders, ...GZIP], gzipSync(a.body))]
]
const goRefuses: [string, (a: Answer) => Buffer, string][] = [
  ['a tab in Location', redirecting(path => `${path}?r=\t1`), 'invalid control character in URL'],
  [
    'a Location of backslashes, host and port',
    redirecting(path => `\\\\127.0.0.1:${world.port}/good${path}?r=1`),
    'first path segment in URL cannot contain colon'
  ],
  ['a Location http:/path', redirecting(path => `http:${path}?r=1`), 'no Host in request URL'],
  [
    'a 101 Switching Protocols',
    () =>
      rawAnswer(
        'HTTP/1.1 101 Switching Protocols',
        [
          ['Upgrade', 'x'],
          ['Connection', 'Upgrade']
        ],
        Buffer.alloc(0)
      ),
    '101 Switching Protocols'
  ]
]

describe('an answer the two clients read differently', () => {
  it.each([
    ...goReads.map(([name, frame]) => [name, frame, 'healthy'] as const),
    ...goRefuses.map(([name, frame]) => [name, frame, 'unhealthy'] as const)
  ])('%s: as the go command takes it', async (_, frame, verdict) => {
    const run = await runCli(home, (await front(frame)).url)
    expect(run.verdicts).toEqual([{ verdict, reason: expect.any(String) }])
  })

  it('names what Go names: the Location it cannot parse, a 101', async () => {
    const [tab, upgrade] = await Promise.all(
      [goRefuses[0][1], goRefuses[3][1]].map(async frame => runCli(home, (await front(frame)).url))
    )
    expect(tab.verdicts[0].reason).toContain('failed to parse Location header')
    expect(tab.verdicts[0].reason).toContain('invalid control character in URL')
    expect(upgrade.verdicts[0].reason).toContain('unexpected 101 Switching Protocols')
  })

  for (const [name, frame, words] of [...goReads, ...goRefuses]) {
    itWithGo(`the go command ${words ? 'refuses' : 'reads'} ${name}`, async () => {
      const go = await goDownload((await front(frame)).url)
      expect({ ok: go.ok, said: words && go.out.includes(words) }).toEqual({
        ok: !words,
        said: words && true
      })
    })
  }
})

describe('a gzip answer with an empty body', () => {
  const emptyGzipList = (status: number) => (a: Answer) =>
    a.path.endsWith('/@v/list')
      ? rawAnswer(
          `HTTP/1.1 ${status} X`,
          [
            ['Content-Encoding', 'gzip'],
            ['Content-Length', '0'],
            ['Connection', 'close']
          ],
          Buffer.alloc(0)
        )
      : ok(a)

  it.each([200, 404])('is an empty body, as Go reads it: a list answered %i', async status => {
    const plain = (a: Answer) =>
      a.path.endsWith('/@v/list') ? ok(a, [], Buffer.alloc(0), `HTTP/1.1 ${status} X`) : ok(a)
    const [gzipped, asIs] = await Promise.all(
      [emptyGzipList(status), plain].map(async frame => runCli(home, (await front(frame)).url))
    )
    const unplaced = (run: CliRun) =>
      run.verdicts.map(v => ({ ...v, reason: v.reason.replace(/127\.0\.0\.1:\d+/, 'HOST') }))
    expect(unplaced(gzipped)).toEqual(unplaced(asIs))
  })

  itWithGo('is an empty version list to the go command', async () => {
    const go = await goDownload(
      (await front(emptyGzipList(200))).url,
      {},
      'example.com/hello@latest'
    )
    expect(go).toEqual({ ok: true, out: expect.any(String) })
  })
})

/**
 * A server that answers each connection's first request and keeps the connection open, then
 * closes it on the next request without a word: its idle timeout racing the client's reuse.
 */
async function startIdleCloser(upstream: string, partial = false): Promise<string> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer(socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    let head = ''
    let answered = false
    socket.on('data', chunk => {
      // The connection's second request: closed unanswered, as an idle timeout would; or, with
      // `partial`, after the first bytes of an answer (Go then does not resend it).
      if (answered && partial) return void socket.end('HTTP/1.1 200 OK\r\nContent-Le')
      if (answered) return void socket.destroy()
      head += chunk.toString('latin1')
      if (head.length > 64 << 10) return void socket.destroy()
      if (!head.includes('\r\n\r\n')) return
      answered = true
      const path = head.split(' ')[1] ?? '/'
      void fetch(`${upstream}${path}`, { signal: AbortSignal.timeout(10_000) }).then(
        async res => {
          const body = Buffer.from(await res.arrayBuffer())
          const headers: [string, string][] = [
            ['Content-Type', res.headers.get('content-type') ?? ''],
            ['Content-Length', String(body.length)]
          ]
          socket.write(rawAnswer(`HTTP/1.1 ${res.status} X`, headers, body))
        },
        () => socket.destroy()
      )
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('a kept-alive connection the server closes as it is reused', () => {
  it('is asked again on a new connection, as Go asks a GET that got no byte back', async () => {
    const url = await startIdleCloser(world.url('good'))
    const run = await runCli(home, url, {}, ['--concurrency', '1'])
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
  })

  itWithGo('is no failure to the go command', async () => {
    const go = await goDownload(await startIdleCloser(world.url('good')))
    expect(go).toEqual({ ok: true, out: expect.any(String) })
  })

  it('is not asked again once the server sent a byte of an answer', async () => {
    const url = await startIdleCloser(world.url('good'), true)
    const run = await runCli(home, url, {}, ['--concurrency', '1'])
    // Whichever request met the cut answer failed with it: a file (unhealthy) or the pinned
    // module's list (degraded: builds that pin it never read the list).
    const [{ verdict, reason }] = run.verdicts
    expect({ failed: verdict !== 'healthy', reason }).toEqual({
      failed: true,
      reason: expect.stringMatching(/→ connection reset \(ECONNRESET\)/)
    })
  })

  itWithGo('the go command fails when the server sent a byte of an answer', async () => {
    const go = await goDownload(await startIdleCloser(world.url('good'), true))
    expect(go.ok).toBe(false)
  })
})

describe('netrc credentials and a redirect to another port of the same host', () => {
  const USER = { username: 'gopher', password: 'port-test-pass' }
  let proxy: string
  let env: Record<string, string>

  beforeAll(async () => {
    const back = await startTlsWorld([{ name: 'private', fault: 'healthy', requireAuth: USER }])
    const origin = await startTlsWorld([
      {
        name: 'private',
        fault: 'redirect-away',
        requireAuth: USER,
        redirectTo: back.url('private')
      }
    ])
    closers.push(
      () => back.close(),
      () => origin.close()
    )
    proxy = origin.url('private')
    const netrc = join(home, 'port-netrc')
    const { username, password } = USER
    await writeFile(
      netrc,
      `machine 127.0.0.1:${origin.port} login ${username} password ${password}\n`
    )
    env = { NETRC: netrc, SSL_CERT_FILE: TEST_CA_FILE }
  })

  it('go along, as Go sends them to the same host name on any port', async () => {
    const run = await runCli(home, proxy, env)
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
  })

  itWithGo('the go command sends them there', async () => {
    expect(await goDownload(proxy, env)).toEqual({ ok: true, out: expect.any(String) })
  })
})
