// The go command's fetch with GOAUTH (cmd/go/internal/web/http.go): credentials on the first
// request, and after a 4xx answer one more request with what GOAUTH then gives for the URL.
import { deadlineSignal } from '../abort.js'
import { HttpError, type HttpGet, type HttpResponse } from './types.js'
import type { GoAuth } from '../credentials/goauth.js'

/**
 * `get` with GOAUTH's headers. The second request is sent only when running GOAUTH again changed
 * the URL's headers (Go sends it regardless; an identical request proves nothing more). Both
 * requests and the commands in between share the request's one deadline.
 */
export function withGoAuth(get: HttpGet, auth: GoAuth): HttpGet {
  return async request => {
    const started = performance.now()
    const elapsed = (): number => Math.round(performance.now() - started)
    const sent = auth.headersFor(request.url)
    const first = await get(sent ? { ...request, headers: sent } : request)
    if (first.status < 400 || first.status > 499 || !auth.refreshesFor(request.url)) return first
    const deadline = deadlineSignal(request.signal, Math.max(0, request.timeoutMs - elapsed()))
    try {
      await auth.refresh(request.url, first, deadline.signal)
    } finally {
      deadline.dispose()
    }
    const headers = auth.headersFor(request.url)
    if (JSON.stringify(headers) === JSON.stringify(sent)) return first
    const timedOut = (): HttpError =>
      new HttpError('timeout', `no complete answer within ${request.timeoutMs} ms`)
    const offset = elapsed()
    if (offset >= request.timeoutMs) throw timedOut()
    try {
      const second = await get({ ...request, headers, timeoutMs: request.timeoutMs - offset })
      return shifted(second, offset)
    } catch (err) {
      throw err instanceof HttpError && err.kind === 'timeout' ? timedOut() : err
    }
  }
}

/** The answer's timing measured from the start of the first request. */
function shifted(response: HttpResponse, offsetMs: number): HttpResponse {
  const { timing } = response
  return {
    ...response,
    timing: {
      ...timing,
      headersMs: timing.headersMs + offsetMs
    }
  }
}
