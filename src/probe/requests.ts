/** The proxy-protocol requests a probe makes, each with the check its answer must pass. */
import type { ProbeModule } from '../config/plan.js'
import { joinUrlPath, pathEscape, versionFileUrl } from '../goenv/urlpath.js'
import type { HttpResponse } from '../http/types.js'
import type { ProbeRequest } from '../http/requester.js'
import { escapePath } from '../xmod/module.js'
import { parseInfo, parseList, type RevInfo, type VersionList } from './content.js'

/** Caps far below Go's 500 MiB: enough for any probe module, small enough for a runner. */
export const TEXT_CAP = 4 << 20

/** `<base>/<escaped module path>/<rest>`, e.g. rest `@v/list` or `@latest`. */
function moduleUrl(base: string, path: string, rest: string): string {
  return joinUrlPath(base, `${pathEscape(escapePath(path))}/${rest}`)
}

/**
 * A candidate's first request, asked alone: what the go command asks first for this module —
 * the .info of a pinned version (`go mod download m@v` never lists), else the version list.
 */
export function firstContact(base: string, module: ProbeModule): ProbeRequest<unknown> {
  if (module.version === 'latest') return listRequest(base, module)
  return infoRequest(base, module.path, module.version)
}

export function listRequest(base: string, module: ProbeModule): ProbeRequest<VersionList> {
  return {
    endpoint: 'list',
    module: `${module.path}@${module.version}`,
    url: moduleUrl(base, module.path, '@v/list'),
    maxBytes: TEXT_CAP,
    accept: res => parseList(res.body)
  }
}

export function latestRequest(base: string, path: string): ProbeRequest<RevInfo> {
  return {
    endpoint: 'latest',
    module: `${path}@latest`,
    url: moduleUrl(base, path, '@latest'),
    maxBytes: TEXT_CAP,
    accept: res => parseInfo(res.body, res.contentType)
  }
}

/**
 * An .info; `exact`: Go wants that very version back (proxy.go Stat asks it of a canonical
 * version only).
 */
export function infoRequest(
  base: string,
  path: string,
  version: string,
  exact = true
): ProbeRequest<RevInfo> {
  return {
    endpoint: 'info',
    module: `${path}@${version}`,
    url: versionFileUrl(base, path, version, 'info'),
    maxBytes: TEXT_CAP,
    accept: res => parseInfo(res.body, res.contentType, exact ? version : undefined)
  }
}

/**
 * A .mod, whatever it says: resolving @latest reads it as bytes (query.go versionHasGoMod), the
 * probe of a version then checks it. Shared by URL, so the two are one request.
 */
export function modRequest(
  base: string,
  path: string,
  version: string
): ProbeRequest<HttpResponse> {
  return {
    endpoint: 'mod',
    module: `${path}@${version}`,
    url: versionFileUrl(base, path, version, 'mod'),
    maxBytes: TEXT_CAP,
    accept: res => res
  }
}
