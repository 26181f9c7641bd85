/**
 * A recorded proxy, replayed on 127.0.0.1: the files under a fixture folder (see
 * script/record-proxy-golang-org.mjs), each at its URL path, and 404 for anything else, as a
 * proxy lacking it answers. `alter` changes one file's bytes as served (a tampered mirror, a
 * forged signature) while the rest stays as recorded.
 */
import http from 'node:http'
import { readFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'

export interface Replay {
  /** http://127.0.0.1:PORT */
  readonly url: string
  /** Request paths, in arrival order. */
  seen(): string[]
  close(): Promise<void>
}

export interface ReplayOptions {
  /** Serves `change(recorded)` in place of the recorded file at `path`. */
  alter?: { path: string; change(recorded: Buffer): Buffer }
}

export async function startReplay(fixture: string, o: ReplayOptions = {}): Promise<Replay> {
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://replay').pathname)
    seen.push(path)
    void recorded(fixture, path).then(body => {
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(`not found: ${path}`)
        return
      }
      res.writeHead(200, { 'content-type': contentType(path) })
      res.end(o.alter?.path === path ? o.alter.change(body) : body)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    seen: () => [...seen],
    close: () => {
      server.closeAllConnections()
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}

/** The recorded file at a URL path; undefined when none was recorded (or the path leaves it). */
async function recorded(fixture: string, path: string): Promise<Buffer | undefined> {
  const file = normalize(join(fixture, path))
  if (!file.startsWith(fixture + '/')) return undefined
  return readFile(file).catch(() => undefined)
}

function contentType(path: string): string {
  if (path.endsWith('.zip')) return 'application/zip'
  if (path.endsWith('.info')) return 'application/json'
  return 'text/plain; charset=utf-8'
}
