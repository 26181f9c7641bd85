// --format shell read back by real shells: each line `export NAME='value'`, evaluated (and sourced)
// by sh, bash and zsh where installed, must give back exactly the values, whatever they hold.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatShell } from '../../src/cli/format.js'
import { main } from '../../src/cli/main.js'
import { GoEnv } from '../../src/constants.js'
import type { RunResult } from '../../src/validate.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

const NAMES = Object.values(GoEnv)
type Values = Record<GoEnv, string>

/** Only what formatShell reads: the selection's GOPROXY, the GOSUMDB and the private patterns. */
function resultWith(v: Values): RunResult {
  return {
    plan: { patterns: { goprivate: v.GOPRIVATE, gonoproxy: v.GONOPROXY, gonosumdb: v.GONOSUMDB } },
    selection: { outcome: 'proxies', goproxy: v.GOPROXY, chain: [], fallbackUsed: false },
    exported: { goproxy: v.GOPROXY },
    sumdb: { ok: true, gosumdb: v.GOSUMDB, reason: '', mirrorUsed: false }
  } as unknown as RunResult
}

const shellInstalled = (shell: string): boolean =>
  process.platform !== 'win32' &&
  spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore', timeout: 10_000 }).status === 0

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vgp-shell-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Writes `text` to a file, has `shell` read it (`eval "$(cat file)"`, or `. file`), then prints
 * the five variables from a child process (so they must be exported), NUL-separated.
 */
function readBack(shell: string, text: string, how: 'eval' | 'source'): Values {
  const file = join(dir, 'go.sh')
  writeFileSync(file, text)
  const load = how === 'eval' ? 'eval "$(cat "$1")"' : '. "$1"'
  const print = `printf '%s\\0' ${NAMES.map(n => `"$${n}"`).join(' ')}`
  const out = execFileSync(shell, ['-c', `${load} && exec sh -c "$2"`, shell, file, print], {
    // HOME away from the user's: no shell start-up file is read.
    env: { PATH: process.env.PATH ?? '', HOME: dir },
    timeout: 10_000
  })
  const fields = out.toString('utf8').split('\0').slice(0, NAMES.length)
  return Object.fromEntries(NAMES.map((name, i) => [name, fields[i]])) as Values
}

const EXAMPLES: Values = {
  GOPROXY: 'https://a.example|https://b.example,direct',
  GOSUMDB:
    'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 https://sum.example',
  GOPRIVATE: `it's "corp".example/*,$HOME/x`,
  GONOPROXY: 'a b\tc\nd `uname` \\ $(id) ;&',
  GONOSUMDB: "''"
}

describe('formatShell', () => {
  it("writes export NAME='value' lines, a quote as '\\''", () => {
    const values = { ...EXAMPLES, GOPRIVATE: "it's", GONOPROXY: '', GONOSUMDB: '' }
    expect(formatShell(resultWith(values))).toBe(
      `export GOPROXY='${EXAMPLES.GOPROXY}'\nexport GOSUMDB='${EXAMPLES.GOSUMDB}'\nexport GOPRIVATE='it'\\''s'\n`
    )
  })

  it('prints nothing when the run failed', () => {
    const failed = resultWith(EXAMPLES)
    failed.selection.outcome = 'failed'
    expect(formatShell(failed)).toBe('')
  })

  it('refuses a NUL, which no shell word or environment variable can hold', () => {
    expect(() => formatShell(resultWith({ ...EXAMPLES, GOPRIVATE: 'a\0b' }))).toThrow(
      'GOPRIVATE holds a NUL; it cannot be exported by a shell'
    )
  })
})

/** Any string without NUL, with the characters shells treat specially drawn often. */
const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom("'", '"', '|', ',', ' ', '\\', '$', '`', '\n', '\t', '!', '*', '~', 'é'),
    maxLength: 20
  })
)
const values = fc.record(
  Object.fromEntries(NAMES.map(n => [n, value.filter(s => !s.includes('\0'))])) as Record<
    GoEnv,
    fc.Arbitrary<string>
  >
)

describe.each(['sh', 'bash', 'zsh'])('%s reads the shell format back', shell => {
  if (!shellInstalled(shell)) {
    it(`needs ${shell}`, () =>
      console.warn(`skipped: ${shell} is not installed, the shell format was not tried with it`))
    return
  }

  it.each(['eval', 'source'] as const)('by %s: the examples, exactly', how => {
    expect(readBack(shell, formatShell(resultWith(EXAMPLES)), how)).toEqual(EXAMPLES)
  })

  it('by eval: any value without NUL, exactly', () => {
    fc.assert(
      fc.property(values, v => {
        expect(readBack(shell, formatShell(resultWith(v)), 'eval')).toEqual(v)
      }),
      { numRuns: 60 }
    )
  })
})

describe('validate-goproxy --format shell', () => {
  let world: ProxyWorld
  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [
      { name: 'one', fault: 'healthy' },
      { name: 'two', fault: 'healthy' }
    ])
  })
  afterAll(() => world?.close())

  it('prints a GOPROXY with | and , that sh gives back as exported', async () => {
    let stdout = ''
    const io = { stdout: (t: string) => void (stdout += t), stderr: () => undefined }
    const goproxy = `${world.url('one')}|${world.url('two')},direct`
    const argv = ['--proxies', goproxy, '--gosumdb', 'off', '--cache', 'false', '--goprivate']
    const flags = ['--probe-modules', 'example.com/hello@v1.0.0', '--format', 'shell']
    const env = { HOME: dir, NETRC: join(dir, 'no-netrc') }
    const status = await main([...argv, "corp.example/it's", ...flags], env, io)
    expect(status).toBe(0)
    expect(readBack('sh', stdout, 'eval')).toEqual({
      GOPROXY: goproxy,
      GOSUMDB: 'off',
      GOPRIVATE: "corp.example/it's",
      GONOPROXY: "corp.example/it's",
      GONOSUMDB: "corp.example/it's"
    })
  })
})
