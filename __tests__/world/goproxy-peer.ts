/**
 * github.com/goproxy/goproxy, a real Go module proxy server, as a peer of the tests: built from
 * __tests__/world/peers/goproxy (a pinned version; its go.sum is committed) with the machine's go
 * command and module cache, once per test process, and started in front of the test world on
 * 127.0.0.1. Building it may download the pinned module through the machine's GOPROXY: that is
 * set-up, like `npm ci`; the peer itself only ever talks to the servers a test gives it.
 */
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runBounded, startServer } from './spawn.js'

const SOURCE = fileURLToPath(new URL('./peers/goproxy', import.meta.url))
/** A cold module cache downloads goproxy and x/mod first; a busy 2-core machine builds slowly. */
const BUILD_LIMIT_MS = 240_000
const START_WAIT_MS = 30_000

export interface GoproxyPeerOptions {
  /** The GOPROXY goproxy fetches through (the test world's persona, say). */
  goproxy: string
  /** The GOSUMDB goproxy verifies what it fetches against (default off: it passes files on as served). */
  gosumdb?: string
  /** Checksum databases goproxy serves under /sumdb/<name>/, each by its name and URL. */
  proxiedSumdbs?: { name: string; url: string }[]
}

export interface GoproxyPeer {
  /** Its base URL, http://127.0.0.1:PORT. */
  readonly url: string
  stop(): Promise<void>
}

let built: Promise<string> | undefined

/** Builds the peer once per test process; resolves with the binary's path. */
export function buildGoproxyPeer(): Promise<string> {
  return (built ??= build())
}

async function build(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'vgp-goproxy-peer-'))
  process.once('exit', () => rmSync(out, { recursive: true, force: true }))
  const binary = join(out, 'goproxy')
  // The machine's go settings (GOPROXY, module and build caches), but no workspace or toolchain
  // switch, and go.sum as committed.
  const env = { ...process.env, GOWORK: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' }
  const run = await runBounded('go', ['build', '-o', binary, '.'], {
    cwd: SOURCE,
    env,
    killAfterMs: BUILD_LIMIT_MS
  })
  if (run.code !== 0) {
    throw new Error(
      `could not build the goproxy peer (exit ${run.code}${run.timedOut ? ', timed out' : ''}): ${run.stderr.trim()}`
    )
  }
  return binary
}

/** Starts goproxy in front of `o.goproxy`, with a cache of its own. */
export async function startGoproxyPeer(o: GoproxyPeerOptions): Promise<GoproxyPeer> {
  const binary = await buildGoproxyPeer()
  const dir = await mkdtemp(join(tmpdir(), 'vgp-goproxy-'))
  const sumdbs = (o.proxiedSumdbs ?? []).map(db => `${db.name} ${db.url}`).join(';')
  const server = await startServer(
    binary,
    ['-goproxy', o.goproxy, '-gosumdb', o.gosumdb ?? 'off', '-proxied-sumdbs', sumdbs, '-dir', dir],
    {
      name: 'goproxy',
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, GOTOOLCHAIN: 'local', GOFLAGS: '' },
      ready: /^(http:\/\/127\.0\.0\.1:\d+)$/m,
      waitMs: START_WAIT_MS
    }
  ).catch(async err => {
    await rm(dir, { recursive: true, force: true })
    throw err
  })
  return {
    url: server.said[1],
    stop: async () => {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
