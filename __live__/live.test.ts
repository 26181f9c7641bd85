/**
 * The live check (`npm run test:live`, never `npm test`): the bundled action, run as the runner
 * runs it, against this machine's own GOPROXY and GOSUMDB. It proves a real module's content
 * against the real checksum database's signed tree, and the go command then agrees.
 * Skipped, saying why, when the proxy cannot be reached from here.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseGosumdb, SUM_GOLANG_ORG_KEY } from '../src/goenv/gosumdb.js'
import { loadReportValidator } from '../__tests__/report/validator.js'
import { runGo } from '../__tests__/world/go.js'
import { runAction } from '../__tests__/world/runner.js'
import { networkEnv, readGoEnv, whyNotLive } from './machine.js'

const MODULE = 'rsc.io/quote@v1.5.2'
// The go.sum lines every Go project that uses this version carries: the ground truth.
const ZIP_HASH = 'h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y='
const MOD_HASH = 'h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0='
const GO_SUM = `rsc.io/quote v1.5.2 ${ZIP_HASH}\nrsc.io/quote v1.5.2/go.mod ${MOD_HASH}\n`

interface Candidate {
  url: string
  verdict: string
}
interface Route {
  url: string
  ok: boolean
  treeSize: number | null
}

const settings = readGoEnv()
const skipReason = await whyNotLive(settings, 'rsc.io/quote/@v/v1.5.2.info')
if (skipReason) console.warn(`live check skipped: ${skipReason}`)
const liveDescribe = skipReason ? describe.skip : describe

liveDescribe("the bundled action against this machine's GOPROXY and GOSUMDB", () => {
  const { goproxy, gosumdb } = settings ?? { goproxy: '', gosumdb: '' }

  it(`proves ${MODULE} against the real checksum database, and go agrees`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vgp-live-'))
    const goSum = join(dir, 'go.sum')
    await writeFile(goSum, GO_SUM)
    const inputs = {
      proxies: goproxy,
      gosumdb,
      'probe-modules': MODULE,
      checks: 'full',
      'go-sum': goSum,
      cache: 'false',
      timeout: '30'
    }
    const run = await runAction(inputs, { env: networkEnv(), dir, killAfterMs: 150_000 })
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toMatchObject({
      code: 0,
      stderr: ''
    })

    const report = JSON.parse(await readFile(run.outputs.report, 'utf8'))
    expect((await loadReportValidator()).problems(report)).toEqual([])

    // A bare name means the action used the key it has built in for that name, as Go does.
    const spec = parseGosumdb(gosumdb)
    if (spec.kind === 'db' && !gosumdb.includes('+'))
      expect(spec.verifierKey).toBe(SUM_GOLANG_ORG_KEY)
    expect(report.sumdb).toMatchObject({
      status: 'checked',
      ok: true,
      mirrorUsed: false,
      verified: [MODULE]
    })
    expect(report.sumdb.route).toEqual(expect.any(String))
    const proved = (report.sumdb.routes as Route[]).find(r => r.url === report.sumdb.route)
    expect(proved).toMatchObject({ ok: true, treeSize: expect.any(Number) })
    expect(proved?.treeSize).toBeGreaterThan(0)
    console.info(
      `live: ${MODULE} proved in a signed tree of ${proved?.treeSize} records via ${proved?.url}`
    )

    // The content each proxy served hashes to go.sum's lines and to the database's record.
    const proxies = (report.candidates as Candidate[]).filter(c => c.verdict !== 'skipped')
    expect(proxies.length).toBeGreaterThan(0)
    expect(proxies.filter(c => c.verdict !== 'healthy' && c.verdict !== 'degraded')).toEqual([])
    expect(report.healthy).toBe(true)

    const go = await runGo(['mod', 'download', '-json', MODULE], {
      cwd: dir,
      env: { ...networkEnv(), GOPROXY: run.exported.GOPROXY, GOSUMDB: run.exported.GOSUMDB },
      timeoutMs: 120_000
    })
    expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
    expect(JSON.parse(go.stdout)).toMatchObject({
      Path: 'rsc.io/quote',
      Version: 'v1.5.2',
      Sum: ZIP_HASH,
      GoModSum: MOD_HASH
    })
  })
})
