/**
 * Azurite, Microsoft's Azure Storage emulator (the devDependency `azurite`), as the test world's
 * real blob store: its blob service alone, on 127.0.0.1 and a port the system picks, in memory,
 * telemetry off (it would otherwise report to Application Insights). It is started by the test
 * file that needs it and killed in its teardown, or when the test process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

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
  const child = spawn(
    process.execPath,
    [
      main,
      ...['--blobHost', '127.0.0.1', '--blobPort', '0'],
      ...['--inMemoryPersistence', '--extentMemoryLimit', '64'],
      // The @azure/storage-blob in node_modules may speak a newer API version than this Azurite.
      ...['--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent']
    ],
    { cwd, env: { PATH: process.env.PATH, HOME: cwd }, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const killOnExit = (): void => void child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit)
    await killAndWait(child)
    await rm(cwd, { recursive: true, force: true })
  }
  try {
    const origin = await listeningOrigin(child)
    return { endpoint: `${origin}/${ACCOUNT}`, account: ACCOUNT, accountKey: ACCOUNT_KEY, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** Waits for Azurite's "successfully listens on http://127.0.0.1:PORT" line, bounded. */
function listeningOrigin(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = ''
    const fail = (why: string): void => {
      clearTimeout(timer)
      reject(new Error(`Azurite did not start: ${why}; it said: ${said.trim() || '(nothing)'}`))
    }
    const timer = setTimeout(
      () => fail(`no listening line within ${START_WAIT_MS} ms`),
      START_WAIT_MS
    )
    const hear = (chunk: Buffer): void => {
      said += chunk.toString()
      const origin = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(said)?.[1]
      if (origin) {
        clearTimeout(timer)
        resolve(origin)
      }
    }
    child.stdout?.on('data', hear)
    child.stderr?.on('data', hear)
    child.once('error', err => fail(err.message))
    child.once('exit', code => fail(`it exited with code ${code}`))
  })
}

function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}
