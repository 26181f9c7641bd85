import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { LocalError } from '../http/types.js'

/**
 * The run's folder for build zips on their way to being hashed (`checks: full`): on disk, a zip of
 * Go's 500 MiB limit costs no memory, however many are downloaded at once. Made when first needed
 * (under `root`, the system's temporary folder), removed with everything in it at the run's end.
 */
export class ZipSpool {
  private dir?: Promise<string>
  private count = 0

  constructor(private readonly root: string) {}

  /** A new file name in the folder; the caller removes the file once it is read. */
  async file(): Promise<string> {
    this.dir ??= mkdtemp(join(this.root, 'validate-goproxy-zips-')).catch((err: unknown) => {
      const reason = (err as NodeJS.ErrnoException).code ?? String(err)
      throw new LocalError(
        `cannot make a folder for the build's zips under ${this.root}: ${reason}`
      )
    })
    return join(await this.dir, `${++this.count}.zip`)
  }

  /** Best effort: a file still open elsewhere (Windows) must not fail a finished run. */
  async remove(): Promise<void> {
    const dir = await this.dir?.catch(() => undefined)
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)
  }
}
