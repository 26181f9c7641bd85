/**
 * A proxy that quotes the request's credentials back in its error answer (a debugging gateway
 * that echoes the Authorization header, decoded): the reason quotes the answer as the go command
 * does, so the credentials must be masked in everything the step writes that the runner does not
 * mask — the JSON report and the job summary masked, no cache entry written with them — and the
 * Basic header itself must be registered as a secret for the log.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readReport, runAction } from '../world/runner.js'
import { serverIdentity, TEST_CA_FILE } from '../world/tls.js'

describe('a proxy that echoes the credentials it was sent', () => {
  let server: Server
  let base: string

  beforeAll(async () => {
    server = createServer(serverIdentity(), (req, res) => {
      const auth = req.headers.authorization ?? ''
      const decoded = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8')
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`denied: auth=${auth} decoded=${decoded}\n`)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/p`
  })
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

  it.each([
    ['a password', (t: string) => ['alice', `pw-${t}`]],
    ['a token as the user name', (t: string) => [`tok-${t}`, '']],
    // JSON escapes these where a reason quotes the server's words.
    ['a password with a quote and a backslash', (t: string) => ['alice', `q"${t}\\`]],
    ['netrc credentials', (t: string) => ['bob', `nr-${t}`, 'netrc']],
    // The summary's table cells escape it.
    ['a password with a pipe', (t: string) => ['alice', `p|${t}`]]
  ])('masks %s in the report, the summary and the cache', async (_, userinfo) => {
    const canary = randomBytes(8).toString('hex')
    const [user, password, netrc] = userinfo(canary)
    const basic = Buffer.from(`${user}:${password}`).toString('base64')
    const cacheDir = await mkdtemp(join(tmpdir(), 'vgp-echo-cache-'))
    const netrcFile = join(cacheDir, '..', `netrc-${canary}`)
    await writeFile(netrcFile, `machine ${new URL(base).host} login ${user} password ${password}\n`)
    const userinfoText = password
      ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}@`
      : `${user}@`
    const run = await runAction(
      {
        proxies: netrc ? base : base.replace('https://', `https://${userinfoText}`),
        'probe-modules': 'example.com/hello@v1.0.0',
        gosumdb: 'off',
        timeout: '10',
        retries: '0',
        cache: 'true',
        'cache-dir': cacheDir
      },
      {
        env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE, ...(netrc && { NETRC: netrcFile }) },
        killAfterMs: 30_000
      }
    )
    expect(run.code).toBe(1)
    const report = JSON.stringify(await readReport(run))
    // The reason still says what the server answered, with the secrets masked.
    expect(report).toContain('denied: auth=Basic ***')
    const cached = await Promise.all(
      (await readdir(cacheDir)).map(f => readFile(join(cacheDir, f), 'utf8'))
    )
    // An entry that would hold a secret is not written at all (the next run asks again).
    for (const [where, text] of [
      ['report', report],
      ['summary', run.summary],
      ['cache', cached.join('\n')]
    ]) {
      expect({ where, canary: text.includes(canary), basic: text.includes(basic) }).toEqual({
        where,
        canary: false,
        basic: false
      })
    }
    expect(run.stdout).toContain(`::add-mask::${basic}`)
  })

  it('keeps the report valid JSON when a one-letter password masks letters of other words', async () => {
    const run = await runAction(
      {
        proxies: base.replace('https://', 'https://alice:e@'),
        'probe-modules': 'example.com/hello@v1.0.0',
        gosumdb: 'off',
        timeout: '10',
        retries: '0',
        cache: 'false'
      },
      { env: { NODE_EXTRA_CA_CERTS: TEST_CA_FILE }, killAfterMs: 30_000 }
    )
    expect(run.code).toBe(1)
    const report = await readReport<{ fallbackUsed: boolean; candidates: { reason: string }[] }>(
      run
    )
    expect(report.fallbackUsed).toBe(false)
    expect(report.candidates[0].reason).not.toContain('decoded=alice:e')
  })
})
