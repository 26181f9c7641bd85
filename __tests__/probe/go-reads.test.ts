/**
 * Answers a proxy may send that are odd but not wrong, and some that are wrong, each judged by the
 * probe and by the real go command on the same file:// proxy: .info decoded as Go's encoding/json
 * decodes it, and `M@latest` resolved as modload resolves it (the list first; +incompatible
 * versions left out above a module-aware release; @latest only when the list tags nothing).
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { systemClock } from '../../src/clock.js'
import { createHttpGetter, type HttpGetter } from '../../src/http/get.js'
import { isUsable } from '../../src/probe/types.js'
import { validate } from '../../src/validate.js'
import { itWithGo, runGo } from '../world/go.js'
import { makeGoScratch, writeProxyTree, type GoScratch } from '../world/goproxy-dir.js'
import { quietLog } from '../world/log.js'
import { buildModule, standardModules } from '../world/modules.js'
import { planOf } from '../world/plan.js'

const PSEUDO = 'v0.0.0-20240301000000-abcdefabcdef'
const HELLO = 'example.com/hello/@v'

/** A variant: files written over the standard proxy tree, and the query both clients make. */
interface Variant {
  name: string
  files: Record<string, string>
  query: string
}

const info = (name: string, body: string): Variant => ({
  name,
  files: { [`${HELLO}/v1.0.0.info`]: body },
  query: 'example.com/hello@v1.0.0'
})
const latest = (name: string, files: Record<string, string>): Variant => ({
  name,
  files,
  query: 'example.com/hello@latest'
})

const VARIANTS: Variant[] = [
  info('lower-case keys', '{"version":"v1.0.0","time":"2024-01-01T00:00:00Z"}'),
  info('upper-case key, null time', '{"VERSION":"v1.0.0","Time":null}'),
  info(
    'unknown fields, an offset time',
    '{"Version":"v1.0.0","Time":"2024-02-29T01:00:00+01:00","X":[1]}'
  ),
  info('origin with an unknown field', '{"Version":"v1.0.0","Origin":{"VCS":"git","X":{}}}'),
  info('a later key overrides', '{"Version":"v1.0.0","version":"v9.9.9"}'),
  info('a byte-order mark', '\uFEFF{"Version":"v1.0.0"}'),
  info('origin of the wrong type', '{"Version":"v1.0.0","Origin":"git"}'),
  info('fields Go does not decode, of any type', '{"Version":"v1.0.0","Tags":[1],"Name":5}'),
  info('an origin field of the wrong type', '{"Version":"v1.0.0","Origin":{"Hash":5}}'),
  info('a day the month lacks', '{"Version":"v1.0.0","Time":"2023-02-29T00:00:00Z"}'),
  info(
    'a one-digit hour, a comma, offset 24:00',
    '{"Version":"v1.0.0","Time":"2024-01-01T1:00:00,5+24:00"}'
  ),
  info('a time spelled with an escape', '{"Version":"v1.0.0","Time":"2024-01-01T01:00:00\\u005a"}'),
  info(
    'a repeated key, last in the text',
    '{"Version":"v9.9.9","version":"v8.8.8","Version":"v1.0.0"}'
  ),
  info('null', 'null'),
  latest('an +incompatible version above a module-aware one', {
    [`${HELLO}/list`]: 'v1.0.0\nv1.1.0\nv2.0.0+incompatible\n'
  }),
  latest('an +incompatible version above a module without go.mod', {
    [`${HELLO}/list`]: 'v1.0.0\nv1.1.0\nv2.0.0+incompatible\n',
    [`${HELLO}/v1.1.0.mod`]: 'module example.com/hello\n'
  }),
  latest('the go.mod read for +incompatible is not checked', {
    [`${HELLO}/list`]: 'v1.0.0\nv1.1.0-pre\nv2.0.0+incompatible\n',
    [`${HELLO}/v1.1.0-pre.mod`]: 'module example.com/other\n\nrequire bad\n'
  }),
  latest('a list line after a byte-order mark', { [`${HELLO}/list`]: '\uFEFFv1.1.0\nv1.0.0\n' }),
  latest('a version that is not canonical', {
    [`${HELLO}/list`]: 'v1.0.0\nv1.1\n',
    [`${HELLO}/v1.1.info`]: '{"Version":"v1.1.0"}'
  }),
  latest('a broken @latest beside a good list', { 'example.com/hello/@latest': 'not json' }),
  latest('an empty list and a broken @latest', {
    [`${HELLO}/list`]: '',
    'example.com/hello/@latest': 'not json'
  }),
  latest('only a pseudo-version listed, no @latest', { [`${HELLO}/list`]: `${PSEUDO}\n` })
]

describe('odd answers, read as the go command reads them', () => {
  let http: HttpGetter
  const scratches = new Map<string, GoScratch>()

  beforeAll(async () => {
    http = createHttpGetter()
    const mods = [
      ...(await standardModules()),
      await buildModule('example.com/hello', PSEUDO, { 'hello.go': 'package hello\n' })
    ]
    for (const variant of VARIANTS) {
      const scratch = await makeGoScratch()
      await writeProxyTree(scratch.proxyDir, mods)
      await writeFile(join(scratch.proxyDir, 'example.com/hello/@v/list'), 'v1.0.0\nv1.1.0\n')
      for (const [rel, body] of Object.entries(variant.files))
        await writeFile(join(scratch.proxyDir, rel), body)
      scratches.set(variant.name, scratch)
    }
  })
  afterAll(async () => {
    http.close()
    for (const scratch of scratches.values()) await scratch.remove()
  })

  interface Outcome {
    usable: boolean
    version?: string
    /** Why not, in the client's words. */
    why: string
  }

  async function probe(variant: Variant): Promise<Outcome> {
    const scratch = scratches.get(variant.name) as GoScratch
    const plan = planOf({
      proxies: pathToFileURL(scratch.proxyDir).href,
      'probe-modules': variant.query.replace(/@latest$/, ''),
      checks: 'full',
      gosumdb: 'off',
      cache: 'false',
      timeout: '20'
    })
    const { reports } = await validate(plan, { http: http.get, clock: systemClock, log: quietLog })
    const [report] = reports
    return {
      usable: isUsable(report.verdict),
      version: report.latest['example.com/hello'],
      why: report.reason
    }
  }

  async function goDownload(variant: Variant): Promise<Outcome> {
    const scratch = scratches.get(variant.name) as GoScratch
    const run = await runGo(['mod', 'download', '-json', variant.query], {
      cwd: scratch.workDir,
      env: { GOPROXY: pathToFileURL(scratch.proxyDir).href }
    })
    const { Version, Error } = JSON.parse(run.stdout) as { Version: string; Error?: string }
    return { usable: run.code === 0, version: Version, why: Error ?? '' }
  }

  for (const variant of VARIANTS) {
    itWithGo(
      `${variant.name}: the probe and go agree`,
      async () => {
        const [ours, go] = await Promise.all([probe(variant), goDownload(variant)])
        // Both reasons show when they disagree.
        const label = { ours: ours.why, go: go.why }
        expect({ usable: ours.usable, ...label }).toEqual({ usable: go.usable, ...label })
        // Both resolve @latest to the same version, and fail on the same one.
        if (variant.query.endsWith('@latest') && go.usable) expect(ours.version).toBe(go.version)
        const named = /v2\.0\.0\+incompatible/
        if (named.test(go.why)) expect(ours.why).toMatch(named)
      },
      60_000
    )
  }
})
