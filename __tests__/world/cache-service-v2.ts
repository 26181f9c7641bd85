/**
 * The test world's GitHub Actions cache service, v2: the protocol github.com's hosted and
 * self-hosted runners speak, which @actions/cache 6.3.0 picks when ACTIONS_CACHE_SERVICE_V2 is set
 * and GITHUB_SERVER_URL is github.com (or unset). Twirp JSON calls, always at the root of
 * ACTIONS_RESULTS_URL (the library resolves `/twirp/…` against it), with the runtime token as
 * bearer (the library only passes it on; it does not read its claims):
 *   POST /twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL
 *        {key, restore_keys, version} → {ok, signed_download_url, matched_key}; ok:false is a miss
 *   POST …/CreateCacheEntry {key, version} → {ok, signed_upload_url}, or HTTP 409
 *        {code: "already_exists", msg} when the key and version exist (even unfinished), as
 *        github.com answers; the library logs "Failed to save: Unable to reserve cache with key …,
 *        another job may be creating this cache." (info) and saveCache returns -1
 *   POST …/FinalizeCacheEntryUpload {key, version, size_bytes} → {ok, entry_id}
 * Archives live in Azurite behind SAS URLs. The library uploads with @azure/storage-blob (one Put
 * Blob below 128 MiB) and downloads with its own HTTP client unless the host is
 * *.blob.core.windows.net, where it would use the SDK. Lookups match each key in order, exactly
 * and then as a prefix of the newest entry, within the same version.
 */
import * as http from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo, Socket } from 'node:net'
import {
  BlobSASPermissions,
  ContainerClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential
} from '@azure/storage-blob'
import type { Azurite } from './azurite.js'
import { useEnvVars } from './cache-service.js'

export interface StoredEntry {
  id: number
  key: string
  version: string
  finalized: boolean
  sizeBytes?: number
}

/**
 * Where a signed URL sends the library: Azurite; Azurite with a signature made with the wrong key
 * (it answers 403 AuthenticationFailed, as for an expired SAS); or another origin (a broken store).
 */
export type BlobRoute = 'azurite' | 'forged' | { origin: string }

export interface CacheServiceV2World {
  /** ACTIONS_RESULTS_URL, with the trailing slash. */
  readonly url: string
  /** JWT-shaped, as the runner's ACTIONS_RUNTIME_TOKEN is. */
  readonly token: string
  /** The variables a runner sets for the v2 service. */
  readonly env: Record<string, string>
  downloads: BlobRoute
  uploads: BlobRoute
  /** Every call as `Method status`, plus ` hit`/` miss` for lookups, in arrival order. */
  readonly log: string[]
  entries(): StoredEntry[]
  close(): Promise<void>
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/'
const CONTAINER = 'actions-cache'
const SAS_LIFETIME_MS = 3_600_000

interface Entry extends StoredEntry {
  blob: string
}

interface Reply {
  status: number
  body: unknown
}

type Calls = Record<string, (body: Record<string, unknown>) => Promise<Reply> | Reply>

export async function startCacheServiceV2(azurite: Azurite): Promise<CacheServiceV2World> {
  const blobs = await blobSigner(azurite)
  const token = runtimeToken()
  const entries: Entry[] = []
  const log: string[] = []
  const sockets = new Set<Socket>()
  const routes = { downloads: 'azurite' as BlobRoute, uploads: 'azurite' as BlobRoute }
  const calls = twirpCalls(entries, blobs, routes)

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://results').pathname
    const method = path.startsWith(SERVICE) ? path.slice(SERVICE.length) : path
    answer(req, method, calls, token)
      .catch(err => twirpError(500, 'internal', String(err)))
      .then(reply => {
        const found = (reply.body as { ok?: boolean }).ok
        const outcome = method === 'GetCacheEntryDownloadURL' && reply.status === 200
        log.push(`${method} ${reply.status}${outcome ? (found ? ' hit' : ' miss') : ''}`)
        const text = JSON.stringify(reply.body)
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text)
        })
        res.end(text)
      })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const env = {
    ACTIONS_CACHE_SERVICE_V2: 'True',
    ACTIONS_RESULTS_URL: url,
    ACTIONS_RUNTIME_TOKEN: token
  }
  return Object.assign(routes, {
    url,
    token,
    env,
    log,
    entries: () => entries.map(({ blob: _blob, ...entry }) => ({ ...entry })),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  })
}

async function answer(
  req: http.IncomingMessage,
  method: string,
  calls: Calls,
  token: string
): Promise<Reply> {
  const body = await readBody(req)
  if (req.method !== 'POST' || !Object.hasOwn(calls, method))
    return twirpError(404, 'bad_route', `no route ${req.method} ${req.url}`)
  if (req.headers.authorization !== `Bearer ${token}`)
    return twirpError(401, 'unauthenticated', 'bad or missing bearer token')
  if (req.headers['content-type'] !== 'application/json')
    return twirpError(404, 'bad_route', 'only the JSON protocol is served')
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>
  } catch {
    return twirpError(400, 'malformed', 'the body is not JSON')
  }
  return calls[method](parsed)
}

function twirpCalls(
  entries: Entry[],
  blobs: BlobSigner,
  routes: { downloads: BlobRoute; uploads: BlobRoute }
): Calls {
  return {
    GetCacheEntryDownloadURL: body => {
      const hit = lookup(entries, body)
      if (!hit) return ok({ ok: false, signed_download_url: '', matched_key: '' })
      const url = blobs.signedUrl(hit.blob, 'r', routes.downloads)
      return ok({ ok: true, signed_download_url: url, matched_key: hit.key })
    },
    CreateCacheEntry: body => {
      const { key, version } = body
      if (typeof key !== 'string' || typeof version !== 'string' || !key || !version)
        return twirpError(400, 'invalid_argument', 'key and version are required')
      if (entries.some(e => e.key === key && e.version === version))
        return twirpError(
          409,
          'already_exists',
          'cache entry with the same key, version, and scope already exists'
        )
      const id = entries.length + 1
      const entry = { id, key, version, finalized: false, blob: `${id}-${randomHex()}` }
      entries.push(entry)
      return ok({ ok: true, signed_upload_url: blobs.signedUrl(entry.blob, 'cw', routes.uploads) })
    },
    FinalizeCacheEntryUpload: async body => {
      const entry = entries.find(
        e => e.key === body.key && e.version === body.version && !e.finalized
      )
      if (!entry)
        return twirpError(404, 'not_found', 'no cache entry is being uploaded for this key')
      const size = await blobs.size(entry.blob)
      if (size === undefined || String(size) !== String(body.size_bytes))
        return ok({ ok: false, message: `the uploaded blob has ${size ?? 'no'} bytes` })
      Object.assign(entry, { finalized: true, sizeBytes: size })
      return ok({ ok: true, entry_id: String(entry.id) })
    }
  }
}

interface BlobSigner {
  signedUrl(blob: string, permissions: string, route: BlobRoute): string
  /** The blob's size as Azurite holds it; undefined when there is no such blob. */
  size(blob: string): Promise<number | undefined>
}

/** SAS URLs into one Azurite container, signed as the real service signs them: for one blob. */
async function blobSigner(azurite: Azurite): Promise<BlobSigner> {
  const credential = new StorageSharedKeyCredential(azurite.account, azurite.accountKey)
  const forged = new StorageSharedKeyCredential(azurite.account, randomBytes(64).toString('base64'))
  const container = new ContainerClient(`${azurite.endpoint}/${CONTAINER}`, credential)
  await container.createIfNotExists()
  return {
    signedUrl(blob, permissions, route) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: CONTAINER,
          blobName: blob,
          permissions: BlobSASPermissions.parse(permissions),
          expiresOn: new Date(Date.now() + SAS_LIFETIME_MS)
        },
        route === 'forged' ? forged : credential
      )
      const url = new URL(`${container.url}/${blob}?${sas.toString()}`)
      if (typeof route === 'object') url.host = new URL(route.origin).host
      return url.href
    },
    async size(blob) {
      try {
        return (await container.getBlobClient(blob).getProperties()).contentLength
      } catch {
        return undefined
      }
    }
  }
}

/** Each key in order: an exact match first, then the newest entry the key is a prefix of. */
function lookup(entries: Entry[], body: Record<string, unknown>): Entry | undefined {
  const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys : []
  const keys = [body.key, ...restoreKeys].filter((k): k is string => typeof k === 'string')
  // Ids grow with each creation: the highest is the newest.
  const usable = entries
    .filter(e => e.finalized && e.version === body.version)
    .sort((a, b) => b.id - a.id)
  for (const key of keys) {
    const hit = usable.find(e => e.key === key) ?? usable.find(e => e.key.startsWith(key))
    if (hit) return hit
  }
  return undefined
}

const ok = (body: unknown): Reply => ({ status: 200, body })
const twirpError = (status: number, code: string, msg: string): Reply => ({
  status,
  body: { code, msg }
})
const randomHex = (): string => randomBytes(8).toString('hex')

/** An unsigned token shaped like the runner's: header.claims.signature, base64url. */
function runtimeToken(): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const claims = { scp: 'Actions.Results:run-1:job-1', exp: Math.floor(Date.now() / 1000) + 3600 }
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.${randomHex()}`
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * Points @actions/cache at the v2 service the way a github.com runner does; returns a function
 * that puts the environment back. ACTIONS_CACHE_URL stays unset: v2 needs only the results URL.
 */
export function useCacheServiceV2Env(
  world: CacheServiceV2World,
  o: { runnerTemp: string; workspace: string }
): () => void {
  return useEnvVars({
    ...world.env,
    ACTIONS_CACHE_URL: undefined,
    RUNNER_TEMP: o.runnerTemp,
    GITHUB_WORKSPACE: o.workspace,
    // A GHES host here would make the library fall back to v1.
    GITHUB_SERVER_URL: undefined,
    ACTIONS_CACHE_MODE: undefined,
    RUNNER_DEBUG: undefined
  })
}
