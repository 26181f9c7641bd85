/**
 * Text answers that are not clean text: invalid UTF-8 and NUL bytes in @v/list and in .info. The
 * probe reads them as the go command does: a list line it cannot read is skipped, JSON replaces
 * invalid UTF-8 in a string, and a NUL in a JSON string makes the .info invalid. The real go
 * command judges each proxy too, for a pinned version and for @latest.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { standardModules } from '../world/modules.js'
import { itWithGo, runGo } from '../world/go.js'
import { startProxyWorld, type Fault, type ProxyWorld } from '../world/proxy-server.js'
import { expectBounded, onlyVerdict, runMeasured } from './measure.js'

const TIMEOUT_MS = 2000
const PINNED = 'example.com/hello@v1.0.0'
const LATEST = 'example.com/hello'

const CASES: [Fault, { verdict: string; reason?: string }][] = [
  ['list-invalid-utf8', { verdict: 'healthy' }],
  ['list-nul', { verdict: 'healthy' }],
  ['info-invalid-utf8', { verdict: 'healthy' }],
  [
    'info-nul',
    {
      verdict: 'unhealthy',
      reason:
        '@v/v1.0.0.info → invalid JSON in v1.0.0.info: Bad control character in string literal'
    }
  ]
]

describe('a proxy whose text answers hold bytes that are not text', () => {
  let world: ProxyWorld

  beforeAll(async () => {
    world = await startProxyWorld(
      await standardModules(),
      CASES.map(([fault]) => ({ name: fault, fault }))
    )
  })
  afterAll(() => world.close())

  it.each(CASES)('%s: judged as Go reads it', async (fault, want) => {
    const run = await runMeasured({
      timeout: String(TIMEOUT_MS / 1000),
      proxies: world.url(fault),
      'probe-modules': `${PINNED} ${LATEST}`,
      gosumdb: 'off'
    })
    const { verdict, reason } = await onlyVerdict(run)
    expect(verdict).toBe(want.verdict)
    if (want.reason) expect(reason).toContain(want.reason)
    expect(run.code).toBe(want.verdict === 'healthy' ? 0 : 1)
    expectBounded(run, TIMEOUT_MS)
  })

  itWithGo(
    'the go command agrees on each',
    async () => {
      for (const [fault, want] of CASES) {
        const dir = await mkdtemp(join(tmpdir(), 'vgp-text-go-'))
        try {
          const env = { GOPROXY: world.url(fault) }
          const pinned = await runGo(['mod', 'download', '-json', PINNED], { cwd: dir, env })
          const latest = await runGo(['mod', 'download', '-json', `${LATEST}@latest`], {
            cwd: dir,
            env
          })
          const ok = pinned.code === 0 && latest.code === 0
          expect({ fault, ok }).toEqual({ fault, ok: want.verdict === 'healthy' })
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      }
    },
    120_000
  )
})
