// The test world's modules: real module zips (built with yazl the way the go command lays them
// out), their go.mod, .info and h1: hashes, for the test proxies and checksum database.
import yazl from 'yazl'
import { hash1, hashGoMod } from '../../src/xmod/sumdb/dirhash.js'

export interface ModuleVersion {
  path: string
  version: string
  /** RFC 3339, as in the .info file. */
  time: string
  /** The .mod file a proxy serves. */
  goMod: Buffer
  /** The module zip; every entry is named `<path>@<version>/<file>`. */
  zip: Buffer
  /** The .info file: JSON {"Version","Time"}. */
  info: Buffer
  /** go.sum hash of goMod, recorded under `<version>/go.mod`. */
  modHash: string
  /** go.sum hash of the zip's content. */
  zipHash: string
}

export interface BuildOptions {
  time?: string
  /** The .mod content; defaults to `module <path>\n\ngo 1.21\n`. */
  goMod?: string
}

const DEFAULT_TIME = '2024-01-02T03:04:05Z'

/**
 * Builds one module version. The zip holds `files` plus a root go.mod equal to the .mod content,
 * unless `files` has its own "go.mod" (useful to serve a zip whose go.mod differs from the .mod).
 * Entries are written in name order with a fixed mtime, so the bytes are the same on every run.
 */
export async function buildModule(
  path: string,
  version: string,
  files: Record<string, string | Buffer>,
  opts: BuildOptions = {}
): Promise<ModuleVersion> {
  const time = opts.time ?? DEFAULT_TIME
  const goMod = Buffer.from(opts.goMod ?? `module ${path}\n\ngo 1.21\n`)
  const contents = new Map<string, Buffer>([['go.mod', goMod]])
  for (const [name, data] of Object.entries(files)) contents.set(name, Buffer.from(data))

  const prefix = `${path}@${version}/`
  const entries = [...contents]
    .map(([name, data]) => ({ name: prefix + name, data }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
  return {
    path,
    version,
    time,
    goMod,
    zip: await zipEntries(entries, new Date(time)),
    info: Buffer.from(JSON.stringify({ Version: version, Time: time })),
    modHash: hashGoMod(goMod),
    zipHash: hash1(entries)
  }
}

/** Writes the entries, in the given order, into a zip with every mtime set to `mtime`. */
export async function zipEntries(
  entries: readonly { name: string; data: Buffer }[],
  mtime: Date
): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const { name, data } of entries) zip.addBuffer(data, name, { mtime, mode: 0o644 })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** A small fixed set of modules: several versions of one path, an upper-case path, nested dirs. */
export function standardModules(): Promise<ModuleVersion[]> {
  return Promise.all([
    buildModule(
      'example.com/hello',
      'v1.0.0',
      { 'hello.go': 'package hello\n\nfunc Hello() string { return "hello" }\n' },
      { time: '2024-01-01T00:00:00Z' }
    ),
    buildModule(
      'example.com/hello',
      'v1.1.0',
      {
        'hello.go': 'package hello\n\nfunc Hello() string { return "hello, world" }\n',
        LICENSE: 'Test fixture; no rights reserved.\n'
      },
      { time: '2024-02-01T00:00:00Z' }
    ),
    buildModule(
      'example.com/Upper/Case',
      'v0.1.0',
      { 'case.go': 'package mixedcase\n', 'sub/dir/deep.go': 'package dir\n' },
      { time: '2024-03-01T00:00:00Z' }
    ),
    buildModule(
      'rsc.io/quote',
      'v1.5.2',
      { 'quote.go': 'package quote\n\nfunc Go() string { return "Go is fun." }\n' },
      { time: '2018-02-14T15:44:20Z' }
    ),
    buildModule(
      'golang.org/x/sys',
      'v0.30.0',
      { 'unix/unix.go': 'package unix\n', 'windows/windows.go': 'package windows\n' },
      { time: '2025-02-01T00:00:00Z', goMod: 'module golang.org/x/sys\n\ngo 1.18\n' }
    )
  ])
}

/** The go.sum lines for the modules: the zip hash, then the go.mod hash, as a go.sum has them. */
export function goSumLines(mods: readonly ModuleVersion[]): string {
  return mods
    .map(m => `${m.path} ${m.version} ${m.zipHash}\n${m.path} ${m.version}/go.mod ${m.modHash}\n`)
    .join('')
}

/** Go's case-encoding for proxy URLs and cache paths: each upper-case letter becomes "!" + lower. */
export function escapeForProxy(pathOrVersion: string): string {
  return pathOrVersion.replace(/[A-Z]/g, c => '!' + c.toLowerCase())
}

/**
 * The files of a GOPROXY tree serving `mods` (relative path → content): `<path>/@v/list` plus the
 * .info, .mod and .zip of each version, with paths and versions escaped as the go command asks.
 */
export function proxyTree(mods: readonly ModuleVersion[]): Map<string, Buffer> {
  const tree = new Map<string, Buffer>()
  const versions = new Map<string, string[]>()
  for (const m of mods) {
    const base = `${escapeForProxy(m.path)}/@v/${escapeForProxy(m.version)}`
    tree.set(`${base}.info`, m.info)
    tree.set(`${base}.mod`, m.goMod)
    tree.set(`${base}.zip`, m.zip)
    versions.set(m.path, [...(versions.get(m.path) ?? []), m.version])
  }
  for (const [path, list] of versions) {
    tree.set(`${escapeForProxy(path)}/@v/list`, Buffer.from(list.map(v => v + '\n').join('')))
  }
  return tree
}
