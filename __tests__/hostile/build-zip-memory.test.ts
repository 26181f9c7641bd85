/**
 * With `checks: full` the build's zips are downloaded whole and hashed, up to the go command's
 * 500 MiB each: a proxy serving them large (honestly or not) must not cost the run their size in
 * memory, whatever how many are read at once. They go to a file under RUNNER_TEMP on the way, and
 * the folder is gone when the run ends.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import { hash1, hashGoMod } from '../../src/xmod/sumdb/dirhash.js'
import { rawZip } from '../sumdb/rawzip.js'
import { buildModule, goSumLines, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { expectBounded, MAX_RSS_MIB, PROBE_MODULE, runMeasured } from './measure.js'

/** Each zip's content, stored (not compressed): two of them are more than a run may hold. */
const CONTENT_BYTES = 150 << 20
const TIMEOUT_MS = 60_000

/** A module whose zip is `CONTENT_BYTES` of zeros, stored, so the body is as large as they are. */
function largeModule(path: string, zeros: Buffer, stored: Buffer, crc: number): ModuleVersion {
  const prefix = `${path}@v1.0.0/`
  const goMod = Buffer.from(`module ${path}\n\ngo 1.21\n`)
  const big = { name: `${prefix}zeros.bin`, compressed: stored, crc, declaredSize: zeros.length }
  const zip = rawZip([{ name: `${prefix}go.mod`, data: goMod }, big])
  const zipHash = hash1([
    { name: `${prefix}go.mod`, data: goMod },
    { name: big.name, data: zeros }
  ])
  const time = '2024-01-02T03:04:05Z'
  const info = Buffer.from(JSON.stringify({ Version: 'v1.0.0', Time: time }))
  return { path, version: 'v1.0.0', time, goMod, zip, info, modHash: hashGoMod(goMod), zipHash }
}

describe('large zips of the build with checks: full', () => {
  let world: ProxyWorld
  let dir: string
  let large: ModuleVersion[]

  beforeAll(async () => {
    const zeros = Buffer.alloc(CONTENT_BYTES)
    // Level 0: stored deflate blocks, as large as the content.
    const stored = deflateRawSync(zeros, { level: 0 })
    const crc = crc32(zeros)
    const probe = await buildModule('example.com/hello', 'v1.0.0', {
      'hello.go': 'package hello\n'
    })
    large = ['example.com/large-a', 'example.com/large-b'].map(path =>
      largeModule(path, zeros, stored, crc)
    )
    world = await startProxyWorld([probe, ...large], [{ name: 'proxy', fault: 'healthy' }])
    dir = await mkdtemp(join(tmpdir(), 'vgp-large-build-zips-'))
    await writeFile(join(dir, 'go.sum'), goSumLines(large))
    // The same build, its go.sum naming another hash for one zip: only a zip read whole fails it.
    const [a, b] = large
    await mkdir(join(dir, 'other'))
    await writeFile(join(dir, 'other', 'go.sum'), goSumLines([a, { ...b, zipHash: a.zipHash }]))
  }, 60_000)
  afterAll(async () => {
    await world?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const runOn = (goSum: string) =>
    runMeasured(
      {
        proxies: world.url('proxy'),
        gosumdb: 'off',
        'probe-modules': PROBE_MODULE,
        'go-sum': goSum,
        checks: 'full',
        timeout: String(TIMEOUT_MS / 1000)
      },
      { killAfterMs: 3 * TIMEOUT_MS }
    )

  /** What the run left in its RUNNER_TEMP of the zips it downloaded. */
  const spoolsLeft = async (runDir: string) =>
    (await readdir(runDir)).filter(name => name.startsWith('validate-goproxy-zips-'))

  it('hashes them on disk: memory stays bounded, and nothing is left behind', async () => {
    expect(2 * (CONTENT_BYTES >> 20)).toBeGreaterThan(MAX_RSS_MIB)
    const run = await runOn(join(dir, 'go.sum'))
    expect(run.outputs['modules-checked']).toBe('2')
    expect(run.outputs['modules-unresolved']).toBe('')
    expect(run.code).toBe(0)
    expectBounded(run, TIMEOUT_MS)
    expect(await spoolsLeft(run.dir)).toEqual([])
  }, 200_000)

  it('reads each whole: a hash other than go.sum names fails the zip', async () => {
    const run = await runOn(join(dir, 'other', 'go.sum'))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('example.com/large-b@v1.0.0 zip hashes to')
    expectBounded(run, TIMEOUT_MS)
    expect(await spoolsLeft(run.dir)).toEqual([])
  }, 200_000)

  it('fails the run, naming the folder, when RUNNER_TEMP cannot be written', async () => {
    const missing = join(dir, 'no-such-folder')
    const run = await runMeasured(
      {
        proxies: world.url('proxy'),
        gosumdb: 'off',
        'probe-modules': PROBE_MODULE,
        'go-sum': join(dir, 'go.sum'),
        checks: 'full',
        timeout: String(TIMEOUT_MS / 1000)
      },
      { killAfterMs: 3 * TIMEOUT_MS, env: { RUNNER_TEMP: missing } }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `::error::cannot make a folder for the build's zips under ${missing}: ENOENT`
    )
    // No proxy is blamed for the runner's disk.
    expect(run.stdout).not.toMatch(/unhealthy|cannot serve the build/)
    expectBounded(run, TIMEOUT_MS)
  }, 200_000)
})
