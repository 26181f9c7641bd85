/**
 * The real checksum database, replayed: what this machine's GOPROXY (proxy.golang.org, or the
 * mirror of it this workplace reaches) answered for rsc.io/quote@v1.5.2, recorded by
 * script/record-proxy-golang-org.mjs: the module's files, and sum.golang.org's signed lookup and
 * the tiles that prove it (genuine: signed with sum.golang.org's key, hashing to its tree), served
 * on 127.0.0.1. The bundled action proves the module in the real signed tree with the key it has
 * built in for sum.golang.org; a changed go.mod and a forged signature are caught; and the real go
 * command agrees each time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { itThenGo, itWithGo, runGo, type GoResult } from '../world/go.js'
import { startReplay, type Replay } from '../world/replay.js'
import { readReport, runAction, type ActionRun } from '../world/runner.js'

const FIXTURE = fileURLToPath(new URL('../fixtures/proxy.golang.org', import.meta.url))
const MODULE = 'rsc.io/quote@v1.5.2'
const LOOKUP = '/sumdb/sum.golang.org/lookup/rsc.io/quote@v1.5.2'
// The go.sum lines every Go project that uses this version carries: the ground truth.
const ZIP_HASH = 'h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y='
const MOD_HASH = 'h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0='

describe('sum.golang.org, replayed', () => {
  let recorded: Replay
  /** The go.mod served with one more line than the one the database recorded. */
  let changedMod: Replay
  /** The lookup with one character of sum.golang.org's signature changed. */
  let forged: Replay
  let treeSize: number

  beforeAll(async () => {
    ;[recorded, changedMod, forged] = await Promise.all([
      startReplay(FIXTURE),
      startReplay(FIXTURE, {
        alter: {
          path: '/rsc.io/quote/@v/v1.5.2.mod',
          change: mod => Buffer.concat([mod, Buffer.from('\n')])
        }
      }),
      startReplay(FIXTURE, { alter: { path: LOOKUP, change: forgeSignature } })
    ])
    // The signed tree head in the lookup: "go.sum database tree", the size, the root hash.
    const lookup = await readFile(join(FIXTURE, LOOKUP), 'utf8')
    treeSize = Number(/go\.sum database tree\n(\d+)\n/.exec(lookup)?.[1])
  })
  afterAll(() => Promise.all([recorded, changedMod, forged].map(r => r?.close())))

  /**
   * The action with the database's name and the replay's URL for it (GOSUMDB syntax; the key is
   * the one Go has built in for sum.golang.org), so no request can leave the machine.
   */
  function check(replay: Replay): Promise<ActionRun> {
    return runAction({
      proxies: replay.url,
      gosumdb: gosumdbOf(replay),
      'probe-modules': MODULE,
      'go-sum': 'none',
      checks: 'full',
      cache: 'false'
    })
  }

  async function goDownload(replay: Replay): Promise<GoResult> {
    const work = await mkdtemp(join(tmpdir(), 'vgp-sumgolang-'))
    try {
      return await runGo(['mod', 'download', '-json', MODULE], {
        cwd: work,
        env: { GOPROXY: replay.url, GOSUMDB: gosumdbOf(replay) }
      })
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }

  interface Report {
    candidates: { verdict: string; reason: string }[]
    sumdb: { reason: string; routes: unknown[] }
  }
  const reportOf = (run: ActionRun): Promise<Report> => readReport<Report>(run)

  itThenGo(
    `proves ${MODULE} in the real signed tree`,
    async () => {
      const run = await check(recorded)
      expect(run.code).toBe(0)
      expect(run.exported).toEqual({ GOPROXY: recorded.url, GOSUMDB: gosumdbOf(recorded) })
      const report = await reportOf(run)
      expect(report.sumdb).toMatchObject({ status: 'checked', ok: true, verified: [MODULE] })
      expect(report.sumdb.routes).toEqual([expect.objectContaining({ ok: true, treeSize })])
      // The recording never keeps the module's list (see the script), so the replay answers 404
      // for it: a proxy that cannot list is degraded, whatever the database says.
      expect(report.candidates.map((c: { verdict: string }) => c.verdict)).toEqual(['degraded'])
      expect(report.candidates[0].reason).toMatch(/@v\/list → 404 .*builds that pin versions work/)
      return run
    },
    {
      name: 'the go command downloads and verifies it from the same replay',
      test: async () => {
        const before = recorded.seen().length
        const go = await goDownload(recorded)
        expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
        expect(JSON.parse(go.stdout)).toMatchObject({ Sum: ZIP_HASH, GoModSum: MOD_HASH })
        // It checked the database on the way, not only the files.
        expect(recorded.seen().slice(before)).toContain(LOOKUP)
      }
    }
  )

  it('calls a proxy tampered when its go.mod is not the one the database recorded', async () => {
    const run = await check(changedMod)
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    const report = await reportOf(run)
    expect(report.candidates[0]).toMatchObject({ verdict: 'tampered' })
    expect(report.candidates[0].reason).toBe(
      `${MODULE}: go.mod hashes to h1:+mu4oxuObLZEhCM1fLG8M3FmYI9RAAgWq9mQBs+/dsk= but the checksum database says ${MOD_HASH}, served by ${changedMod.url}`
    )
  })

  itWithGo('the go command refuses that go.mod too', async () => {
    const go = await goDownload(changedMod)
    expect(go.code).not.toBe(0)
    expect(go.stdout).toMatch(/verifying go\.mod: checksum mismatch[\s\S]*SECURITY ERROR/)
  })

  it('refuses the database when a signature is forged, and exports nothing', async () => {
    const run = await check(forged)
    expect(run.code).toBe(1)
    expect(run.exported).toEqual({})
    const report = await reportOf(run)
    expect(report.sumdb).toMatchObject({ status: 'checked', ok: false, verified: [] })
    expect(report.sumdb.reason).toMatch(
      /lookup\/rsc\.io\/quote@v1\.5\.2 → invalid signature for key sum\.golang\.org\+033de0ae$/
    )
  })

  itWithGo('the go command refuses the forged signature too', async () => {
    const go = await goDownload(forged)
    expect(go.code).not.toBe(0)
    // The same words as ours.
    expect(go.stdout).toMatch(
      /reading tree note: invalid signature for key sum\.golang\.org\+033de0ae/
    )
  })
})

function gosumdbOf(replay: Replay): string {
  return `sum.golang.org ${replay.url}/sumdb/sum.golang.org`
}

/** The lookup with one base64 character of its last signature line changed. */
function forgeSignature(lookup: Buffer): Buffer {
  const text = lookup.toString()
  const at = text.lastIndexOf('=') - 5
  return Buffer.from(text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1))
}
