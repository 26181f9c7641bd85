/**
 * github.com/goproxy/goproxy, a real Go module proxy server, as a peer of the tests: built from
 * __tests__/world/peers/goproxy (a pinned version; its go.sum is committed) with the machine's go
 * command and module cache, and started in front of the test world on 127.0.0.1. Building it may
 * download the pinned module through the machine's GOPROXY: that is set-up, like `npm ci`; the
 * peer itself only ever talks to the servers a test gives it.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runBounded, startServer } from './spawn.js'

const SOURCE = fileURLToPath(new URL('./peers/goproxy', import.meta.url))
const SOURCE_FILES = ['go.mod', 'go.sum', 'main.go']
/** Outlives a test run (whose temp folder goes with it), as tools keep their caches. */
const BINARIES = fileURLToPath(
  new URL('../../node_modules/.cache/validate-goproxy', import.meta.url)
)
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

/**
 * The peer's binary, built once for these sources and kept in node_modules/.cache under their hash,
 * so later runs reuse it and a change of the sources builds anew.
 */
function goproxyBinary(): Promise<string> {
  return (built ??= buildOnce())
}

async function buildOnce(): Promise<string> {
  const hash = createHash('sha256')
  for (const file of SOURCE_FILES) hash.update(await readFile(join(SOURCE, file)))
  const binary = join(BINARIES, `goproxy-peer-${hash.digest('hex').slice(0, 16)}`)
  if (existsSync(binary)) return binary
  await mkdir(BINARIES, { recursive: true })
  // Built beside its place, so the rename below never crosses file systems.
  const scratch = await mkdtemp(join(BINARIES, 'build-'))
  try {
    // The machine's go settings (GOPROXY, module and build caches), but no workspace, toolchain
    // switch or version-control stamp, and go.sum as committed.
    const env = {
      ...process.env,
      GOWORK: 'off',
      GOTOOLCHAIN: 'local',
      GOFLAGS: '-mod=readonly -buildvcs=false -trimpath'
    }
    const out = join(scratch, 'goproxy')
    const run = await runBounded('go', ['build', '-o', out, '.'], {
      cwd: SOURCE,
      env,
      killAfterMs: BUILD_LIMIT_MS
    })
    if (run.code !== 0) {
      const how = run.timedOut ? `timed out after ${BUILD_LIMIT_MS} ms` : `exit ${run.code}`
      throw new Error(`could not build the goproxy peer (${how}): ${run.stderr.trim()}`)
    }
    // A rename replaces atomically: a test process building beside this one never sees half.
    await rename(out, binary)
    return binary
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** Starts goproxy in front of `o.goproxy`, with a cache of its own. */
export async function startGoproxyPeer(o: GoproxyPeerOptions): Promise<GoproxyPeer> {
  const binary = await goproxyBinary()
  const dir = await mkdtemp(join(tmpdir(), 'vgp-goproxy-'))
  const sumdbs = (o.proxiedSumdbs ?? []).map(db => `${db.name} ${db.url}`).join(';')
  const server = await startServer(
    binary,
    ['-goproxy', o.goproxy, '-gosumdb', o.gosumdb ?? 'off', '-proxied-sumdbs', sumdbs, '-dir', dir],
    {
      name: 'goproxy',
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, GOTOOLCHAIN: 'local', GOFLAGS: '' },
      ready: /^(http:\/\/127\.0\.0\.1:\d+)\n/m,
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

/**
 * Starts several peers side by side. If one cannot start, those that did are stopped before the
 * error is passed on: nothing is left running for a teardown that has no handle on it.
 */
export async function startGoproxyPeers(all: GoproxyPeerOptions[]): Promise<GoproxyPeer[]> {
  const started = await Promise.allSettled(all.map(o => startGoproxyPeer(o)))
  const failed = started.find(s => s.status === 'rejected')
  if (failed === undefined)
    return started.map(s => (s as PromiseFulfilledResult<GoproxyPeer>).value)
  await Promise.all(started.map(s => (s.status === 'fulfilled' ? s.value.stop() : undefined)))
  throw failed.reason
}
