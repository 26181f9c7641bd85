/**
 * The exact request paths built from a GOPROXY or GOSUMDB URL whose path has doubled slashes. The
 * go command joins a module file's path with path.Join (modfetch's proxyRepo: `https://h//x`
 * asks `/x/…`) but a checksum-database path with cmd/go/internal/web's Join (`//x/sumdb/…`, and
 * `/db//lookup/…` for a database at `/db//`). A server may answer only the form Go asks, so the
 * action must ask the same: both clients run against one recording front, which serves either
 * form, and the paths each asked are compared.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../world/sumdb-server.js'
import { main } from '../../src/cli/main.js'

const MODULE = 'example.com/hello@v1.0.0'

let world: ProxyWorld
let db: SumdbWorld
let front: http.Server
let port: number
let home: string
/** Raw request targets the front received, in order. */
const asked: string[] = []

beforeAll(async () => {
  const modules = await standardModules()
  db = await startSumdb(modules)
  world = await startProxyWorld(modules, [{ name: 'healthy', fault: 'healthy' }])
  home = await mkdtemp(join(tmpdir(), 'vgp-url-join-'))
  // Any run of slashes is one here: the front serves both forms, and records which was asked.
  front = http.createServer((req, res) => {
    asked.push(req.url ?? '')
    const path = (req.url ?? '').replace(/\/{2,}/g, '/')
    if (path.startsWith('/x/sumdb/')) return db.viaProxy(path.slice('/x/sumdb/'.length), res)
    if (path.startsWith('/db/')) return db.viaProxy(`${db.name}/${path.slice('/db/'.length)}`, res)
    if (!path.startsWith('/x/')) return void res.writeHead(404).end('not found')
    http.get(`${world.url('healthy')}${path.slice(2)}`, up => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
  })
  await new Promise<void>(resolve => front.listen(0, '127.0.0.1', resolve))
  port = (front.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise(resolve => front.close(resolve))
  await Promise.all([world.close(), db.close()])
  await rm(home, { recursive: true, force: true })
})

const proxy = () => `http://127.0.0.1:${port}//x`
// [case, GOSUMDB, the prefix Go gives module files, the prefix Go gives the database's requests]
const cases: [string, () => string, string, string][] = [
  ['the database through the proxy', () => db.verifierKey, '/x/', '//x/sumdb/'],
  [
    'a database URL ending in //',
    () => `${db.verifierKey} http://127.0.0.1:${port}/db//`,
    '/x/',
    '/db//'
  ]
]

/** The paths `run` asked, split into module files and database requests. */
async function pathsOf(run: () => Promise<unknown>): Promise<{ files: string[]; db: string[] }> {
  const from = asked.length
  await run()
  const all = asked.slice(from)
  const isDb = (p: string) => /\/sumdb\/|\/lookup\/|\/tile\//.test(p)
  return { files: all.filter(p => !isDb(p)), db: all.filter(isDb) }
}

describe('request paths from a URL with doubled slashes', () => {
  it.each(cases)('%s: the action asks as Go does', async (_name, gosumdb, filePrefix, dbPrefix) => {
    const argv = ['--proxies', proxy(), '--gosumdb', gosumdb(), '--probe-modules', MODULE]
    const quiet = { stdout: () => undefined, stderr: () => undefined }
    const env = { PATH: process.env.PATH ?? '', HOME: home, GOENV: 'off' }
    const paths = await pathsOf(() => main([...argv, '--cache', 'false'], env, quiet))
    expect(paths.files.length).toBeGreaterThan(0)
    expect(paths.db.length).toBeGreaterThan(0)
    for (const p of paths.files) expect(p.startsWith(filePrefix)).toBe(true)
    for (const p of paths.db) expect(p.startsWith(dbPrefix)).toBe(true)
  })

  for (const [name, gosumdb, filePrefix, dbPrefix] of cases) {
    itWithGo(`${name}: the go command asks so`, async () => {
      const cwd = await mkdtemp(join(home, 'go-'))
      const paths = await pathsOf(async () => {
        const go = await runGo(['mod', 'download', '-json', MODULE], {
          cwd,
          env: { GOPROXY: proxy(), GOSUMDB: gosumdb() }
        })
        expect(go.code).toBe(0)
      })
      expect(paths.db.length).toBeGreaterThan(0)
      for (const p of paths.files) expect(p.startsWith(filePrefix)).toBe(true)
      for (const p of paths.db) expect(p.startsWith(dbPrefix)).toBe(true)
    })
  }
})
