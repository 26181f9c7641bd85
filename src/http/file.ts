import { open } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { HttpError } from './types.js'
import type { HttpGet, HttpRequest, HttpResponse } from './types.js'

/**
 * Serves a `file://` GOPROXY from disk as the go command reads one: a missing file is "not found"
 * (404), anything else readable is the answer. Lets file candidates take the same probes.
 */
export const fileGet: HttpGet = async (request: HttpRequest): Promise<HttpResponse> => {
  const started = performance.now()
  const path = fileURLToPath(request.url)
  let status = 200
  let answer: Answer
  try {
    answer = await readAnswer(path, request)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (err instanceof HttpError) throw err
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      throw new HttpError('protocol', `cannot read ${path}: ${code ?? String(err)}`)
    }
    status = 404
    answer = { body: Buffer.from(`not found: ${path}\n`) }
  }
  const ms = Math.round(performance.now() - started)
  const contentType = status === 404 ? 'text/plain; charset=utf-8' : ''
  return { status, contentType, headers: {}, ...answer, timing: { headersMs: ms } }
}

type Answer = Pick<HttpResponse, 'body' | 'bodyFile'>

/**
 * The file's bytes as an answer, reading no more than the request needs: its first bytes, or
 * none when the body is wanted in a file (it already is one: read it in place), or the whole file
 * within the cap.
 */
async function readAnswer(path: string, request: HttpRequest): Promise<Answer> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    if (request.firstBytes !== undefined) {
      const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(request.firstBytes) })
      return { body: buffer.subarray(0, bytesRead) }
    }
    if (size > request.maxBytes)
      throw new HttpError('too-large', `${path} is larger than ${request.maxBytes} bytes`)
    if (request.spoolTo !== undefined) return { body: Buffer.alloc(0), bodyFile: path }
    return { body: await file.readFile({ signal: request.signal }) }
  } finally {
    await file.close()
  }
}

/**
 * Sends file:// requests to disk and everything else to the network. The scheme is matched in
 * any case, as Go's url.Parse lowercases it: GOPROXY=FILE:///srv/proxy is a file proxy to Go.
 */
export function withFileUrls(network: HttpGet): HttpGet {
  return request => (/^file:/i.test(request.url) ? fileGet(request) : network(request))
}
