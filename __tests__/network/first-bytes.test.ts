/**
 * A request for a body's first bytes (a build's zip at `checks: standard`): the answer is its
 * start, and its connection serves the next request when the rest is short (reading it costs
 * less than a new connection, a TLS handshake on a real proxy), and is closed when it is long.
 * An error answer is read further: its words name the problem.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'

const SHORT = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(8 << 10)])
const LONG = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(8 << 20)])
const NOT_FOUND = 'not found: example.com/m@v1.0.0: no such module in upstream\n'

describe('a request for the first bytes of a body', () => {
  let server: http.Server
  let base = ''
  /** The connections the requests of one test arrived on. */
  let sockets = new Set<unknown>()
  let getter: HttpGetter

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      sockets.add(req.socket)
      if (req.url === '/stalls') {
        // The length of a short body, its first bytes, then nothing.
        res.writeHead(200, { 'content-length': SHORT.length })
        res.write(SHORT.subarray(0, 1024))
        return
      }
      if (req.url === '/missing') {
        res.writeHead(404, { 'content-type': 'text/plain' })
        res.end(NOT_FOUND)
        return
      }
      const body = req.url === '/long' ? LONG : SHORT
      res.writeHead(200, { 'content-length': body.length })
      res.end(body)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    getter = createHttpGetter()
  })
  afterAll(async () => {
    getter.close()
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })

  const firstBytesOf = async (path: string) =>
    (
      await getter.get({
        url: `${base}${path}`,
        timeoutMs: 10_000,
        maxBytes: 64 << 20,
        firstBytes: 4
      })
    ).body

  it('keeps the connection when the rest is short', async () => {
    sockets = new Set()
    for (let i = 0; i < 3; i++)
      expect((await firstBytesOf('/short')).toString('latin1')).toBe('PK\x03\x04')
    expect(sockets.size).toBe(1)
  })

  it('closes it rather than read a long rest', async () => {
    sockets = new Set()
    for (let i = 0; i < 3; i++)
      expect((await firstBytesOf('/long')).toString('latin1')).toBe('PK\x03\x04')
    expect(sockets.size).toBe(3)
  })

  it('answers with the first bytes when a short rest stalls, reading it only so long', async () => {
    const body = await firstBytesOf('/stalls')
    expect(body.toString('latin1')).toBe('PK\x03\x04')
  }, 20_000)

  it('reads an error answer far enough to quote its words', async () => {
    expect((await firstBytesOf('/missing')).toString()).toBe(NOT_FOUND)
  })
})
