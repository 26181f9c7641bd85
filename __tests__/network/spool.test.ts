/**
 * A body written to a file on the runner (a build's zip with `checks: full`) that cannot be
 * written: a full or unwritable disk is the runner's failure, never the proxy's. The request
 * ends with a LocalError naming the file (no retry, no verdict), and the connection is closed.
 * A file:// proxy's zip is a file already: it is read where it is, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fileGet } from '../../src/http/file.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { LocalError } from '../../src/http/types.js'

const BODY = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64 << 10)])
// Linux's device that fails every write with ENOSPC: a full disk.
const FULL_DISK = '/dev/full'
const itWithFullDisk = existsSync(FULL_DISK) ? it : it.skip

describe('a body that cannot be written to the runner’s disk', () => {
  let server: http.Server
  let url = ''
  let open = 0
  let getter: HttpGetter
  let dir: string

  beforeAll(async () => {
    // Half the body, then the rest held back: the connection still owes bytes when the write
    // fails, so it cannot serve another request and must be closed. (A body that had all come
    // may keep its connection: Node 24 returns it to the pool.)
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-length': 2 * BODY.length })
      res.write(BODY)
    })
    server.on('connection', socket => {
      open++
      socket.on('close', () => open--)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/m/@v/v1.0.0.zip`
    getter = createHttpGetter()
    dir = await mkdtemp(join(tmpdir(), 'vgp-spool-'))
    await writeFile(join(dir, 'v1.0.0.zip'), BODY)
  })
  afterAll(async () => {
    getter.close()
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
    await rm(dir, { recursive: true, force: true })
  })

  /** Paths the requests below were given to spool to, in order. */
  const given: string[] = []
  const request = (from: string, spoolTo: string) => ({
    url: from,
    timeoutMs: 10_000,
    maxBytes: 1 << 20,
    spoolTo: async () => {
      given.push(spoolTo)
      return spoolTo
    }
  })

  itWithFullDisk(
    'fails with a LocalError naming the file, over http, and closes the connection',
    async () => {
      const failed = getter.get(request(url, FULL_DISK))
      await expect(failed).rejects.toThrow(LocalError)
      await expect(failed).rejects.toThrow(`cannot write the build's zip to ${FULL_DISK}: ENOSPC`)
      // Bounded: the server sees its socket close.
      for (let i = 0; i < 50 && open > 0; i++) await new Promise(r => setTimeout(r, 20))
      expect(open).toBe(0)
    }
  )

  it('writes nothing for a file:// proxy: its zip is read in place, whatever the disk', async () => {
    const zip = join(dir, 'v1.0.0.zip')
    const missing = join(dir, 'no-such-folder', '1.zip')
    const before = given.length
    const answer = await fileGet(request(pathToFileURL(zip).href, missing))
    expect(answer).toMatchObject({ status: 200, bodyFile: zip })
    expect(answer.body).toHaveLength(0)
    expect(existsSync(missing)).toBe(false)
    expect(given).toHaveLength(before)
  })

  it('names the folder when the spool file cannot even be opened', async () => {
    const missing = join(dir, 'no-such-folder', '1.zip')
    await expect(getter.get(request(url, missing))).rejects.toThrow(
      `cannot write the build's zip to ${missing}: ENOENT`
    )
  })
})
