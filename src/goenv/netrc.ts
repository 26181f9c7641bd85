// The go command's .netrc (cmd/go/internal/auth/netrc.go): which file it reads and how it reads
// it. GOAUTH's netrc method (goauth.ts) turns the entries into credentials by URL prefix.
import { posix, win32 } from 'node:path'
import { GoEnvError } from '../gostd/errors.js'
import { fields } from '../gostd/strings.js'

export interface NetrcEntry {
  machine: string
  login: string
  password: string
}

/**
 * Parses .netrc text as Go does, which is simpler than GNU's: tokens are taken in pairs within
 * one line; an entry is kept once it has machine, login and password; a line ending in a lone
 * `default` ends the file; `macdef` skips the following lines up to an empty line (the rest of
 * its own line is still read).
 */
export function parseNetrc(text: string): NetrcEntry[] {
  const entries: NetrcEntry[] = []
  let entry: NetrcEntry = { machine: '', login: '', password: '' }
  let inMacro = false
  for (const line of text.split('\n')) {
    if (inMacro) {
      // Only a truly empty line ends a macro ("\r" from a CRLF file does not).
      if (line === '') inMacro = false
      continue
    }
    const tokens = fields(line)
    let i = 0
    for (; i < tokens.length - 1; i += 2) {
      const value = tokens[i + 1]
      switch (tokens[i]) {
        case 'machine':
          entry = { machine: value, login: '', password: '' }
          break
        case 'login':
          entry.login = value
          break
        case 'password':
          entry.password = value
          break
        case 'macdef':
          inMacro = true
          break
      }
      if (entry.machine !== '' && entry.login !== '' && entry.password !== '') {
        entries.push(entry)
        entry = { machine: '', login: '', password: '' }
      }
    }
    // "There can be only one default token, and it must be after all machine tokens."
    if (tokens[i] === 'default') break
  }
  return entries
}

/**
 * The file Go reads: $NETRC if set and non-empty, else .netrc in the home directory; on Windows
 * _netrc there instead when that file exists (pass `exists`, e.g. fs.existsSync, to see it).
 */
export function netrcPath(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
  exists: (path: string) => boolean = () => false
): string {
  const fromEnv = env.NETRC
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  // Go's os.UserHomeDir fails on an empty $HOME, and then reads no .netrc at all.
  if (home === '') throw new GoEnvError('cannot locate .netrc: the home directory is not set')
  if (platform === 'win32') {
    const legacy = win32.join(home, '_netrc')
    return exists(legacy) ? legacy : win32.join(home, '.netrc')
  }
  return posix.join(home, '.netrc')
}
