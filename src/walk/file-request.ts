import type { Checks } from '../config/plan.js'
import { versionFileUrl } from '../goenv/urlpath.js'
import { parseInfo } from '../probe/content.js'
import { ContentError } from '../http/probe-errors.js'
import type { HttpResponse } from '../http/types.js'
import type { ProbeRequest } from '../http/requester.js'
import { readZipHash } from '../probe/module-probe.js'
import { TEXT_CAP } from '../probe/requests.js'
import { GO_ZIP_LIMITS, MAX_ZIP_FILE } from '../xmod/zip.js'
import { hashGoMod } from '../xmod/sumdb/dirhash.js'
import { summarizeGoMod, type GoModSummary } from '../build/requires.js'
import type { BuildModule, FileKind } from './types.js'

/**
 * The build's zips, a toolchain's (a whole Go release) included, get the go command's own limits
 * (x/mod/zip MaxZipFile: 500 MiB for the zip and for its content): a smaller cap would fail real
 * modules Go downloads (google.golang.org/api unpacks to some 400 MB).
 */
const BUILD_ZIP_CAP = MAX_ZIP_FILE

/** Every zip starts with a local file header: enough to know the proxy is sending one. */
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1')

/** What a file's content came to: its h1: hash when read whole; a go.mod's part in the graph. */
export interface FileContent {
  hash?: string
  goMod?: GoModSummary
}

/**
 * The request for one file: a .mod is read whole, hashed and summarized; a .zip at `checks: full`
 * is downloaded whole (out of memory, to a file `spoolTo` gives, when given) and hashed, else only
 * its first bytes are read, to see it is being served (a build downloads it whole later).
 */
export function fileRequest(
  base: string,
  module: BuildModule,
  file: Exclude<FileKind, 'query'>,
  checks: Checks,
  signal: AbortSignal,
  spoolTo?: () => Promise<string>
): ProbeRequest<FileContent> {
  const request = {
    endpoint: file,
    module: `${module.path}@${module.version}`,
    url: versionFileUrl(base, module.path, module.version, file)
  }
  if (file === 'info') {
    const accept = (res: HttpResponse): FileContent => {
      parseInfo(res.body, res.contentType, module.version)
      return {}
    }
    return { ...request, maxBytes: TEXT_CAP, accept }
  }
  if (file === 'mod') {
    const accept = (res: HttpResponse): FileContent => ({
      hash: hashGoMod(res.body),
      goMod: summarizeGoMod(res.body.toString('utf8'))
    })
    return { ...request, maxBytes: TEXT_CAP, accept }
  }
  if (checks === 'full') {
    const { path, version } = module
    return {
      ...request,
      maxBytes: BUILD_ZIP_CAP,
      spoolTo,
      accept: async res => {
        const zip = res.bodyFile ? { file: res.bodyFile } : res.body
        return { hash: await readZipHash(zip, path, version, signal, GO_ZIP_LIMITS) }
      }
    }
  }
  return {
    ...request,
    maxBytes: BUILD_ZIP_CAP,
    firstBytes: ZIP_MAGIC.length,
    accept: res => {
      if (!res.body.equals(ZIP_MAGIC)) throw new ContentError('answer is not a zip file')
      return {}
    }
  }
}
