/**
 * A step always ends: an Actions cache service that accepts connections and never answers, or
 * answers very slowly, costs the step a bounded wait (the process then exits, leaving the cache
 * client's sockets behind), and the result is published all the same. Run from the sources
 * (through tsx) and from the committed bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startCacheService, type CacheServiceWorld } from '../world/cache-service.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { ACTION_ENTRY, runAction } from '../world/runner.js'

const TIMEOUT_S = 10
/** What the issue promises: the whole step within `timeout` + 30 s, whatever the service does. */
const STEP_BOUND_MS = TIMEOUT_S * 1000 + 30_000

interface Entry {
  entry: string
  env: Record<string, string>
}

const FROM_SOURCE: Entry = {
  entry: resolve('src/index.ts'),
  env: {
    NODE_OPTIONS: `--import ${pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href}`
  }
}
const FROM_BUNDLE: Entry = { entry: ACTION_ENTRY, env: {} }

interface Persona {
  name: string
  from: Entry
  service: (s: CacheServiceWorld) => void
  /** The protocol: v1 REST at ACTIONS_CACHE_URL, or v2 Twirp at ACTIONS_RESULTS_URL. */
  protocol: 'v1' | 'v2'
  said: RegExp[]
}

const neverAnswers = (s: CacheServiceWorld): void => void (s.mode = 'hang')
const LEFT_BEHIND =
  /::warning::actions cache: restore failed, going on without it: restoreCache took longer than 15000 ms; left behind/
const NOT_SAVED =
  /not saved: restoreCache did not finish in time: the cache service is not answering/

const PERSONAS: Persona[] = [
  {
    name: 'never answers (v1, sources)',
    from: FROM_SOURCE,
    service: neverAnswers,
    protocol: 'v1',
    said: [LEFT_BEHIND, NOT_SAVED]
  },
  {
    name: 'never answers (v2, sources)',
    from: FROM_SOURCE,
    service: neverAnswers,
    protocol: 'v2',
    said: [LEFT_BEHIND, NOT_SAVED]
  },
  {
    name: 'answers each request after 12 s (v1, sources)',
    from: FROM_SOURCE,
    service: s => void (s.delayMs = 12_000),
    protocol: 'v1',
    // The lookup's miss arrives within the call's 15 s; the save gets the 8 s left of 20 s.
    said: [
      /::warning::actions cache: save failed, going on without it: saveCache took longer than \d+ ms; left behind/
    ]
  },
  {
    name: 'never answers (v1, bundle)',
    from: FROM_BUNDLE,
    service: neverAnswers,
    protocol: 'v1',
    said: [LEFT_BEHIND, NOT_SAVED]
  }
]

describe('a cache service that never answers, or answers very slowly', () => {
  let world: ProxyWorld
  const services: CacheServiceWorld[] = []

  beforeAll(async () => {
    world = await startProxyWorld(await standardModules(), [{ name: 'good', fault: 'healthy' }])
  })
  afterAll(async () => {
    await Promise.all(services.map(s => s.close()))
    await world.close()
  })

  const serviceEnv = (service: CacheServiceWorld, protocol: 'v1' | 'v2', workspace: string) => ({
    ACTIONS_RUNTIME_TOKEN: service.token,
    GITHUB_WORKSPACE: workspace,
    ...(protocol === 'v1'
      ? { ACTIONS_CACHE_URL: service.url }
      : { ACTIONS_RESULTS_URL: service.url, ACTIONS_CACHE_SERVICE_V2: 'true' })
  })

  it.concurrent.each(PERSONAS)(
    '$name: the step ends in time and publishes its result',
    async persona => {
      const service = await startCacheService()
      services.push(service)
      persona.service(service)
      const workspace = await mkdtemp(join(tmpdir(), 'vgp-ws-'))
      const run = await runAction(
        {
          proxies: world.url('good'),
          'probe-modules': 'example.com/hello',
          timeout: String(TIMEOUT_S),
          'cache-dir': await mkdtemp(join(tmpdir(), 'vgp-cache-'))
        },
        {
          entry: persona.from.entry,
          env: { ...persona.from.env, ...serviceEnv(service, persona.protocol, workspace) },
          // Killed past the bound, the run has code null and fails below.
          killAfterMs: STEP_BOUND_MS + 10_000
        }
      )
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
      expect(run.durationMs).toBeLessThan(STEP_BOUND_MS)
      expect(run.exported.GOPROXY).toBe(world.url('good'))
      expect(JSON.parse(run.outputs.verdicts)).toEqual({ [world.url('good')]: 'healthy' })
      const report = JSON.parse(await readFile(run.outputs.report, 'utf8'))
      expect(report.candidates[0]).toMatchObject({ verdict: 'healthy' })
      for (const said of persona.said) expect(run.stdout).toMatch(said)
      // The service was asked: the wait was real, not skipped.
      expect(service.log.length).toBeGreaterThan(0)
    },
    STEP_BOUND_MS + 30_000
  )
})
