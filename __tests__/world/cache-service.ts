/**
 * The test world's GitHub Actions cache service: the v1 REST protocol (the one GHES serves) as
 * @actions/cache 6.3.0 speaks it when ACTIONS_CACHE_URL is set and ACTIONS_CACHE_SERVICE_V2 is
 * not (lib/internal/cacheHttpClient.js):
 *   GET   {base}_apis/artifactcache/cache?keys=k1,k2&version=v  204 miss | 200 {archiveLocation, cacheKey}
 *   GET   {base}_apis/artifactcache/caches?key=k                 list (only asked in debug mode)
 *   POST  {base}_apis/artifactcache/caches {key,version,cacheSize} {cacheId} | 409 when key+version exist
 *   PATCH {base}_apis/artifactcache/caches/<id>  chunk, `Content-Range: bytes a-b/*`
 *   POST  {base}_apis/artifactcache/caches/<id> {size}              commit
 *   GET   archiveLocation                                         the archive, no bearer token (a signed URL)
 * The 409 body is the service's exception JSON; the library sees its `message` and throws
 * ReserveCacheError("Unable to reserve cache … More details: Cache already exists. …"), which
 * saveCache logs with core.info and turns into -1. (400 would mean "over the data cap".)
 */
import * as http from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo, Socket } from 'node:net'

export interface StoredCache {
  id: number
  key: string
  version: string
  complete: boolean
  createdAt: number
  size: number
}

export interface CacheServiceWorld {
  /** ACTIONS_CACHE_URL: with a path and the trailing slash the library needs. */
  readonly url: string
  readonly token: string
  /**
   * 'down' answers every request with 500 (not retried by the library); 'hang' accepts each
   * connection and request and never answers (the library's socket then waits 3 minutes).
   */
  mode: CacheServiceMode
  /** Holds every answer this long (a slow service). */
  delayMs: number
  /** Every request as `METHOD path status`, in arrival order. */
  readonly log: string[]
  caches(): StoredCache[]
  /** Replaces a committed archive's bytes (to serve a corrupt one). */
  replaceArchive(key: string, bytes: Buffer): void
  close(): Promise<void>
}

export type CacheServiceMode = 'up' | 'down' | 'hang'

const API = '_apis/artifactcache/'
const ACCEPT = 'application/json;api-version=6.0-preview.1'

interface Cache extends StoredCache {
  chunks: { start: number; bytes: Buffer }[]
  archive?: Buffer
  signature: string
}

export async function startCacheService(): Promise<CacheServiceWorld> {
  const token = `token-${randomBytes(8).toString('hex')}`
  const base = '/svc/'
  const caches: Cache[] = []
  const log: string[] = []
  const sockets = new Set<Socket>()
  const world = {
    mode: 'up' as CacheServiceMode,
    delayMs: 0,
    log,
    token,
    url: '',
    caches: (): StoredCache[] =>
      caches.map(({ id, key, version, complete, createdAt, size }) => ({
        id,
        key,
        version,
        complete,
        createdAt,
        size
      })),
    replaceArchive(key: string, bytes: Buffer): void {
      const cache = caches.find(c => c.key === key && c.complete)
      if (!cache) throw new Error(`no committed cache with key ${key}`)
      cache.archive = bytes
      cache.size = bytes.length
    },
    close: async (): Promise<void> => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }

  const route = async (req: http.IncomingMessage, url: URL): Promise<Reply> => {
    if (world.mode === 'down') return json(500, { message: 'cache service is down (test switch)' })
    if (!url.pathname.startsWith(base)) return json(404, { message: `no route ${url.pathname}` })
    const path = url.pathname.slice(base.length)
    if (req.method === 'GET' && path.startsWith('archives/')) return serveArchive(caches, path, url)
    if (!path.startsWith(API)) return json(404, { message: `no route ${url.pathname}` })
    if (req.headers.authorization !== `Bearer ${token}`)
      return json(401, { message: 'bad or missing bearer token' })
    if (req.headers.accept !== ACCEPT) return json(400, { message: `Accept must be ${ACCEPT}` })
    const resource = path.slice(API.length)
    const body = await readBody(req)
    const id = /^caches\/(\d+)$/.exec(resource)?.[1]
    if (req.method === 'GET' && resource === 'cache') return lookup(caches, url, world.url)
    if (req.method === 'GET' && resource === 'caches') return list(caches, url)
    if (req.method === 'POST' && resource === 'caches') return reserve(caches, body)
    if (req.method === 'PATCH' && id) return uploadChunk(caches, Number(id), req, body)
    if (req.method === 'POST' && id) return commit(caches, Number(id), body)
    return json(404, { message: `no route ${req.method} ${url.pathname}` })
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://cache-service')
    if (world.mode === 'hang') {
      // Reads the request, so the client is left waiting for an answer, not for a write.
      req.resume()
      log.push(`${req.method} ${url.pathname.slice(base.length)} hung`)
      return
    }
    route(req, url)
      .catch(err => json(500, { message: String(err) }))
      .then(async reply => {
        // Unref'd: a client that gave up (a process that exited) must not keep the tests running.
        if (world.delayMs > 0)
          await new Promise(resolve => setTimeout(resolve, world.delayMs).unref())
        log.push(`${req.method} ${url.pathname.slice(base.length)} ${reply.status}`)
        res.writeHead(reply.status, {
          'content-type': reply.type,
          'content-length': reply.body.length
        })
        res.end(reply.body)
      })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  world.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`
  return world
}

interface Reply {
  status: number
  type: string
  body: Buffer
}

function json(status: number, value?: unknown): Reply {
  const body = value === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(value))
  return { status, type: 'application/json; charset=utf-8', body }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

// Each key in order: an exact match first, then the newest entry the key is a prefix of.
function lookup(caches: Cache[], url: URL, base: string): Reply {
  const keys = (url.searchParams.get('keys') ?? '').split(',')
  const version = url.searchParams.get('version')
  // Ids grow with each reservation: the highest is the newest.
  const usable = caches.filter(c => c.complete && c.version === version).sort((a, b) => b.id - a.id)
  for (const key of keys) {
    const hit = usable.find(c => c.key === key) ?? usable.find(c => c.key.startsWith(key))
    if (hit) {
      return json(200, {
        cacheKey: hit.key,
        scope: 'refs/heads/main',
        cacheVersion: hit.version,
        creationTime: new Date(hit.createdAt).toISOString(),
        archiveLocation: `${base}archives/${hit.id}?sig=${hit.signature}`
      })
    }
  }
  return json(204)
}

function list(caches: Cache[], url: URL): Reply {
  const key = url.searchParams.get('key') ?? ''
  const matching = caches.filter(c => c.complete && c.key === key)
  return json(200, {
    totalCount: matching.length,
    artifactCaches: matching.map(c => ({
      cacheKey: c.key,
      cacheVersion: c.version,
      scope: 'refs/heads/main'
    }))
  })
}

function reserve(caches: Cache[], body: Buffer): Reply {
  const { key, version } = JSON.parse(body.toString('utf8')) as { key?: unknown; version?: unknown }
  if (typeof key !== 'string' || typeof version !== 'string')
    return json(400, { message: 'key and version required' })
  if (caches.some(c => c.key === key && c.version === version)) {
    return json(409, {
      $id: '1',
      innerException: null,
      message: `Cache already exists. Scope: refs/heads/main, Key: ${key}, Version: ${version}`,
      typeName:
        'Microsoft.Azure.DevOps.PipelineCache.WebApi.ArtifactCacheAlreadyExistsException, Microsoft.Azure.DevOps.PipelineCache.WebApi',
      typeKey: 'ArtifactCacheAlreadyExistsException',
      errorCode: 0,
      eventId: 3000
    })
  }
  const id = caches.length + 1
  const signature = randomBytes(8).toString('hex')
  caches.push({
    id,
    key,
    version,
    complete: false,
    createdAt: Date.now(),
    size: 0,
    chunks: [],
    signature
  })
  return json(201, { cacheId: id })
}

function uploadChunk(caches: Cache[], id: number, req: http.IncomingMessage, body: Buffer): Reply {
  const cache = caches.find(c => c.id === id)
  if (!cache || cache.complete) return json(400, { message: `cache ${id} is not reserved` })
  const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '')
  if (!range) return json(400, { message: `bad Content-Range ${req.headers['content-range']}` })
  const [start, end] = [Number(range[1]), Number(range[2])]
  if (end - start + 1 !== body.length)
    return json(400, { message: `Content-Range ${range[0]} but ${body.length} bytes` })
  cache.chunks.push({ start, bytes: body })
  return json(204)
}

function commit(caches: Cache[], id: number, body: Buffer): Reply {
  const cache = caches.find(c => c.id === id)
  if (!cache || cache.complete) return json(400, { message: `cache ${id} is not reserved` })
  const { size } = JSON.parse(body.toString('utf8')) as { size?: unknown }
  const archive = Buffer.alloc(typeof size === 'number' ? size : 0)
  let covered = 0
  for (const chunk of [...cache.chunks].sort((a, b) => a.start - b.start)) {
    if (chunk.start !== covered)
      return json(400, { message: `chunks leave a gap at byte ${covered}` })
    chunk.bytes.copy(archive, chunk.start)
    covered += chunk.bytes.length
  }
  if (covered !== size)
    return json(400, { message: `commit size ${size} but ${covered} bytes uploaded` })
  Object.assign(cache, { complete: true, size, archive, chunks: [] })
  return json(204)
}

function serveArchive(caches: Cache[], path: string, url: URL): Reply {
  const cache = caches.find(c => `archives/${c.id}` === path)
  if (!cache?.archive || url.searchParams.get('sig') !== cache.signature)
    return json(404, { message: 'no such archive' })
  return { status: 200, type: 'application/octet-stream', body: cache.archive }
}

/** A URL on which nothing listens (connection refused), with the trailing slash. */
export async function refusedCacheUrl(): Promise<string> {
  const server = http.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>(resolve => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/svc/`
}

/**
 * Points @actions/cache at `url` the way a runner would, for the v1 protocol; returns a function
 * that puts the environment back. RUNNER_TEMP holds the library's archives, GITHUB_WORKSPACE is
 * where tar resolves the (relative) cached paths.
 */
export function useCacheServiceEnv(o: {
  url: string
  token: string
  runnerTemp: string
  workspace: string
  /** Upload chunk size in MiB (the library's unit); fractions give small chunks. */
  chunkSizeMiB?: number
}): () => void {
  const wanted: Record<string, string | undefined> = {
    ACTIONS_CACHE_URL: o.url,
    ACTIONS_RUNTIME_TOKEN: o.token,
    RUNNER_TEMP: o.runnerTemp,
    GITHUB_WORKSPACE: o.workspace,
    // v2 (twirp) is chosen when this is set, unless GITHUB_SERVER_URL names a GHES host.
    ACTIONS_CACHE_SERVICE_V2: undefined,
    ACTIONS_RESULTS_URL: undefined,
    GITHUB_SERVER_URL: undefined,
    // 'none'/'read' etc. would skip saves or restores.
    ACTIONS_CACHE_MODE: undefined,
    // Debug mode adds a list request on misses and a `tar -t` of each archive.
    RUNNER_DEBUG: undefined,
    // Set but empty, these parse as 0: a chunk size of 0 never ends the upload loop.
    CACHE_UPLOAD_CONCURRENCY: undefined,
    CACHE_UPLOAD_CHUNK_SIZE: o.chunkSizeMiB === undefined ? undefined : String(o.chunkSizeMiB)
  }
  return useEnvVars(wanted)
}

/** Sets (or, for undefined, deletes) these variables; returns a function that puts them back. */
export function useEnvVars(wanted: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(wanted).map(name => [name, process.env[name]]))
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  apply(wanted)
  return () => apply(saved)
}
