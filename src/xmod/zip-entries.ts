// Reading a module zip's entries one at a time with yauzl: each step can be cancelled, and an
// entry's bytes stop flowing as soon as they break a limit.
import type { Readable } from 'node:stream'
import type { Entry, ZipFile } from 'yauzl'
import { onAbort } from '../abort.js'
import type { ZipProblem } from './zipnames.js'

/** The zip's next entry, undefined at the end; rejects when `signal` aborts. */
export function nextEntry(zipfile: ZipFile, signal?: AbortSignal): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zipfile.removeListener('entry', onEntry)
      zipfile.removeListener('end', onEnd)
      zipfile.removeListener('error', onError)
      stopListening()
    }
    const onEntry = (entry: Entry): void => (cleanup(), resolve(entry))
    const onEnd = (): void => (cleanup(), resolve(undefined))
    const onError = (err: unknown): void => (cleanup(), reject(err))
    zipfile.on('entry', onEntry)
    zipfile.on('end', onEnd)
    zipfile.on('error', onError)
    // The signal is a candidate's, shared by all its zips: one real listener for all (abort.ts).
    const stopListening = signal
      ? onAbort(signal, () => (cleanup(), reject(signal.reason)))
      : () => undefined
    zipfile.readEntry()
  })
}

export function openEntry(zipfile: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)))
  })
}

/**
 * Feeds the stream to `onChunk` until it ends; stops early, destroying the stream, when
 * `onChunk` returns a problem (rejecting with LimitReached) or when `signal` aborts.
 */
export function consume(
  stream: Readable,
  signal: AbortSignal | undefined,
  onChunk: (chunk: Buffer) => ZipProblem | undefined
): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (reason: unknown): void => {
      stopListening()
      stream.destroy()
      reject(reason)
    }
    const stopListening = signal ? onAbort(signal, () => stop(signal.reason)) : () => undefined
    stream.on('data', (chunk: Buffer) => {
      const problem = onChunk(chunk)
      if (problem !== undefined) stop(new LimitReached(problem))
    })
    stream.on('error', err => stop(err))
    stream.on('end', () => {
      stopListening()
      resolve()
    })
  })
}

/** Ends the reading of an entry that went past a limit. */
export class LimitReached extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.message)
    this.name = 'LimitReached'
  }
}
