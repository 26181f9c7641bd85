// The test world's checksum database at the HTTP level, checked with our own note/tlog code (no
// go command needed): what it serves, how it routes through proxies, what each fault changes,
// and the tampered module copies.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { escapePath, escapeVersion } from '../../src/xmod/module.js'
import { hashGoMod } from '../../src/xmod/sumdb/dirhash.js'
import { GO_ZIP_LIMITS, checkModuleZip } from '../../src/xmod/zip.js'
import { openNote, parseTreeNote, parseVerifierKey } from '../../src/xmod/sumdb/note.js'
import type { Tree } from '../../src/xmod/sumdb/note.js'
import {
  parseLookup,
  tilePath,
  tilesForProof,
  verifyConsistency,
  verifyRecordsInTree
} from '../../src/xmod/sumdb/tlog.js'
import { buildModule, goSumLines, standardModules, type ModuleVersion } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'
import { startSumdb, type SumdbFault, type SumdbWorld } from '../world/sumdb-server.js'
import { tamperedCopy, tamperedServed } from '../world/tamper.js'

interface Fetched {
  status: number
  type: string | null
  body: Buffer
}

async function get(url: string, signal?: AbortSignal): Promise<Fetched> {
  const res = await fetch(url, { signal })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer())
  }
}

let modules: ModuleVersion[]
let db: SumdbWorld
let proxies: ProxyWorld

beforeAll(async () => {
  modules = await standardModules()
  db = await startSumdb(modules, { delayMs: 50 })
  proxies = await startProxyWorld(modules, [
    { name: 'proxied', fault: 'healthy', sumdb: db.viaProxy }
  ])
})

afterEach(() => db.setFault('healthy'))

afterAll(async () => {
  await proxies?.close()
  await db?.close()
})

/** Looks a module up and checks the answer as a client must; returns the signed tree. */
async function verifiedLookup(world: SumdbWorld, base: string, m: ModuleVersion): Promise<Tree> {
  const target = `${escapePath(m.path)}@${escapeVersion(m.version)}`
  const answer = parseLookup((await get(`${base}/lookup/${target}`)).body)
  const note = openNote(answer.note, parseVerifierKey(world.verifierKey))
  const tree = parseTreeNote(note.text)
  const tiles = new Map<string, Buffer>()
  for (const tile of tilesForProof(tree.size, [answer.id])) {
    tiles.set(tilePath(tile), (await get(`${base}/${tilePath(tile)}`)).body)
  }
  verifyRecordsInTree(tree, [{ id: answer.id, data: answer.record }], tiles)
  expect(answer.record.toString()).toBe(goSumLines([m]))
  return tree
}

async function lookupUnder(fault: SumdbFault): Promise<Tree> {
  db.setFault(fault)
  return verifiedLookup(db, db.url, modules[0])
}

describe('a healthy database', () => {
  it('answers lookups that our verifier accepts, record ids in the order given', async () => {
    const tree = await verifiedLookup(db, db.url, modules[2])
    expect(tree.size).toBe(modules.length)
    const answer = parseLookup(
      (await get(`${db.url}/lookup/example.com/%21upper/%21case@v0.1.0`)).body
    )
    expect(answer.id).toBe(2)
    const latest = await get(`${db.url}/latest`)
    expect(latest.body.equals(answer.note)).toBe(true)
  })

  it('answers 404 "not found" for an unknown module and 400 for a malformed target', async () => {
    expect(await get(`${db.url}/lookup/example.com/nope@v1.0.0`)).toEqual({
      status: 404,
      type: 'text/plain; charset=UTF-8',
      body: Buffer.from('not found\n')
    })
    expect((await get(`${db.url}/lookup/example.com/hello@latest`)).status).toBe(400)
    expect((await get(`${db.url}/lookup/example.com/Hello@v1.0.0`)).status).toBe(400)
    expect((await get(`${db.url}/tile/8/0/0`)).status).toBe(400)
    expect((await get(`${db.url}/supported`)).status).toBe(404)
  })

  it('serves data tiles as records each followed by a blank line', async () => {
    const tile = await get(`${db.url}/tile/8/data/000.p/5`)
    expect(tile.body.toString()).toBe(modules.map(m => `${goSumLines([m])}\n`).join(''))
  })

  it('serves the full tile once the log has grown past it, and its partial prefixes', async () => {
    const growing = await startSumdb(modules)
    try {
      const before = await verifiedLookup(growing, growing.url, modules[0])
      expect((await get(`${growing.url}/tile/8/0/000`)).status).toBe(404)
      expect((await get(`${growing.url}/tile/8/0/000.p/6`)).status).toBe(404)
      const partial = (await get(`${growing.url}/tile/8/0/000.p/5`)).body
      const fillers = await Promise.all(
        Array.from({ length: 260 }, (_, i) => buildModule(`example.com/f${i}`, 'v1.0.0', {}))
      )
      growing.add(fillers)
      const full = await get(`${growing.url}/tile/8/0/000`)
      expect(full.body.length).toBe(256 * 32)
      expect(full.body.subarray(0, partial.length).equals(partial)).toBe(true)
      const after = await verifiedLookup(growing, growing.url, fillers[259])
      const tiles = new Map<string, Buffer>()
      for (const tile of tilesForProof(after.size, [], before)) {
        tiles.set(tilePath(tile), (await get(`${growing.url}/${tilePath(tile)}`)).body)
      }
      expect(() => verifyConsistency(before, after, tiles)).not.toThrow()
    } finally {
      await growing.close()
    }
  })
})

describe('the database through a proxy persona', () => {
  it('answers /supported and the database paths for its own name only, and counts them', async () => {
    db.resetCounts()
    const base = `${proxies.url('proxied')}/sumdb/${db.name}`
    expect((await get(`${base}/supported`)).status).toBe(200)
    await verifiedLookup(db, base, modules[0])
    expect((await get(`${proxies.url('proxied')}/sumdb/sum.other.example/supported`)).status).toBe(
      404
    )
    expect(db.requestedPaths()).toEqual([
      `/sumdb/${db.name}/supported`,
      `/sumdb/${db.name}/lookup/example.com/hello@v1.0.0`,
      `/sumdb/${db.name}/tile/8/0/000.p/5`,
      '/sumdb/sum.other.example/supported'
    ])
    expect(db.requests()).toBe(4)
  })
})

describe('faults, as our verifier sees them', () => {
  it.each([
    ['bad-signature', 'invalid signature for key'],
    ['unknown-key', 'note has no verifiable signatures'],
    ['many-signatures', 'malformed note: more than 100 signatures'],
    ['missing-record', 'cannot authenticate record data in server response'],
    ['wrong-tile', 'downloaded inconsistent tile'],
    ['truncated-tile', 'has 144 bytes, want 160']
  ] as [SumdbFault, string][])('%s is rejected', async (fault, message) => {
    await expect(lookupUnder(fault)).rejects.toThrow(message)
  })

  it('status-500 answers everything with 500', async () => {
    db.setFault('status-500')
    expect((await get(`${db.url}/lookup/example.com/hello@v1.0.0`)).status).toBe(500)
    expect((await get(`${db.url}/tile/8/0/000.p/5`)).status).toBe(500)
  })

  it('not-found answers every lookup with 404 but still serves tiles', async () => {
    db.setFault('not-found')
    expect((await get(`${db.url}/lookup/example.com/hello@v1.0.0`)).status).toBe(404)
    expect((await get(`${db.url}/tile/8/0/000.p/5`)).status).toBe(200)
  })

  it('oversized-note adds about 10 MB of well-formed foreign signatures after ours', async () => {
    db.setFault('oversized-note')
    const latest = (await get(`${db.url}/latest`)).body
    expect(latest.length).toBeGreaterThan(10_000_000)
    await expect(lookupUnder('oversized-note')).resolves.toMatchObject({ size: modules.length })
  })

  it('fork serves, after a lookup, a larger tree that does not extend the honest one', async () => {
    const honest = await verifiedLookup(db, db.url, modules[0])
    db.setFault('fork')
    const forked = await verifiedLookup(db, db.url, modules[1])
    expect(forked.size).toBe(honest.size + 1)
    const tiles = new Map<string, Buffer>()
    for (const tile of tilesForProof(forked.size, [], honest)) {
      tiles.set(tilePath(tile), (await get(`${db.url}/${tilePath(tile)}`)).body)
    }
    expect(() => verifyConsistency(honest, forked, tiles)).toThrow(/^SECURITY ERROR\n/)
  })

  it('slow still answers; hang never does', async () => {
    db.setFault('slow')
    await expect(lookupUnder('slow')).resolves.toMatchObject({ size: modules.length })
    db.setFault('hang')
    await expect(get(`${db.url}/latest`, AbortSignal.timeout(300))).rejects.toThrow()
  })
})

describe('tampered copies', () => {
  it('change one byte of one file in a still valid zip, with the zip hash recomputed', async () => {
    const honest = modules[0]
    const copy = await tamperedCopy(honest, 'zip')
    expect([copy.path, copy.version, copy.goMod, copy.modHash]).toEqual([
      honest.path,
      honest.version,
      honest.goMod,
      honest.modHash
    ])
    const check = await checkModuleZip(copy.zip, copy.path, copy.version, GO_ZIP_LIMITS)
    expect(check).toMatchObject({ ok: true, problems: [], files: 2, h1: copy.zipHash })
    expect(copy.zipHash).not.toBe(honest.zipHash)
  })

  it('add a require line to the .mod and leave the zip alone', async () => {
    const honest = modules[0]
    const copy = await tamperedCopy(honest, 'mod')
    expect(copy.goMod.toString()).toBe(
      `${honest.goMod.toString()}\nrequire example.com/tampered v1.0.0\n`
    )
    expect(copy.modHash).toBe(hashGoMod(copy.goMod))
    expect([copy.zip, copy.zipHash]).toEqual([honest.zip, honest.zipHash])
  })

  it('index every module for a tampered persona', async () => {
    const served = await tamperedServed(modules, 'zip')
    const hello = served.byPath.get('example.com/hello') ?? []
    expect(hello.map(m => m.version)).toEqual(['v1.0.0', 'v1.1.0'])
    expect(hello[0].zipHash).toBe((await tamperedCopy(modules[0], 'zip')).zipHash)
    expect(served.byPath.get('example.com/!upper/!case')?.[0].path).toBe('example.com/Upper/Case')
  })
})
