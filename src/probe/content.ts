/**
 * What a correct answer to each proxy-protocol request looks like, as the go command reads it
 * (modfetch/proxy.go), plus what Go lets through but a probe must not: an HTML page.
 */
import * as semver from '../xmod/semver.js'
import { ContentError } from '../http/probe-errors.js'

export interface InfoJson {
  Version: string
  Time?: string
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** Rejects HTML and anything that is not UTF-8 text without NUL bytes. */
export function requireText(body: Buffer, contentType: string, what: string): string {
  const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase()
  if (
    /text\/html/i.test(contentType) ||
    head.startsWith('<!doctype html') ||
    head.startsWith('<html')
  ) {
    throw new ContentError(`${what} is an HTML page: not a Go module proxy (captive portal?)`)
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body)
  if (text.includes('\uFFFD') || text.includes('\0')) {
    throw new ContentError(`${what} is not valid UTF-8 text`)
  }
  return text
}

/** The versions of an @v/list answer: Go keeps lines whose first field is a semver release or pre-release. */
export function parseList(body: Buffer, contentType: string): string[] {
  const text = requireText(body, contentType, '@v/list')
  const versions: string[] = []
  for (const line of text.split('\n')) {
    const version = line.trim().split(/\s+/)[0]
    if (version && semver.isValid(version) && !semver.isPseudoVersion(version))
      versions.push(version)
  }
  return versions
}

/** An .info or @latest answer; `requested` is checked as Go checks it for .info. */
export function parseInfo(body: Buffer, contentType: string, requested?: string): InfoJson {
  const what = requested ? `${requested}.info` : '@latest'
  const text = requireText(body, contentType, what)
  let info: unknown
  try {
    info = JSON.parse(text)
  } catch (err) {
    throw new ContentError(`invalid JSON in ${what}: ${(err as Error).message}`)
  }
  const version = (info as InfoJson | null)?.Version
  if (typeof version !== 'string' || !semver.isValid(version)) {
    throw new ContentError(`${what} has no valid "Version" field`)
  }
  if (requested && version !== requested) {
    throw new ContentError(
      `proxy returned info for version ${version} instead of requested version ${requested}`
    )
  }
  const time = (info as InfoJson).Time
  if (time !== undefined && (typeof time !== 'string' || !RFC3339.test(time))) {
    throw new ContentError(`${what} has an invalid "Time" field`)
  }
  return { Version: version, Time: time }
}

/** The newest release in a list, else the newest pre-release, as Go picks @latest from a list. */
export function newestFromList(versions: string[]): string | undefined {
  const sorted = [...versions].sort(semver.compare)
  const releases = sorted.filter(v => !semver.prerelease(v))
  return releases.at(-1) ?? sorted.at(-1)
}

/** A go.mod whose module directive names `path`. */
export function checkGoMod(body: Buffer, contentType: string, path: string): void {
  const text = requireText(body, contentType, 'go.mod')
  const match = /^\s*module\s+(?:"([^"]+)"|(\S+))/m.exec(text.replace(/\/\/[^\n]*/g, ''))
  const declared = match?.[1] ?? match?.[2]
  if (!declared) throw new ContentError('go.mod has no module directive')
  if (declared !== path) throw new ContentError(`go.mod declares module ${declared}, want ${path}`)
}
