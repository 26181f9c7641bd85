/** What a healthy Go module proxy answers, shared by every persona of the test world. */
import type * as http from 'node:http'
import { escapePath, escapeVersion } from '../../src/xmod/module.js'
import type { ModuleVersion } from './modules.js'

export interface Served {
  byPath: Map<string, ModuleVersion[]>
}

export function indexModules(modules: ModuleVersion[]): Served {
  const byPath = new Map<string, ModuleVersion[]>()
  for (const m of modules) {
    const key = escapePath(m.path)
    byPath.set(key, [...(byPath.get(key) ?? []), m])
  }
  return { byPath }
}

/** Resolves a proxy-protocol path to what a healthy proxy answers, or undefined for 404. */
export function protocolAnswer(
  served: Served,
  path: string
): { type: string; body: Buffer; module?: ModuleVersion; kind: string } | undefined {
  const latest = /^\/(.+)\/@latest$/.exec(path)
  if (latest) {
    const versions = served.byPath.get(latest[1])
    const newest = versions?.[versions.length - 1]
    return newest && { type: 'application/json', body: newest.info, module: newest, kind: 'latest' }
  }
  const list = /^\/(.+)\/@v\/list$/.exec(path)
  if (list) {
    const versions = served.byPath.get(list[1])
    if (!versions) return undefined
    const body = Buffer.from(versions.map(v => v.version + '\n').join(''))
    return { type: 'text/plain; charset=utf-8', body, kind: 'list' }
  }
  const file = /^\/(.+)\/@v\/([^/]+)\.(info|mod|zip)$/.exec(path)
  if (!file) return undefined
  const module = served.byPath.get(file[1])?.find(v => escapeVersion(v.version) === file[2])
  if (!module) return undefined
  const ext = file[3]
  if (ext === 'info') return { type: 'application/json', body: module.info, module, kind: ext }
  if (ext === 'mod')
    return { type: 'text/plain; charset=utf-8', body: module.goMod, module, kind: ext }
  return { type: 'application/zip', body: module.zip, module, kind: ext }
}

export function notFound(res: http.ServerResponse, path: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(`not found: ${path}\n`)
}
