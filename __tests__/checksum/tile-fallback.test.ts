/**
 * A partial hash tile that fails is read from its full tile, as the go command reads it (x/mod
 * sumdb client.go readTile): after any error, not only 404, and only when the full tile holds its
 * 256 hashes (Go slices data[:len(data)/256*width]; tlog then refuses a slice of the wrong size).
 * Each case is judged by the action and by the real go command against the same database.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { validate, type RunResult } from '../../src/validate.js'
import { itWithGo, runGo } from '../world/go.js'
import { quietLog } from '../world/log.js'
import { standardModules, type ModuleVersion } from '../world/modules.js'
import { planOf } from '../world/plan.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbFault, type SumdbWorld } from '../world/sumdb-server.js'

const GO_TIMEOUT_MS = 60_000
const PROBE = 'example.com/hello@v1.0.0'

/** Records of modules no proxy serves: only their go.sum lines go into the log. */
function fillers(count: number): ModuleVersion[] {
  const h1 = (text: string) => `h1:${createHash('sha256').update(text).digest('base64')}`
  return Array.from({ length: count }, (_, i) => ({
    path: `filler.example/m${i}`,
    version: 'v1.0.0',
    time: '2024-01-01T00:00:00Z',
    goMod: Buffer.alloc(0),
    zip: Buffer.alloc(0),
    info: Buffer.alloc(0),
    modHash: h1(`mod ${i}`),
    zipHash: h1(`zip ${i}`)
  }))
}

describe('a partial tile read from its full tile', () => {
  let modules: ModuleVersion[]
  let world: ProxyWorld
  let http: HttpGetter
  /** Signed at 5 records (tile/8/0/000.p/5), grown past a full tile since. */
  let grown: SumdbWorld
  /** 5 records: no full tile yet. */
  let small: SumdbWorld
  /** 300 fillers, then the modules: the tree's last level-0 tile is tile/8/0/001.p/49. */
  let long: SumdbWorld
  const dirs: string[] = []

  beforeAll(async () => {
    modules = await standardModules()
    world = await startProxyWorld(modules, [{ name: 'plain', fault: 'healthy' }])
    grown = await startSumdb(modules)
    grown.freezeTree()
    grown.add(fillers(300))
    small = await startSumdb(modules)
    long = await startSumdb([...fillers(300), ...modules])
    http = createHttpGetter()
  })

  afterEach(() => [grown, small, long].forEach(db => db.setFault('healthy')))

  afterAll(async () => {
    http.close()
    await Promise.all([world.close(), grown.close(), small.close(), long.close()])
    await Promise.all(dirs.map(dir => rm(dir, { recursive: true, force: true })))
  })

  function run(db: SumdbWorld): Promise<RunResult> {
    const plan = planOf({
      proxies: world.url('plain'),
      gosumdb: `${db.verifierKey} ${db.url}`,
      'probe-modules': PROBE,
      checks: 'standard',
      timeout: '30',
      retries: '0',
      cache: 'false'
    })
    return validate(plan, { http: http.get, clock: systemClock, log: quietLog })
  }

  /** `go mod download -json` of the probe module in a fresh home: its exit code and error. */
  async function goDownload(db: SumdbWorld): Promise<{ code: number | null; error: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'tile-fallback-go-'))
    dirs.push(dir)
    const result = await runGo(['mod', 'download', '-json', PROBE], {
      cwd: dir,
      env: { GOPROXY: world.url('plain'), GOSUMDB: `${db.verifierKey} ${db.url}` },
      timeoutMs: GO_TIMEOUT_MS
    })
    if (result.timedOut) throw new Error(`go mod download timed out:\n${result.stderr}`)
    const error = /"Error": ("(?:[^"\\]|\\.)*")/.exec(result.stdout)?.[1]
    return { code: result.code, error: error === undefined ? '' : (JSON.parse(error) as string) }
  }

  const faults: SumdbFault[] = ['partial-tile-500', 'partial-tile-403']

  it.each(faults)('%s: proves the record with the full tile, as Go does', async fault => {
    grown.setFault(fault)
    grown.resetCounts()
    const result = await run(grown)
    expect(result.sumdb).toMatchObject({ ok: true })
    expect(result.reports.map(r => r.verdict)).toEqual(['healthy'])
    expect(grown.requestedPaths().filter(p => p.startsWith('/tile/'))).toEqual([
      '/tile/8/0/000.p/5',
      '/tile/8/0/000'
    ])
  })

  for (const fault of faults) {
    itWithGo(
      `${fault}: the go command downloads the module, reading the full tile`,
      async () => {
        grown.setFault(fault)
        grown.resetCounts()
        const go = await goDownload(grown)
        expect(go).toEqual({ code: 0, error: '' })
        expect(grown.requestedPaths()).toContain('/tile/8/0/000')
      },
      2 * GO_TIMEOUT_MS
    )
  }

  // The tile Go refuses, the length of its slice of the short full tile, and the length wanted.
  const shortCases = {
    '5 records': { db: () => small, slice: '(tile/8/0/000.p/5 len=0, want 160)' },
    '305 records': { db: () => long, slice: '(tile/8/0/001.p/49 len=294, want 1568)' }
  }
  const sizes = Object.keys(shortCases) as (keyof typeof shortCases)[]

  it.each(sizes)('a short full tile fails the proof, in Go’s words (%s)', async size => {
    const { db: of, slice } = shortCases[size]
    const db = of()
    db.setFault('short-full-tile')
    const result = await run(db)
    expect(result.sumdb.ok).toBe(false)
    expect(result.sumdb.reason).toContain(`TileReader returned bad result slice ${slice}`)
    expect(result.sumdb.reason).toMatch(/→ \d+ bytes, not a full tile of 8192: /)
    expect(result.selection.outcome).toBe('failed')
  })

  for (const size of sizes) {
    itWithGo(
      `a short full tile: the go command refuses it too (${size})`,
      async () => {
        const { db: of, slice } = shortCases[size]
        const db = of()
        db.setFault('short-full-tile')
        const go = await goDownload(db)
        expect(go.code).toBe(1)
        expect(go.error).toContain(`TileReader returned bad result slice ${slice}`)
      },
      2 * GO_TIMEOUT_MS
    )
  }
})
