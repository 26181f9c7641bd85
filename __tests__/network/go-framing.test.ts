/**
 * Answers Go's HTTP client reads otherwise than Node's: a Transfer-Encoding it refuses (Node
 * would read the body up to the close and call the proxy healthy while `go build` fails), a
 * Content-Length the body never fills (Go's "unexpected EOF", not a reset), a Content-Encoding
 * it does not decode, and a binary body of an unexpected status, never quoted as text. The CLI
 * runs in-process against raw-socket fronts of a healthy persona.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { mkdtemp } from 'node:fs/promises'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHttpGetter } from '../../src/http/get.js'
import { isTransient } from '../../src/http/probe-errors.js'
import { HttpError } from '../../src/http/types.js'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { runCli } from './in-process.js'
import { chunked, rawAnswer, startRawFront, type Answer, type RawFront } from './raw-front.js'
import { startHttpWorld } from './support.js'

const MODULE = 'example.com/hello@v1.0.0'
const INFO = '/example.com/hello/@v/v1.0.0.info'
const ZIP = '/example.com/hello/@v/v1.0.0.zip'

let world: ProxyWorld
let home: string
const fronts: RawFront[] = []

beforeAll(async () => {
  world = await startHttpWorld([{ name: 'good', fault: 'healthy' }])
  home = await mkdtemp(join(tmpdir(), 'vgp-framing-'))
})
afterAll(() => Promise.all([world.close(), ...fronts.map(f => f.close())]))

/** A front of the healthy persona answering every request as `frame` says. */
async function front(frame: (answer: Answer) => Buffer): Promise<RawFront> {
  const started = await startRawFront(world.url('good'), frame)
  fronts.push(started)
  return started
}

/** The answer's own status line and Content-Type, then `headers` and `body` as given. */
function framed(answer: Answer, headers: [string, string][], body = answer.body): Buffer {
  const head: [string, string][] = [
    ['Content-Type', answer.contentType],
    ['Connection', 'close']
  ]
  return rawAnswer(`HTTP/1.1 ${answer.status} X`, [...head, ...headers], body)
}

const probe = (proxies: string, flags: string[] = []) => runCli(home, proxies, {}, flags)

describe('Transfer-Encoding, taken as Go takes it', () => {
  it.each<[string, (a: Answer) => Buffer, string]>([
    [
      'identity',
      a => framed(a, [['Transfer-Encoding', 'identity']]),
      'unsupported transfer encoding: "identity"'
    ],
    [
      'gzip, over a plain body',
      a => framed(a, [['Transfer-Encoding', 'gzip']]),
      'unsupported transfer encoding: "gzip"'
    ],
    [
      'an unknown coding',
      a => framed(a, [['Transfer-Encoding', 'x-custom']]),
      'unsupported transfer encoding: "x-custom"'
    ],
    [
      'gzip, chunked',
      a => framed(a, [['Transfer-Encoding', 'gzip, chunked']], chunked(gzipSync(a.body))),
      'unsupported transfer encoding: "gzip, chunked"'
    ],
    [
      'two chunked lines',
      a =>
        framed(
          a,
          [
            ['Transfer-Encoding', 'chunked'],
            ['Transfer-Encoding', 'chunked']
          ],
          chunked(a.body)
        ),
      'too many transfer encodings: ["chunked" "chunked"]'
    ],
    [
      'chunked on HTTP/1.0, whose framing Go reads as the body',
      a =>
        rawAnswer(
          `HTTP/1.0 ${a.status} X`,
          [
            ['Content-Type', a.contentType],
            ['Transfer-Encoding', 'chunked']
          ],
          chunked(a.body)
        ),
      'HTTP/1.0 answer with Transfer-Encoding: chunked (Go reads the chunk framing as the body)'
    ]
  ])('%s: unhealthy, in the words of Go', async (_, frame, why) => {
    const server = await front(frame)
    const run = await probe(server.url)
    expect(run.verdicts).toEqual([
      { verdict: 'unhealthy', reason: `GET ${server.url}${INFO} → ${why}` }
    ])
  })

  it.each<[string, (a: Answer) => Buffer]>([
    [
      'one Chunked line, in any case',
      a => framed(a, [['Transfer-Encoding', 'Chunked']], chunked(a.body))
    ],
    [
      'HTTP/1.0, where it is ignored',
      a =>
        rawAnswer(
          `HTTP/1.0 ${a.status} X`,
          [
            ['Content-Type', a.contentType],
            ['Transfer-Encoding', 'identity']
          ],
          a.body
        )
    ]
  ])('%s: healthy', async (_, frame) => {
    const run = await probe((await front(frame)).url)
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
  })

  it('is refused for good: no retry makes it right', async () => {
    const server = await front(a => framed(a, [['Transfer-Encoding', 'identity']]))
    const err = await failureOf(`${server.url}${INFO}`)
    expect(err.kind).toBe('protocol')
    expect(isTransient(err)).toBe(false)
  })

  itWithGo('agrees with the go command', async () => {
    const server = await front(a => framed(a, [['Transfer-Encoding', 'identity']]))
    const go = await runGo(['mod', 'download', '-json', MODULE], {
      cwd: await mkdtemp(join(tmpdir(), 'vgp-go-')),
      env: { GOPROXY: server.url, GOSUMDB: 'off' },
      timeoutMs: 30_000
    })
    expect(go.code).not.toBe(0)
    expect(go.stdout).toContain('unsupported transfer encoding: \\"identity\\"')
  })
})

/** What one GET of `url` fails with. */
async function failureOf(url: string): Promise<HttpError> {
  const getter = createHttpGetter()
  try {
    const err = await getter.get({ url, timeoutMs: 10_000, maxBytes: 1 << 20 }).then(
      () => undefined,
      (e: unknown) => e
    )
    if (!(err instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(err)}`)
    return err
  } finally {
    getter.close()
  }
}

describe('a body the connection ends too soon', () => {
  it('is an unexpected EOF, as Go says, and still worth another attempt', async () => {
    const server = await front(a => framed(a, [['Content-Length', String(a.body.length + 100)]]))
    const err = await failureOf(`${server.url}${INFO}`)
    const [, read, length] =
      /^unexpected EOF: the body ended after (\d+) of (\d+) bytes$/.exec(err.message) ?? []
    expect({ message: err.message, missing: Number(length) - Number(read) }).toEqual({
      message: expect.stringMatching(/^unexpected EOF/),
      missing: 100
    })
    expect(isTransient(err)).toBe(true)
  })

  it('is an unexpected EOF in a gzip body too', async () => {
    const server = await front(a => {
      const gz = gzipSync(a.body)
      const cut = gz.subarray(0, gz.length - 8)
      return framed(
        a,
        [
          ['Content-Encoding', 'gzip'],
          ['Content-Length', String(gz.length)]
        ],
        cut
      )
    })
    const err = await failureOf(`${server.url}${INFO}`)
    expect(err.message).toBe('unexpected EOF')
    expect(isTransient(err)).toBe(true)
  })

  it('is a reset when the server resets the connection', async () => {
    const resetting = net.createServer(socket => {
      socket.on('error', () => undefined)
      socket.once('data', () => {
        socket.write(rawAnswer('HTTP/1.1 200 OK', [['Content-Length', '100']], Buffer.from('{')))
        setTimeout(() => socket.resetAndDestroy(), 50)
      })
    })
    await new Promise<void>(resolve => resetting.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = resetting.address() as AddressInfo
      const err = await failureOf(`http://127.0.0.1:${port}${INFO}`)
      expect(err.message).toBe('connection reset (ECONNRESET)')
      expect(isTransient(err)).toBe(true)
    } finally {
      await new Promise(resolve => resetting.close(resolve))
    }
  })
})

describe('a body Go leaves encoded', () => {
  it.each([
    ['br', brotliCompressSync],
    ['x-gzip', gzipSync]
  ])('%s: unhealthy, naming the encoding', async (coding, encode) => {
    const server = await front(a => framed(a, [['Content-Encoding', coding]], encode(a.body)))
    const run = await probe(server.url)
    expect(run.verdicts).toEqual([
      { verdict: 'unhealthy', reason: expect.stringContaining(`${INFO} → `) }
    ])
    expect(run.verdicts[0].reason).toMatch(
      new RegExp(`\\(served with Content-Encoding: ${coding}, which Go does not decode\\)$`)
    )
  })

  it('gzip in its first Content-Encoding line is decoded, as Go decodes it', async () => {
    const gzipLines: [string, string][] = [
      ['Content-Encoding', 'gzip'],
      ['Content-Encoding', 'gzip']
    ]
    const server = await front(a => framed(a, gzipLines, gzipSync(a.body)))
    const run = await probe(server.url)
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
  })
})

describe('an unexpected status', () => {
  it('quotes no binary body: a zip answered with 206 is named by its status', async () => {
    const server = await front(a =>
      a.path === ZIP
        ? rawAnswer('HTTP/1.1 206 Partial Content', [['Content-Type', 'text/plain']], a.body)
        : framed(a, [])
    )
    const run = await probe(server.url, ['--checks', 'full'])
    expect(run.verdicts).toEqual([
      { verdict: 'unhealthy', reason: `GET ${server.url}${ZIP} → 206 error` }
    ])
  })

  it('still quotes a text answer', async () => {
    const server = await front(a =>
      a.path === ZIP
        ? rawAnswer(
            'HTTP/1.1 299 Weird',
            [['Content-Type', 'text/plain']],
            Buffer.from('busy, café\n')
          )
        : framed(a, [])
    )
    const run = await probe(server.url, ['--checks', 'full'])
    expect(run.verdicts).toEqual([
      { verdict: 'unhealthy', reason: `GET ${server.url}${ZIP} → 299 error: "busy, café"` }
    ])
  })
})
