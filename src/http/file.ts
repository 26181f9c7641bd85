import { readFile } from 'node:fs/promises'
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
  let body: Buffer
  let status = 200
  try {
    body = await readFile(path, { signal: request.signal })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      throw new HttpError('protocol', `cannot read ${path}: ${code ?? String(err)}`)
    }
    status = 404
    body = Buffer.from(`not found: ${path}\n`)
  }
  if (request.firstBytes !== undefined) body = body.subarray(0, request.firstBytes)
  if (body.length > request.maxBytes)
    throw new HttpError('too-large', `${path} is larger than ${request.maxBytes} bytes`)
  const ms = Math.round(performance.now() - started)
  const contentType = status === 404 ? 'text/plain; charset=utf-8' : ''
  return {
    status,
    contentType,
    headers: {},
    body,
    timing: { headersMs: ms }
  }
}

/**
 * Sends file:// requests to disk and everything else to the network. The scheme is matched in
 * any case, as Go's url.Parse lowercases it: GOPROXY=FILE:///srv/proxy is a file proxy to Go.
 */
export function withFileUrls(network: HttpGet): HttpGet {
  return request => (/^file:/i.test(request.url) ? fileGet(request) : network(request))
}
