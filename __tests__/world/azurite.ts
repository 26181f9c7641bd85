/**
 * Azurite, Microsoft's Azure Storage emulator (the devDependency `azurite`), as the test world's
 * real blob store: its blob service alone, on 127.0.0.1 and a port the system picks, in memory,
 * telemetry off (it would otherwise report to Application Insights). It is started by the test
 * file that needs it and killed in its teardown.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startServer } from './spawn.js'

export interface Azurite {
  /** The blob endpoint of the emulator's account: `http://127.0.0.1:PORT/devstoreaccount1`. */
  readonly endpoint: string
  readonly account: string
  /** The account's shared key (Azurite's well-known development key, not a secret). */
  readonly accountKey: string
  /** Kills the emulator (its data is lost); resolves once the process is gone. */
  stop(): Promise<void>
}

const ACCOUNT = 'devstoreaccount1'
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
/** A loaded 2-core machine can take seconds to load Azurite's modules. */
const START_WAIT_MS = 30_000

export async function startAzurite(): Promise<Azurite> {
  const require = createRequire(import.meta.url)
  const main = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js')
  // Azurite may write a debug log or workspace files into its working directory.
  const cwd = await mkdtemp(join(tmpdir(), 'vgp-azurite-'))
  const server = await startServer(
    process.execPath,
    [
      main,
      ...['--blobHost', '127.0.0.1', '--blobPort', '0'],
      ...['--inMemoryPersistence', '--extentMemoryLimit', '64'],
      // The @azure/storage-blob in node_modules may speak a newer API version than this Azurite.
      ...['--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent']
    ],
    {
      name: 'Azurite',
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd },
      ready: /listens on (http:\/\/127\.0\.0\.1:\d+)/,
      waitMs: START_WAIT_MS
    }
  ).catch(async err => {
    await rm(cwd, { recursive: true, force: true })
    throw err
  })
  return {
    endpoint: `${server.said[1]}/${ACCOUNT}`,
    account: ACCOUNT,
    accountKey: ACCOUNT_KEY,
    stop: async () => {
      await server.stop()
      await rm(cwd, { recursive: true, force: true })
    }
  }
}
