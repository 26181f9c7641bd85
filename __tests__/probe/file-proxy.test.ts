/** A file:// GOPROXY is checked on disk, with the same probes as a proxy over HTTP. */
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { systemClock } from '../../src/clock.js'
import { planOf } from '../world/plan.js'
import { HttpError } from '../../src/http/types.js'
import { validate } from '../../src/validate.js'
import { writeProxyTree } from '../world/goproxy-dir.js'
import { quietLog } from '../world/log.js'
import { standardModules } from '../world/modules.js'

const noNetwork = async (): Promise<never> => {
  throw new HttpError('refused', 'the network is not part of this test')
}

describe('file:// candidates', () => {
  it('passes a complete proxy tree on disk and fails an empty one, without touching the network', async () => {
    const good = await mkdtemp(join(tmpdir(), 'vgp-fileproxy-'))
    const empty = await mkdtemp(join(tmpdir(), 'vgp-fileproxy-'))
    try {
      await writeProxyTree(good, await standardModules())
      const proxies = `${pathToFileURL(empty).href}|${pathToFileURL(good).href}`
      const raw = {
        proxies,
        'probe-modules': 'example.com/hello example.com/Upper/Case@v0.1.0',
        checks: 'full',
        gosumdb: 'off',
        cache: 'false'
      }
      const plan = planOf(raw)
      const result = await validate(plan, { http: noNetwork, clock: systemClock, log: quietLog })
      expect(result.reports.map(r => r.verdict)).toEqual(['unhealthy', 'healthy'])
      expect(result.reports[0].reason).toMatch(/\/example\.com\/hello\/@v\/list → 404 not found/)
      expect(result.reports[1].checksPassed).toBe(result.reports[1].checksTotal)
      expect(result.reports[1].latest).toEqual({ 'example.com/hello': 'v1.1.0' })
      expect(result.selection.goproxy).toBe(pathToFileURL(good).href)
    } finally {
      await Promise.all([rm(good, { recursive: true }), rm(empty, { recursive: true })])
    }
  })

  it('reads FILE:// and File:// from disk too: Go lowercases the scheme', async () => {
    const good = await mkdtemp(join(tmpdir(), 'vgp-fileproxy-'))
    let networkCalls = 0
    const countingNoNetwork = async (): Promise<never> => {
      networkCalls++
      return noNetwork()
    }
    try {
      await writeProxyTree(good, await standardModules())
      const href = pathToFileURL(good).href
      const raw = {
        proxies: ['FILE:', 'File:'].map(scheme => href.replace(/^file:/, scheme)).join('|'),
        'probe-modules': 'example.com/hello',
        gosumdb: 'off',
        cache: 'false'
      }
      const deps = { http: countingNoNetwork, clock: systemClock, log: quietLog }
      const result = await validate(planOf(raw), deps)
      expect(result.reports.map(r => [r.verdict, r.reason])).toEqual([
        ['healthy', expect.any(String)],
        ['healthy', expect.any(String)]
      ])
      expect(networkCalls).toBe(0)
    } finally {
      await rm(good, { recursive: true })
    }
  })
})
