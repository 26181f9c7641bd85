/**
 * How much of a response's header block is read: Go's client takes up to 10 MiB
 * (Transport.MaxResponseHeaderBytes' default), Node only 16 KiB unless told. A proxy behind a
 * gateway that adds large cookies or policy headers is one go uses happily, so it must not be
 * red here; a header block past Go's limit fails both. Judged by the real go command on the same
 * raw-socket fronts of a healthy persona.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { runCli } from './in-process.js'
import { rawAnswer, startRawFront, type RawFront } from './raw-front.js'
import { startHttpWorld } from './support.js'

const MODULE = 'example.com/hello@v1.0.0'
const GO_LIMIT = 10 << 20

/** `total` bytes of header lines of at most 8 KiB each, as a gateway's cookies would come. */
function padding(total: number): [string, string][] {
  const lines: [string, string][] = []
  for (let n = 0, left = total; left > 0; n++, left -= 8192) {
    lines.push([`X-Pad-${n}`, 'a'.repeat(Math.min(8192, left))])
  }
  return lines
}

let world: ProxyWorld
let home: string
const fronts = new Map<string, RawFront>()

// [case, bytes of padding, whether go (and so the action) can use the proxy]
const cases: [string, number, boolean][] = [
  ['64 KiB of headers', 64 << 10, true],
  ['1 MiB of headers', 1 << 20, true],
  ['more headers than Go reads (10 MiB)', GO_LIMIT + (64 << 10), false]
]

beforeAll(async () => {
  world = await startHttpWorld([{ name: 'good', fault: 'healthy' }])
  home = await mkdtemp(join(tmpdir(), 'vgp-header-size-'))
  for (const [name, bytes] of cases) {
    const pad = padding(bytes)
    const front = await startRawFront(world.url('good'), a =>
      rawAnswer(
        `HTTP/1.1 ${a.status} X`,
        [['Content-Type', a.contentType], ['Connection', 'close'], ...pad],
        a.body
      )
    )
    fronts.set(name, front)
  }
})
afterAll(async () => {
  await Promise.all([world.close(), ...[...fronts.values()].map(f => f.close())])
  await rm(home, { recursive: true, force: true })
})

describe('a large header block', () => {
  it.each(cases)('%s', async (name, _bytes, usable) => {
    const run = await runCli(home, (fronts.get(name) as RawFront).url)
    expect(run.status).toBe(usable ? 0 : 1)
    if (!usable) expect(run.verdicts[0].reason).toContain('response headers too large')
  })

  for (const [name, , usable] of cases) {
    itWithGo(`${name}: the go command agrees`, async () => {
      const cwd = await mkdtemp(join(home, 'go-'))
      const go = await runGo(['mod', 'download', '-json', MODULE], {
        cwd,
        env: { GOPROXY: (fronts.get(name) as RawFront).url, GOSUMDB: 'off' }
      })
      expect(go.code === 0).toBe(usable)
      if (!usable) expect(go.stdout).toContain(`exceeded ${GO_LIMIT} bytes`)
    })
  }
})
