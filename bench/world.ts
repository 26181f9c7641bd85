/**
 * The benchmark's worlds on 127.0.0.1: the test world's proxy personas and checksum database,
 * with one request count over both. Every sweep gets a world of its own, so a one-off fault
 * (flaky-503) is fresh and no checker's requests are counted for another.
 */
import type { ModuleVersion } from '../__tests__/world/modules.js'
import { startProxyWorld, type Persona, type ProxyWorld } from '../__tests__/world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../__tests__/world/sumdb-server.js'
import { tamperedServed } from '../__tests__/world/tamper.js'
import { MIXED, UNKNOWN_HOST, type CandidateSpec } from './personas.js'

/** The database's name: one that never resolves, so a direct route to it cannot leave the machine. */
export const SUMDB_NAME = `sum.${UNKNOWN_HOST}`

/** One request as a persona received it: when, and which file of the protocol it asked for. */
export interface Arrival {
  atMs: number
  endpoint: string
}

/** The protocol file a request path asks for: list, latest, info, mod, zip, supported, lookup, tile. */
export function endpointOf(path: string): string {
  if (path.includes('/sumdb/'))
    return /\/(supported|lookup|tile|latest)(\/|$)/.exec(path)?.[1] ?? 'sumdb'
  if (path.endsWith('/@v/list')) return 'list'
  if (path.endsWith('/@latest')) return 'latest'
  return /\.(info|mod|zip)$/.exec(path)?.[1] ?? 'other'
}

export interface WorldCandidate {
  spec: CandidateSpec
  url: string
}

export interface BenchWorld {
  candidates: WorldCandidate[]
  proxies: ProxyWorld
  sumdb: SumdbWorld
  /** GOSUMDB naming only the key: Go reaches the database through the proxies (or https://<name>). */
  gosumdbViaProxies: string
  /** GOSUMDB naming the database's own URL, the form a sequential go command is given. */
  gosumdbDirect: string
  /** HTTP requests received since the start or the last reset: proxies plus the database's own URL. */
  requests(): number
  resetCounts(): void
  /** One persona's requests, with arrival times (`performance.now()` of this process). */
  arrivals(persona: string): Arrival[]
  close(): Promise<void>
}

async function assemble(
  modules: ModuleVersion[],
  personas: (db: SumdbWorld) => Promise<Persona[]>
): Promise<Omit<BenchWorld, 'candidates'>> {
  const sumdb = await startSumdb(modules, { name: SUMDB_NAME })
  const proxies = await startProxyWorld(modules, await personas(sumdb))
  // Requests that come through a proxy's /sumdb/ are already counted by the proxy world.
  const direct = (): number => sumdb.requestedPaths().filter(p => !p.startsWith('/sumdb/')).length
  return {
    proxies,
    sumdb,
    gosumdbViaProxies: sumdb.verifierKey,
    gosumdbDirect: `${sumdb.verifierKey} ${sumdb.url}`,
    requests: () => proxies.totalRequests() + direct(),
    resetCounts: () => {
      proxies.resetCounts()
      sumdb.resetCounts()
    },
    arrivals: persona =>
      proxies
        .seen()
        .flatMap(r =>
          r.persona === persona && r.at !== undefined
            ? [{ atMs: r.at, endpoint: endpointOf(r.path) }]
            : []
        ),
    close: async () => void (await Promise.all([proxies.close(), sumdb.close()]))
  }
}

/** A world with one candidate per fault, listed in MIXED's order. */
export async function startMixedWorld(modules: ModuleVersion[]): Promise<BenchWorld> {
  const tampered = await tamperedServed(modules, 'zip')
  const world = await assemble(modules, async db =>
    MIXED.flatMap((s): Persona[] =>
      s.kind === 'refused' || s.kind === 'unknown-host'
        ? []
        : [
            {
              name: s.name,
              fault: s.kind,
              ...(s.sumdb && { sumdb: db.viaProxy }),
              ...(s.kind === 'tampered' && { tamperedServed: tampered })
            }
          ]
    )
  )
  const urlOf = (s: CandidateSpec): string => {
    if (s.kind === 'refused') return world.proxies.refusedUrl
    if (s.kind === 'unknown-host') return world.proxies.url(s.name, UNKNOWN_HOST)
    return world.proxies.url(s.name)
  }
  return { ...world, candidates: MIXED.map(spec => ({ spec, url: urlOf(spec) })) }
}

/** A world of `count` healthy proxies, each answering after `delayMs` (0: at once). */
export async function startHealthyWorld(
  modules: ModuleVersion[],
  count: number,
  delayMs = 0
): Promise<BenchWorld> {
  const spec: CandidateSpec = {
    name: 'healthy',
    kind: 'healthy',
    usable: true,
    why: 'serves every file right',
    sumdb: true
  }
  const names = Array.from({ length: count }, (_, i) => `healthy-${i}`)
  const world = await assemble(modules, async db =>
    names.map(name => ({
      name,
      fault: delayMs > 0 ? 'slow' : 'healthy',
      delayMs,
      sumdb: db.viaProxy
    }))
  )
  return {
    ...world,
    candidates: names.map(name => ({ spec: { ...spec, name }, url: world.proxies.url(name) }))
  }
}
