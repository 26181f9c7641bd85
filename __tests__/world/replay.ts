/**
 * A recorded proxy, replayed on 127.0.0.1: the files under a fixture folder (see
 * script/record-proxy-golang-org.mjs), each at its URL path, and 404 for anything else, as a
 * proxy lacking it answers. `alter` changes one file's bytes as served (a tampered mirror, a
 * forged signature) while the rest stays as recorded.
 */
import http from 'node:http'
import { readFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'

const TEXT = 'text/plain; charset=utf-8'

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
    void answer(req.url ?? '/').then(({ status, body }) => {
      res.writeHead(status, { 'content-type': status === 200 ? contentType(req.url ?? '') : TEXT })
      res.end(body)
    })
  })
  // Any request is answered, whatever it asks: a bad path is a 400, a failing `alter` a 500.
  async function answer(url: string): Promise<{ status: number; body: Buffer | string }> {
    let path: string
    try {
      path = decodeURIComponent(new URL(url, 'http://replay').pathname)
    } catch {
      return { status: 400, body: `bad path: ${url}` }
    }
    seen.push(path)
    try {
      const body = await recorded(fixture, path)
      if (body === undefined) return { status: 404, body: `not found: ${path}` }
      return { status: 200, body: o.alter?.path === path ? o.alter.change(body) : body }
    } catch (err) {
      return { status: 500, body: String(err) }
    }
  }
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
  return TEXT
}
