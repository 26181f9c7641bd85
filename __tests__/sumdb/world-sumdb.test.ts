// The test world's checksum database, proved right by the real go command: Go downloads through
// it (directly and through a proxy), follows it as it grows, and rejects each kind of tampering
// and misbehaviour — with the error texts recorded in world/sumdb-go-errors.ts.
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeWithGo, runGo } from '../world/go.js'
import type { GoDownload } from '../world/goproxy-dir.js'
import { buildModule, standardModules, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { GO_SUMDB_REJECTIONS as REJECT } from '../world/sumdb-go-errors.js'
import { startSumdb, type SumdbFault, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedCopy, tamperedServed } from '../world/tamper.js'

const GO_TIMEOUT_MS = 60_000
const TEST_TIMEOUT_MS = 3 * GO_TIMEOUT_MS

interface Download {
  code: number | null
  stderr: string
  reports: GoDownload[]
}

// `go mod download -json` prints one JSON object per module, one after another.
function parseReports(stdout: string): GoDownload[] {
  return stdout
    .trim()
    .split(/\n(?=\{)/)
    .filter(text => text !== '')
    .map(text => JSON.parse(text) as GoDownload)
}

describeWithGo('the sumdb world, as the go command sees it', () => {
  let modules: ModuleVersion[]
  let hello: ModuleVersion
  let upper: ModuleVersion
  let late: ModuleVersion
  let db: SumdbWorld
  let proxies: ProxyWorld
  const dirs: string[] = []

  beforeAll(async () => {
    modules = await standardModules()
    hello = modules[0]
    upper = modules[2]
    late = await buildModule('example.com/late', 'v1.0.0', { 'late.go': 'package late\n' })
    db = await startSumdb(modules)
    proxies = await startProxyWorld(
      [...modules, late],
      [
        { name: 'healthy', fault: 'healthy' },
        { name: 'proxied', fault: 'healthy', sumdb: db.viaProxy },
        {
          name: 'tampered-zip',
          fault: 'tampered',
          tamperedServed: await tamperedServed(modules, 'zip')
        },
        {
          name: 'tampered-mod',
          fault: 'tampered',
          tamperedServed: await tamperedServed(modules, 'mod')
        }
      ]
    )
  })

  afterEach(() => db.setFault('healthy'))

  afterAll(async () => {
    await proxies?.close()
    await db?.close()
    await Promise.all(dirs.map(dir => rm(dir, { recursive: true, force: true })))
  })

  /** A fresh home for the go command: its own GOPATH, module cache and sumdb state. */
  async function freshGoHome(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'sumdb-world-go-'))
    dirs.push(dir)
    return dir
  }

  async function download(
    dir: string,
    targets: readonly ModuleVersion[],
    o: { proxy?: string; gosumdb?: string; world?: SumdbWorld } = {}
  ): Promise<Download> {
    const world = o.world ?? db
    const result = await runGo(
      ['mod', 'download', '-json', ...targets.map(m => `${m.path}@${m.version}`)],
      {
        cwd: dir,
        env: {
          GOPROXY: proxies.url(o.proxy ?? 'healthy'),
          GOSUMDB: o.gosumdb ?? `${world.verifierKey} ${world.url}`
        },
        timeoutMs: GO_TIMEOUT_MS
      }
    )
    if (result.timedOut) throw new Error(`go mod download timed out:\n${result.stderr}`)
    return { code: result.code, stderr: result.stderr, reports: parseReports(result.stdout) }
  }

  async function downloadUnder(fault: SumdbFault): Promise<Download> {
    db.setFault(fault)
    return download(await freshGoHome(), [hello])
  }

  it(
    'downloads through the database named by URL, with the h1 values of the modules',
    async () => {
      const dir = await freshGoHome()
      db.resetCounts()
      const run = await download(dir, [hello, upper])
      expect(run.code).toBe(0)
      expect(run.reports.map(r => [r.Path, r.Version, r.Error, r.Sum, r.GoModSum])).toEqual(
        [hello, upper].map(m => [m.path, m.version, undefined, m.zipHash, m.modHash])
      )
      expect(db.requestedPaths().sort()).toEqual([
        '/lookup/example.com/!upper/!case@v0.1.0',
        '/lookup/example.com/hello@v1.0.0',
        '/tile/8/0/000.p/5'
      ])
      // Go keeps the signed tree it verified as the database's latest.
      const latest = await readFile(join(dir, '.gopath/pkg/sumdb', db.name, 'latest'), 'utf8')
      expect(latest).toMatch(
        new RegExp(`^go\\.sum database tree\\n5\\n\\S+=\\n\\n— ${db.name} \\S+\\n$`)
      )
    },
    TEST_TIMEOUT_MS
  )

  it(
    'downloads through a proxy that proxies the database (GOSUMDB without a URL)',
    async () => {
      db.resetCounts()
      const run = await download(await freshGoHome(), [hello, upper], {
        proxy: 'proxied',
        gosumdb: db.verifierKey
      })
      expect(run.code).toBe(0)
      expect(run.reports.map(r => r.Sum)).toEqual([hello.zipHash, upper.zipHash])
      const base = `/sumdb/${db.name}`
      const paths = db.requestedPaths()
      expect(paths[0]).toBe(`${base}/supported`)
      expect(paths.slice(1).sort()).toEqual([
        `${base}/lookup/example.com/!upper/!case@v0.1.0`,
        `${base}/lookup/example.com/hello@v1.0.0`,
        `${base}/tile/8/0/000.p/5`
      ])
    },
    TEST_TIMEOUT_MS
  )

  it(
    'follows the log as it grows past a full tile, checking the new tree against the cached one',
    async () => {
      const growing = await startSumdb(modules)
      try {
        const dir = await freshGoHome()
        expect((await download(dir, [hello], { world: growing })).code).toBe(0)
        const fillers = await Promise.all(
          Array.from({ length: 300 }, (_, i) => buildModule(`example.com/filler${i}`, 'v1.0.0', {}))
        )
        growing.add([...fillers, late])
        growing.resetCounts()
        const run = await download(dir, [late], { world: growing })
        expect(run.code).toBe(0)
        expect(run.reports.map(r => [r.Error, r.Sum, r.GoModSum])).toEqual([
          [undefined, late.zipHash, late.modHash]
        ])
        // 306 records: one full level-0 tile, a partial one, and the level-1 tile above them.
        expect(growing.requestedPaths().sort()).toEqual([
          '/lookup/example.com/late@v1.0.0',
          '/tile/8/0/000',
          '/tile/8/0/001.p/50',
          '/tile/8/1/000.p/1'
        ])
      } finally {
        await growing.close()
      }
    },
    TEST_TIMEOUT_MS
  )

  it(
    'rejects a tampered zip from a proxy, naming both hashes',
    async () => {
      const tampered = await tamperedCopy(hello, 'zip')
      const run = await download(await freshGoHome(), [hello], { proxy: 'tampered-zip' })
      expect(run.code).toBe(1)
      const error = run.reports[0].Error
      expect(error).toMatch(REJECT.tamperedZip)
      expect(error).toContain(
        `${hello.path}@${hello.version}: verifying module: checksum mismatch\n` +
          `\tdownloaded: ${tampered.zipHash}\n\t${db.name}: ${hello.zipHash}\n`
      )
    },
    TEST_TIMEOUT_MS
  )

  it(
    'rejects a tampered go.mod from a proxy',
    async () => {
      const tampered = await tamperedCopy(hello, 'mod')
      const run = await download(await freshGoHome(), [hello], { proxy: 'tampered-mod' })
      expect(run.code).toBe(1)
      const error = run.reports[0].Error
      expect(error).toMatch(REJECT.tamperedMod)
      expect(error).toContain(`\tdownloaded: ${tampered.modHash}\n\t${db.name}: ${hello.modHash}\n`)
    },
    TEST_TIMEOUT_MS
  )

  const rejected: [SumdbFault, RegExp][] = [
    ['bad-signature', REJECT.badSignature],
    ['unknown-key', REJECT.unknownKey],
    ['many-signatures', REJECT.manySignatures],
    ['missing-record', REJECT.missingRecord],
    ['wrong-tile', REJECT.wrongTile],
    ['truncated-tile', REJECT.truncatedTile],
    ['not-found', REJECT.notFound],
    ['status-500', REJECT.status500]
  ]
  it.each(rejected)(
    'rejects a database with fault %s',
    async (fault, pattern) => {
      const run = await downloadUnder(fault)
      expect(run.code).toBe(1)
      const error = run.reports[0].Error ?? ''
      expect(error.startsWith(`${hello.path}@${hello.version}: verifying go.mod: `)).toBe(true)
      expect(error).toMatch(pattern)
    },
    TEST_TIMEOUT_MS
  )

  it(
    'names our key in the invalid-signature error',
    async () => {
      const run = await downloadUnder('bad-signature')
      const keyName = db.verifierKey.split('+').slice(0, 2).join('+')
      expect(run.reports[0].Error).toContain(
        `reading tree note: invalid signature for key ${keyName}\n`
      )
    },
    TEST_TIMEOUT_MS
  )

  it(
    'accepts an oversized note (10 MB over 100 signature lines): Go sets no size limit',
    async () => {
      const run = await downloadUnder('oversized-note')
      expect(run.code).toBe(0)
      expect(run.reports[0].Sum).toBe(hello.zipHash)
    },
    TEST_TIMEOUT_MS
  )

  it(
    'detects a fork against the tree it cached, and exits with a security error',
    async () => {
      const dir = await freshGoHome()
      expect((await download(dir, [hello])).code).toBe(0)
      db.setFault('fork')
      const run = await download(dir, [modules[1]])
      expect(run.code).toBe(1)
      expect(run.reports).toEqual([])
      expect(run.stderr).toMatch(REJECT.fork)
      expect(run.stderr).toMatch(/\nold database:\n\tgo\.sum database tree\n\t5\n/)
      expect(run.stderr).toMatch(/\nnew database:\n\tgo\.sum database tree\n\t6\n/)
    },
    TEST_TIMEOUT_MS
  )

  it(
    'serves a self-consistent forked tree: a client with no history accepts it',
    async () => {
      expect((await download(await freshGoHome(), [hello])).code).toBe(0)
      db.setFault('fork')
      const run = await download(await freshGoHome(), [modules[1]])
      expect(run.code).toBe(0)
      expect(run.reports[0].Sum).toBe(modules[1].zipHash)
    },
    TEST_TIMEOUT_MS
  )
})
