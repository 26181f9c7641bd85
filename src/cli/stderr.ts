// Everything the CLI says besides its result goes to stderr, and never with a password in it.
import { maskPasswords } from '../gostd/credentialmask.js'
import type { Logger } from '../resilience/policy.js'

export interface Stderr {
  /** Writes one line, every known secret and every `//user:password@` masked. */
  line(text: string): void
  /** The engine's logger: info as is, warnings marked, debug dropped (the CLI has no debug mode). */
  log: Logger
  /** A password to mask from now on (from a proxy URL or the netrc file). */
  addSecret(secret: string): void
}

export const MASK = '***'

export function createStderr(write: (text: string) => void): Stderr {
  // Longest first, so that a secret holding a shorter one is masked whole.
  const secrets: string[] = []
  const mask = (text: string): string =>
    maskPasswords(secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text))
  const line = (text: string): void => write(mask(text) + '\n')
  return {
    line,
    log: { debug: () => undefined, info: line, warning: text => line(`warning: ${text}`) },
    addSecret: secret => {
      if (!secret || secrets.includes(secret)) return
      secrets.push(secret)
      secrets.sort((a, b) => b.length - a.length)
    }
  }
}
