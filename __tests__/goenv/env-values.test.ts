/**
 * $GOPROXY and $GOSUMDB read as the go command reads them (cfg.envOr, then modfetch's proxyList and
 * dbDial): any value but the empty string counts, unchanged. A value Go refuses is a bad input that
 * names the variable, and nothing is probed or exported; a value Go takes is checked. Each case is
 * judged by the action (the CLI, with no proxies or gosumdb input) and by `go mod download`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { itWithGo, runGo } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'

const PROBE = 'example.com/hello@v1.0.0'

interface Case {
  name: string
  env: () => Record<string, string>
  /** What Go's error says, or undefined when go downloads the module. */
  goError?: string
  /** Our error: names the variable and says what Go says. */
  ours?: string
}

describe('GOPROXY and GOSUMDB from the environment', () => {
  let world: ProxyWorld
  let db: SumdbWorld
  let dir: string

  beforeAll(async () => {
    const modules = await standardModules()
    db = await startSumdb(modules)
    world = await startProxyWorld(modules, [
      { name: 'healthy', fault: 'healthy', sumdb: (rest, res) => db.viaProxy(rest, res) }
    ])
    dir = await mkdtemp(join(tmpdir(), 'vgp-envvalues-'))
  })
  afterAll(async () => {
    await Promise.all([world.close(), db.close()])
    await rm(dir, { recursive: true, force: true })
  })

  const proxy = () => world.url('healthy')
  const noEntries = 'GOPROXY list is not the empty string, but contains no entries'
  const cases: Case[] = [
    {
      name: 'GOPROXY of spaces',
      env: () => ({ GOPROXY: ' ', GOSUMDB: db.verifierKey }),
      goError: noEntries,
      ours: `Invalid input 'GOPROXY': " " is not valid: ${noEntries}`
    },
    {
      name: 'GOPROXY of separators only',
      env: () => ({ GOPROXY: ' , | ', GOSUMDB: db.verifierKey }),
      goError: noEntries,
      ours: `Invalid input 'GOPROXY': " , | " is not valid: ${noEntries}`
    },
    {
      name: 'GOPROXY with a newline between two URLs',
      env: () => ({ GOPROXY: `${proxy()}\n${proxy()}`, GOSUMDB: db.verifierKey }),
      goError: 'invalid control character in URL',
      ours: `Invalid input 'GOPROXY'`
    },
    {
      name: 'GOPROXY with spaces around its entry',
      env: () => ({ GOPROXY: ` ${proxy()} `, GOSUMDB: db.verifierKey })
    },
    {
      name: 'GOSUMDB of "off " (Go compares "off" exactly, then finds no key)',
      env: () => ({ GOPROXY: proxy(), GOSUMDB: 'off ' }),
      goError: 'invalid GOSUMDB: malformed verifier id',
      ours: `Invalid input 'GOSUMDB': "off " is not valid: invalid GOSUMDB: malformed verifier id`
    },
    {
      name: 'GOSUMDB of spaces',
      env: () => ({ GOPROXY: proxy(), GOSUMDB: '  ' }),
      goError: 'missing GOSUMDB',
      ours: `Invalid input 'GOSUMDB': "  " is not valid: missing GOSUMDB`
    },
    {
      name: 'GOSUMDB with spaces around its key',
      env: () => ({ GOPROXY: proxy(), GOSUMDB: ` ${db.verifierKey} ` })
    }
  ]

  async function action(env: Record<string, string>): Promise<{ status: number; out: string }> {
    let out = ''
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t) }
    const argv = ['--probe-modules', PROBE, '--go-sum', 'none', '--format', 'env']
    const status = await main(
      [...argv, '--cache', 'false', '--retries', '0'],
      { HOME: dir, GOENV: 'off', ...env },
      io
    )
    return { status, out }
  }

  it.each(cases)('$name: the action', async ({ env, ours }) => {
    const run = await action(env())
    if (ours === undefined) {
      expect(run.out).not.toContain('Invalid input')
      expect(run.status).toBe(0)
    } else {
      expect(run.status).not.toBe(0)
      expect(run.out).toContain(ours)
      // Nothing exported: no GOPROXY= line on stdout.
      expect(run.out).not.toMatch(/^GOPROXY=/m)
    }
  })

  for (const c of cases) {
    itWithGo(`${c.name}: the go command`, async () => {
      const cwd = await mkdtemp(join(dir, 'go-'))
      const go = await runGo(['mod', 'download', '-json', PROBE], { cwd, env: c.env() })
      if (c.goError === undefined) expect(go.code).toBe(0)
      else {
        expect(go.code).not.toBe(0)
        expect(go.stdout).toContain(c.goError)
      }
    })
  }
})
