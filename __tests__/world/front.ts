/**
 * A proxy in front of another: passes each request on to `target`, except those a rule catches,
 * which it answers itself (after an optional delay). Stands in for proxies that lack some modules,
 * fail some files or guard a private module, on top of an honest test-world persona.
 */
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface FrontRule {
  /** Matched against the request path (after the front's own base). */
  path: RegExp
  status: number
  body?: string
  delayMs?: number
}

export interface Front {
  url: string
  setRules(rules: FrontRule[]): void
  /** Paths requested since the start, in arrival order. */
  seen(): string[]
  close(): Promise<void>
}

export async function startFront(target: string, rules: FrontRule[] = []): Promise<Front> {
  let current = rules
  const seen: string[] = []
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/'
    seen.push(path)
    const rule = current.find(r => r.path.test(path))
    if (rule) {
      const answer = (): void => {
        if (res.destroyed) return
        res.writeHead(rule.status, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(rule.body ?? `${rule.status}\n`)
      }
      if (!rule.delayMs) return answer()
      const timer = setTimeout(() => {
        timers.delete(timer)
        answer()
      }, rule.delayMs)
      timers.add(timer)
      return
    }
    const upstream = http.get(target + path, answer => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    res.on('close', () => upstream.destroy())
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    setRules: next => void (current = next),
    seen: () => [...seen],
    close: () => {
      timers.forEach(clearTimeout)
      sockets.forEach(s => s.destroy())
      return new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
