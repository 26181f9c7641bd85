/**
 * The test world's checksum database: a real Go sumdb server (x/mod sumdb/server.go's protocol)
 * over an in-memory log of module records, signed with a key made for the world, with injected
 * faults. It answers directly on its own URL (GOSUMDB="<key> <url>") and through any proxy
 * persona that hands it `/sumdb/<name>/…` requests (GOSUMDB="<key>").
 */
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { unescapePath, unescapeVersion } from '../../src/xmod/module.js'
import { generateSignerKey } from '../../src/xmod/sumdb/note.js'
import type { ModuleVersion } from './modules.js'
import {
  recordFor,
  tileFault,
  tileFor,
  treeNoteFor,
  type DatabaseKeys,
  type SumdbFault
} from './sumdb-faults.js'
import { MemoryLog, moduleRecord } from './sumdb-log.js'

export type { SumdbFault } from './sumdb-faults.js'

export interface SumdbWorld {
  /** The database name, a valid sumdb name (host[/path]). */
  name: string
  /** Go's verifier key, for GOSUMDB="<verifierKey> <url>" or GOSUMDB="<verifierKey>". */
  verifierKey: string
  /** http://127.0.0.1:PORT: serves /lookup/…, /tile/…, /latest; /supported is 404 here. */
  url: string
  /**
   * For a proxy persona that proxies this database (`persona.sumdb = world.viaProxy`): `rest` is
   * the path after `/sumdb/`. `<name>/supported` answers 200, `<name>/…` the database; any other
   * name 404.
   */
  viaProxy(rest: string, res: http.ServerResponse): void
  setFault(fault: SumdbFault): void
  /**
   * Keeps answering with the tree signed now while the log grows (as a database does between
   * publishing tree notes): /latest and lookups carry its note, a lookup of a later record 404s,
   * and tiles come from the grown log.
   */
  freezeTree(): void
  /** Appends a record per module version, in order. */
  add(modules: ModuleVersion[]): void
  /** Requests received (directly and through proxies) since the start or `resetCounts`. */
  requests(): number
  resetCounts(): void
  /** Request paths in arrival order: `/lookup/…` when direct, `/sumdb/<name>/lookup/…` via a proxy. */
  requestedPaths(): string[]
  close(): Promise<void>
}

interface Reply {
  status: number
  type: string
  body: Buffer
}

const DEFAULT_NAME = 'sum.test.example'
const DEFAULT_DELAY_MS = 1500
const TEXT = 'text/plain; charset=UTF-8'
// x/mod sumdb server.go: what a lookup path must look like before it is unescaped.
const MODULE_AT_VERSION = /^[^@]+@v[0-9]+\.[0-9]+\.[0-9]+(-[^@]*)?(\+incompatible)?$/
// Stands in for a record that no real module has: the first record of the forked log.
const FORK_MARKER = Buffer.from(
  'example.invalid/forked v0.0.1 h1:Zm9ya2VkIHRyZWU6IHRoaXMgcmVjb3JkIGlzIG5vdCByZWFs\n'
)

function text(status: number, message: string): Reply {
  return { status, type: TEXT, body: Buffer.from(`${message}\n`) }
}

/** What the database answers, path by path, under the current fault. */
class Database {
  fault: SumdbFault = 'healthy'
  readonly log: MemoryLog
  private honestLookups = 0
  private fork?: MemoryLog
  frozen?: { size: number; note: Buffer }

  constructor(private readonly keys: DatabaseKeys) {
    this.log = new MemoryLog(keys.signer)
  }

  answer(path: string): Reply {
    if (this.fault === 'status-500') return text(500, 'internal server error (test fault)')
    const log = this.currentLog()
    if (path === '/latest') return { status: 200, type: TEXT, body: this.note(log) }
    if (path.startsWith('/lookup/')) return this.lookup(log, path.slice('/lookup/'.length))
    if (path.startsWith('/tile/')) return this.tile(log, path.slice(1))
    return text(404, 'not found')
  }

  // Under `fork`, once any lookup has been answered honestly (so a client may hold the honest
  // tree), every request sees a log one record larger that does not extend the honest one.
  private currentLog(): MemoryLog {
    if (this.fault !== 'fork' || this.honestLookups === 0) return this.log
    if (this.fork?.size !== this.log.size + 1) this.fork = this.log.forkWith(FORK_MARKER)
    return this.fork
  }

  private note(log: MemoryLog): Buffer {
    if (this.frozen) return this.frozen.note
    return treeNoteFor(this.fault, log, this.keys)
  }

  private lookup(log: MemoryLog, target: string): Reply {
    if (!MODULE_AT_VERSION.test(target)) return text(400, 'invalid module@version syntax')
    const at = target.indexOf('@')
    let found: ReturnType<MemoryLog['lookup']>
    try {
      found = log.lookup(unescapePath(target.slice(0, at)), unescapeVersion(target.slice(at + 1)))
    } catch (err) {
      return text(400, (err as Error).message)
    }
    if (!found || this.fault === 'not-found') return text(404, 'not found')
    if (this.frozen && found.id >= this.frozen.size) return text(404, 'not found (not yet)')
    if (log === this.log) this.honestLookups++
    const record = recordFor(this.fault, found.record)
    const body = Buffer.concat([
      Buffer.from(`${found.id}\n`),
      record,
      Buffer.from('\n'),
      this.note(log)
    ])
    return { status: 200, type: TEXT, body }
  }

  private tile(log: MemoryLog, path: string): Reply {
    let data: Buffer | undefined
    try {
      const bent = tileFault(this.fault, path, log)
      if (typeof bent === 'number') return text(bent, `tile refused (test fault ${this.fault})`)
      data = bent ?? log.tile(path)
    } catch {
      return text(400, 'invalid tile syntax')
    }
    if (!data) return text(404, 'not found')
    const type = path.includes('/data/') ? TEXT : 'application/octet-stream'
    return { status: 200, type, body: tileFor(this.fault, data) }
  }
}

/** Each %XX decoded per path element, as Go's server sees the path; undefined if malformed. */
function decodePath(raw: string): string | undefined {
  try {
    return raw.split('/').map(decodeURIComponent).join('/')
  } catch {
    return undefined
  }
}

export interface SumdbOptions {
  name?: string
  delayMs?: number
  /** The record the log keeps for a module version; by default its two go.sum lines. */
  recordOf?: (m: ModuleVersion) => Buffer
}

export async function startSumdb(
  modules: ModuleVersion[],
  opts: SumdbOptions = {}
): Promise<SumdbWorld> {
  const name = opts.name ?? DEFAULT_NAME
  const { signer, verifierKey } = generateSignerKey(name)
  const db = new Database({ signer, other: generateSignerKey(name).signer })
  const recordOf = opts.recordOf ?? moduleRecord
  const add = (more: ModuleVersion[]): void => {
    for (const m of more) db.log.append(recordOf(m), `${m.path}@${m.version}`)
  }
  add(modules)
  const paths: string[] = []
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()

  const send = (res: http.ServerResponse, reply: Reply): void => {
    if (res.destroyed) return
    res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': reply.body.length })
    res.end(reply.body)
  }
  // `path` is relative to the database root; `seen` is how the request arrived.
  const serve = (path: string, seen: string, res: http.ServerResponse): void => {
    paths.push(seen)
    if (db.fault === 'hang') return
    if (db.fault !== 'slow') return send(res, db.answer(path))
    const timer = setTimeout(() => {
      timers.delete(timer)
      send(res, db.answer(path))
    }, opts.delayMs ?? DEFAULT_DELAY_MS)
    timers.add(timer)
  }

  const server = http.createServer((req, res) => {
    const raw = new URL(req.url ?? '/', 'http://sumdb').pathname
    const path = decodePath(raw)
    if (path === undefined) {
      paths.push(raw)
      return send(res, text(400, 'malformed path escape'))
    }
    serve(path, path, res)
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))

  return {
    name,
    verifierKey,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    viaProxy(rest, res) {
      const seen = `/sumdb/${rest}`
      if (rest === `${name}/supported`) {
        paths.push(seen)
        return send(res, { status: 200, type: TEXT, body: Buffer.alloc(0) })
      }
      if (!rest.startsWith(`${name}/`)) {
        paths.push(seen)
        return send(res, text(404, 'not found'))
      }
      serve(rest.slice(name.length), seen, res)
    },
    setFault: fault => void (db.fault = fault),
    freezeTree: () => void (db.frozen = { size: db.log.size, note: db.log.signedTree() }),
    add,
    requests: () => paths.length,
    resetCounts: () => void paths.splice(0),
    requestedPaths: () => [...paths],
    close: () =>
      new Promise<void>(resolve => {
        for (const timer of timers) clearTimeout(timer)
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
