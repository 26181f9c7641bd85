// GOAUTH at run time, as the go command applies it (cmd/go/internal/auth, web/http.go): every
// method runs once before the first request; each https request gets the headers stored for
// its URL's longest prefix; after a 4xx, git and commands run again for that URL and the request
// is sent once more if that changed its headers.
import { STATUS_CODES } from 'node:http'
import {
  basicAuth,
  CredentialCache,
  storeNetrc,
  type AuthHeaders,
  type GoauthMethod
} from '../goenv/goauth.js'
import { basicToken } from '../goenv/basic-auth.js'
import {
  canonicalHeaderKey,
  parseAuthCommandOutput,
  parseGitCredential
} from '../goenv/goauth-output.js'
import type { NetrcEntry } from '../goenv/netrc.js'
import { credentialsOf } from './redact.js'
import { messageOf, type Logger } from '../logger.js'
import { CommandError, type RunCommand } from './run-command.js'

export interface GoauthEffects {
  run: RunCommand
  /** The netrc file's entries, undefined when there is none; read only if GOAUTH names netrc. */
  readNetrc(): Promise<NetrcEntry[] | undefined>
  /** Why `path` is not a directory Go can run git in, or undefined when it is one. */
  directoryProblem(path: string): Promise<string | undefined>
  /** Masks a secret in everything printed from now on. */
  onSecret(secret: string): void
  log: Logger
}

/** What a command is told of a 4xx answer (an HttpResponse is one). */
export interface AuthChallenge {
  status: number
  headers: Record<string, string | string[] | undefined>
}

/**
 * A GOAUTH value that cannot work (a git directory that is none, a command that cannot start):
 * `reason` completes "Invalid input 'GOAUTH': <value> …", as the caller reports it.
 */
export class GoauthValueError extends Error {
  override name = 'GoauthValueError'
  constructor(readonly reason: string) {
    super(reason)
  }
}

interface RunContext {
  url: string
  response: AuthChallenge
  signal: AbortSignal
}

/** The credentials GOAUTH yields, request by request. */
export class GoAuth {
  private readonly cache = new CredentialCache()
  private readonly warned = new Set<string>()
  private readonly masked = new Set<string>()
  private netrc: NetrcEntry[] = []
  /** What the methods yielded before any request: the same in every run with the same setup. */
  private atStart = new CredentialCache()

  private constructor(
    private readonly methods: GoauthMethod[],
    private readonly fx: GoauthEffects
  ) {}

  /**
   * Checks what Go checks before running anything (git directories, commands that exist) and
   * runs every method once without a URL. Throws GoauthValueError for a GOAUTH that cannot work.
   */
  static async start(methods: GoauthMethod[], fx: GoauthEffects): Promise<GoAuth> {
    const auth = new GoAuth(methods, fx)
    for (const method of methods) {
      if (method.kind === 'netrc') auth.netrc = (await fx.readNetrc()) ?? []
      if (method.kind !== 'git') continue
      const problem = await fx.directoryProblem(method.dir)
      if (problem) throw new GoauthValueError(`is not valid: ${problem}`)
    }
    for (const { login, password } of auth.netrc) {
      // The password, and the Basic token it is sent as, which a server may quote back.
      auth.maskSecret(password)
      auth.maskSecret(basicToken(login, password))
    }
    const errors = await auth.runMethods(undefined)
    for (const err of errors) fx.log.debug(err)
    auth.atStart = auth.cache.copy()
    return auth
  }

  /**
   * The headers for a request. None for plain http (the go command never sends GOAUTH
   * credentials there) and none for a URL with its own user info (Go sends that as Basic auth).
   */
  headersFor(url: string): AuthHeaders | undefined {
    return appliesTo(url) ? this.cache.load(url) : undefined
  }

  /**
   * Which credentials requests to `url` carry, without their values: the methods, and whether
   * they gave any for it at the start. A verdict cache keyed by this never hands a verdict won
   * with credentials to a run without them (a fork's pull request, a secret that is not set).
   * Undefined when that cannot be known before the first request: git, or a command, may give
   * credentials only after a 401, so no verdict for that URL is cached.
   */
  describe(url: string): string | undefined {
    if (!appliesTo(url)) return 'none'
    const atStart = this.atStart.load(url) !== undefined
    if (!atStart && this.refreshesFor(url)) return undefined
    const methods = this.methods.map(m => m.kind).join(';')
    return `${methods}: ${atStart ? 'credentials' : 'none'}`
  }

  /** Whether a 4xx answer for `url` can change what it sends: GOAUTH runs git or a command. */
  refreshesFor(url: string): boolean {
    return appliesTo(url) && this.methods.some(m => m.kind !== 'netrc')
  }

  /** After a 4xx for `url`: git and every command run again, told the URL (and the answer). */
  async refresh(url: string, response: AuthChallenge, signal: AbortSignal): Promise<void> {
    const errors = await this.runMethods({ url, response, signal })
    // As the go command (with -x) does: failures matter only when no method gave credentials.
    if (this.cache.load(url)) return
    for (const err of errors) {
      if (this.warned.has(err)) continue
      this.warned.add(err)
      this.fx.log.warning(err, { action: 'goauth', url })
    }
  }

  /** Runs the methods last to first, so an earlier method's headers win for the same prefix. */
  private async runMethods(context: RunContext | undefined): Promise<string[]> {
    const errors: string[] = []
    for (const method of [...this.methods].reverse()) {
      try {
        if (method.kind === 'netrc') storeNetrc(this.cache, this.netrc)
        else if (method.kind === 'git') await this.runGit(method.dir, context)
        else await this.runCommand(method, context)
      } catch (err) {
        if (err instanceof GoauthValueError) throw err
        errors.push(`GOAUTH=${method.text}: ${messageOf(err)}`)
      }
    }
    return errors
  }

  private async runGit(dir: string, context: RunContext | undefined): Promise<void> {
    // 'git credential' cannot list credentials: git waits for a request that needs them.
    if (!context) return
    const { url, signal } = context
    const output = await this.fx.run(['git', 'credential', 'fill'], {
      cwd: dir,
      stdin: `url=${url}\n`,
      signal,
      // A validation must not stop at a prompt for a password nobody will type.
      env: { GIT_TERMINAL_PROMPT: '0' }
    })
    const { prefix, username, password } = parseGitCredential(output)
    if (password) this.maskSecret(password)
    if (prefix === '')
      throw new Error(`'git credential fill' failed for url=${url}, could not parse url`)
    if (!url.startsWith(prefix)) {
      throw new Error(
        `requested a credential for ${url}, but 'git credential fill' provided one for ${prefix}`
      )
    }
    const headers = basicAuth(username, password)
    this.mask(headers)
    this.cache.store(prefix, headers)
  }

  private async runCommand(
    method: Extract<GoauthMethod, { kind: 'command' }>,
    context: RunContext | undefined
  ): Promise<void> {
    const argv = context ? [...method.argv, context.url] : method.argv
    let output: string
    try {
      output = await this.fx.run(argv, {
        stdin: context ? responseText(context.response) : '',
        signal: context?.signal
      })
    } catch (err) {
      if (!context && err instanceof CommandError && err.cannotStart) {
        const reason = `is not valid: the command ${JSON.stringify(argv[0])} cannot be run (${messageOf(err)}); GOAUTH takes off, netrc, git DIR or a command (see 'go help goauth')`
        throw new GoauthValueError(reason)
      }
      throw new Error(`could not run command ${method.text}: ${messageOf(err)}`, { cause: err })
    }
    let credentials: Map<string, AuthHeaders>
    try {
      credentials = parseAuthCommandOutput(output)
    } catch (err) {
      throw new Error(`cannot parse output of GOAUTH command ${method.text}: ${messageOf(err)}`, {
        cause: err
      })
    }
    for (const [prefix, headers] of credentials) {
      this.mask(headers)
      this.cache.store(prefix, headers)
    }
  }

  /** Every header value as a secret, and the credential inside it on its own. */
  private mask(headers: AuthHeaders): void {
    for (const value of Object.values(headers).flat()) {
      for (const secret of secretsOf(value)) this.maskSecret(secret)
    }
  }

  /** Commands run again after each 4xx: each secret is announced once. */
  private maskSecret(secret: string): void {
    if (this.masked.has(secret)) return
    this.masked.add(secret)
    this.fx.onSecret(secret)
  }
}

function appliesTo(url: string): boolean {
  return /^https:\/\//i.test(url) && !credentialsOf(url)
}

/** "Bearer t0ken" → itself and "t0ken"; "Basic <base64>" → also the decoded password. */
function secretsOf(value: string): string[] {
  const secrets = [value]
  const scheme = /^(\S+) +(\S+)$/.exec(value)
  if (scheme) secrets.push(scheme[2])
  if (scheme && scheme[1].toLowerCase() === 'basic') {
    const decoded = Buffer.from(scheme[2], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon >= 0) secrets.push(decoded.slice(colon + 1))
  }
  return secrets.filter(s => s !== '')
}

/** What the go command writes to a command's stdin after a 4xx: status line, headers, blank line. */
function responseText(response: AuthChallenge): string {
  const status = `${response.status} ${STATUS_CODES[response.status] ?? ''}`.trim()
  const lines = Object.entries(response.headers).flatMap(([name, value]) =>
    value === undefined ? [] : [`${canonicalHeaderKey(name)}: ${[value].flat().join(', ')}`]
  )
  return [`HTTP/1.1 ${status}`, ...lines, '', ''].join('\n')
}
