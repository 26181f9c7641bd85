import * as fs from 'node:fs/promises'
import { systemClock } from './clock.js'
import { forInput, InputError } from './config/errors.js'
import type { Plan } from './config/plan.js'
import { GOAUTH, GODEBUG } from './constants.js'
import { parseGoauth } from './goenv/goauth.js'
import { pathStyleOf } from './gostd/filepath.js'
import type { HttpGetter, HttpGetterOptions } from './http/get.js'
import { GoAuth, GoauthValueError } from './credentials/goauth.js'
import { directoryProblem, readNetrc } from './credentials/lookup.js'
import { withGoAuth } from './http/goauth-get.js'
import { createCommandRunner } from './credentials/run-command.js'
import { createLocalStore, type EntryStore } from './cache/local-store.js'
import { maskValues, withFields, type Logger, type Secrets } from './logger.js'
import type { RunEffects } from './validate.js'

/**
 * The real effects both faces share: network (trusting the CAs Go trusts, with GOAUTH's
 * credentials), clock, the local verdict cache. Throws InputError for a GOAUTH that cannot work.
 */
export async function createEffects(
  plan: Plan,
  env: NodeJS.ProcessEnv,
  log: Logger,
  secrets: Secrets
): Promise<{ effects: RunEffects; close(): void }> {
  const auth = await startGoauth(plan, env, log, secrets.addSecret)
  const http = httpOnFirstRequest({ trust: () => readTrust(env), godebug: env[GODEBUG] })
  const store = plan.cache.enabled
    ? secretFreeWrites(
        createLocalStore(plan.cache.dir, withFields(log, { action: 'cache.local' })),
        secrets.mask,
        log
      )
    : undefined
  const get = auth ? withGoAuth(http.get, auth) : http.get
  const credentialsOf = (url: string) => (auth ? auth.describe(url) : 'none')
  return {
    effects: { http: get, clock: systemClock, log, store, credentialsOf, tempDir: env.RUNNER_TEMP },
    close: http.close
  }
}

/**
 * A store that writes no entry holding a known secret: a server may quote a request's credentials
 * back in the error answer a reason quotes. Masked, such an entry could mislead a later run (a
 * short password masks pieces of module paths in the graph it caches), so it is not written: the
 * next run asks again.
 */
function secretFreeWrites(
  store: EntryStore,
  mask: (text: string) => string,
  log: Logger
): EntryStore {
  return {
    read: (key, isPayload) => store.read(key, isPayload),
    keys: () => store.keys(),
    dir: store.dir,
    write: async (key, payload, now) => {
      const text = JSON.stringify(payload)
      if (JSON.stringify(maskValues(payload, mask)) === text) return store.write(key, payload, now)
      log.debug(`cache: entry ${key.slice(0, 12)} not written: it would hold a secret`, {
        action: 'cache.local'
      })
    }
  }
}

/**
 * The network stack (http, https, tls, zlib, the proxy agents) is loaded by the first request,
 * not with the effects: a run answered from the verdict cache sends none. The request's clock
 * starts inside the real getter, so loading it never counts as the server's time. The imports
 * are `eager`: the code stays in the bundle that holds this file (the CLI ships as one file) and
 * only runs, loading those Node modules, when imported.
 */
function httpOnFirstRequest(options: HttpGetterOptions): HttpGetter {
  let getter: HttpGetter | undefined
  let closed = false
  let loading: Promise<HttpGetter> | undefined
  const load = (): Promise<HttpGetter> =>
    (loading ??= import(/* webpackMode: "eager" */ './http/get.js').then(({ createHttpGetter }) => {
      getter = createHttpGetter(options)
      // Closed while loading: no connection is kept alive past the run.
      if (closed) getter.close()
      return getter
    }))
  return {
    get: async request => (await load()).get(request),
    close: () => {
      closed = true
      getter?.close()
    }
  }
}

/** The CAs to trust, read before the first https request; its module (tls, X.509) loaded then. */
async function readTrust(env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  const { trustedCertificates } = await import(/* webpackMode: "eager" */ './http/trust.js')
  return trustedCertificates(env, process.platform, fs)
}

/** GOAUTH from the job's environment (default netrc); undefined for `off`. */
async function startGoauth(
  plan: Plan,
  env: NodeJS.ProcessEnv,
  log: Logger,
  onSecret: (secret: string) => void
): Promise<GoAuth | undefined> {
  const value = env[GOAUTH] ?? ''
  const methods = forInput(GOAUTH, value, () => parseGoauth(value, pathStyleOf(process.platform)))
  if (methods.length === 0) return undefined
  try {
    return await GoAuth.start(methods, {
      // A credential program gets as long as one request may take.
      run: createCommandRunner(env, plan.timeoutMs),
      readNetrc: () => readNetrc(env),
      directoryProblem,
      onSecret,
      log: withFields(log, { action: 'goauth' })
    })
  } catch (err) {
    if (err instanceof GoauthValueError) throw new InputError(GOAUTH, value, err.reason)
    throw err
  }
}
