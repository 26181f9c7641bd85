import {
  DEFAULT_PROBE_MODULES,
  GO_DEFAULT_GOPROXY,
  GO_DEFAULT_GOSUMDB,
  GoEnv,
  Inputs
} from '../constants.js'
import { checkSumdbUrl, parseGosumdb } from '../goenv/gosumdb.js'
import { checkPatterns, resolvePrivatePatterns, type PrivatePatterns } from '../goenv/patterns.js'
import { goPlatformOf } from '../goenv/platform.js'
import { parseGotoolchain } from '../goenv/gotoolchain.js'
import { parseGoSumInput, resolveWorkingDirectory } from './go-sum.js'
import { parseCandidates } from './candidates.js'
import { networkScope } from './network.js'
import { forInput, InputError } from './errors.js'
import { parseProbeModules } from './modules.js'
import { applyProfile, type YamlReader } from './profiles.js'
import type { GoSetting, Plan, RawInputs } from './plan.js'
import {
  parseBoolean,
  parseChoice,
  parseDuration,
  parseInteger,
  parseRatio,
  splitList
} from './values.js'

export interface PlanContext {
  /** The job's environment (GOPROXY, GOSUMDB, GOPRIVATE, …). */
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  defaultCacheDir: string
  /** Where the step runs (default: the process's); `working-directory` is resolved against it. */
  cwd?: string
  /** The runner's CPU (default: the process's), for the toolchain the go command downloads. */
  arch?: string
  /** Reads the `profiles` input: given by loadYaml when that input is set. */
  yaml?: YamlReader
}

type Read = (name: Inputs) => string | undefined

/**
 * Validates every input and builds the plan; throws InputError on the first bad value. The chosen
 * profile fills the inputs left empty before anything else is read.
 */
export function buildPlan(inputs: RawInputs, ctx: PlanContext): Plan {
  const { raw, profile } = applyProfile(inputs, ctx.yaml)
  const value: Read = name => (raw[name]?.trim() ? raw[name] : undefined)
  const probed = probing(value)
  return {
    ...sources(value, raw, ctx),
    ...probed,
    slowThresholdMs: slowThreshold(value, probed.timeoutMs),
    ...resilience(value, ctx),
    network: networkScope(ctx.env, ctx.platform),
    profile
  }
}

/** What to check: the candidates, the checksum database, the private patterns, the modules. */
function sources(value: Read, raw: RawInputs, ctx: PlanContext) {
  const proxies = goSetting(value, ctx.env, Inputs.Proxies, GoEnv.Goproxy, GO_DEFAULT_GOPROXY)
  const mirrors = value(Inputs.Mirrors)
  const gosumdb = goSetting(value, ctx.env, Inputs.Gosumdb, GoEnv.Gosumdb, GO_DEFAULT_GOSUMDB)
  const modules = value(Inputs.ProbeModules) ?? DEFAULT_PROBE_MODULES.join('\n')
  return {
    candidates: [
      ...parseCandidates(proxies, 'primary', ctx.platform),
      ...(mirrors
        ? parseCandidates(
            { name: Inputs.Mirrors, text: mirrors, fromEnv: false },
            'mirror',
            ctx.platform
          )
        : [])
    ],
    gosumdb: forInput(gosumdb.name, gosumdb.text, () =>
      parseGosumdb(gosumdb.fromEnv ? gosumdb.text : gosumdb.text.trim())
    ),
    sumdbMirrors: parseSumdbMirrors(value(Inputs.SumdbMirrors)),
    patterns: patterns(raw, ctx.env),
    modules: parseProbeModules(Inputs.ProbeModules, modules),
    build: {
      goSum: parseGoSumInput(value(Inputs.GoSum)),
      workingDirectory: resolveWorkingDirectory(
        value(Inputs.WorkingDirectory),
        ctx.env,
        ctx.cwd ?? process.cwd()
      ),
      gowork: ctx.env.GOWORK,
      platform: goPlatformOf(ctx.platform, ctx.arch ?? process.arch),
      goflags: ctx.env.GOFLAGS,
      toolchain: forInput('GOTOOLCHAIN', ctx.env.GOTOOLCHAIN ?? '', () =>
        parseGotoolchain(ctx.env.GOTOOLCHAIN)
      )
    }
  }
}

/** How to probe. */
function probing(value: Read) {
  const choice = <T extends string>(name: Inputs, fallback: T, choices: readonly T[]): T =>
    parseChoice(name, value(name) ?? fallback, choices)
  return {
    checks: choice(Inputs.Checks, 'standard', ['quick', 'standard', 'full'] as const),
    timeoutMs: parseDuration(Inputs.Timeout, value(Inputs.Timeout) ?? '10', 's', 600_000),
    retries: parseInteger(Inputs.Retries, value(Inputs.Retries) ?? '2', 0, 10),
    concurrency: parseInteger(Inputs.Concurrency, value(Inputs.Concurrency) ?? '8', 1, 256),
    strategy: choice(Inputs.Strategy, 'ordered', ['ordered', 'fastest'] as const),
    onFailure: choice(Inputs.OnFailure, 'fail', ['fail', 'direct', 'keep'] as const),
    failOn: choice(Inputs.FailOn, 'unusable', ['unusable', 'degraded'] as const)
  }
}

/** What counts as slow: above 0 and at most the timeout (a slower request times out); default half of it. */
function slowThreshold(value: Read, timeoutMs: number): number {
  const text = value(Inputs.SlowThreshold)
  if (text === undefined) return timeoutMs / 2
  const ms = parseDuration(Inputs.SlowThreshold, text, 's', 600_000)
  if (ms > timeoutMs) {
    const reason = `must be at most the timeout (${timeoutMs / 1000} s)`
    throw new InputError(Inputs.SlowThreshold, text, reason)
  }
  return ms
}

const HOUR_MS = 3_600_000

/** The verdict cache and the breaker. */
function resilience(value: Read, ctx: PlanContext) {
  const ttl = value(Inputs.CacheTtl) ?? '10m'
  const cooldown = value(Inputs.BreakerCooldown) ?? '60s'
  return {
    cache: {
      enabled: parseBoolean(Inputs.Cache, value(Inputs.Cache) ?? 'true'),
      ttlMs: parseDuration(Inputs.CacheTtl, ttl, 's', 7 * 24 * HOUR_MS, true),
      dir: value(Inputs.CacheDir)?.trim() ?? ctx.defaultCacheDir
    },
    breaker: {
      threshold: parseRatio(Inputs.BreakerThreshold, value(Inputs.BreakerThreshold) ?? '0.5'),
      cooldownMs: parseDuration(Inputs.BreakerCooldown, cooldown, 's', 24 * HOUR_MS)
    }
  }
}

/**
 * A Go setting from its input, else from the job's environment as the go command reads it (any
 * value but the empty string counts, unchanged: Go fails on `GOPROXY=" "` where it takes its
 * default for `GOPROXY=""`), else Go's default. Errors name where the value came from.
 */
function goSetting(
  value: Read,
  env: PlanContext['env'],
  input: Inputs,
  variable: GoEnv,
  goDefault: string
): GoSetting {
  const given = value(input)
  if (given !== undefined) return { name: input, text: given, fromEnv: false }
  const inherited = env[variable]
  if (inherited) return { name: variable, text: inherited, fromEnv: true }
  return { name: input, text: goDefault, fromEnv: false }
}

/** GOPRIVATE and friends: input, else the job env; GONOPROXY/GONOSUMDB default to GOPRIVATE. */
function patterns(raw: RawInputs, env: PlanContext['env']): PrivatePatterns {
  const pick = (input: Inputs, variable: GoEnv): string | undefined => {
    const [name, text] = raw[input] ? [input, raw[input]] : [variable, env[variable]]
    if (text !== undefined) forInput(name, text, () => checkPatterns(text))
    return text
  }
  return resolvePrivatePatterns({
    goprivate: pick(Inputs.Goprivate, GoEnv.Goprivate) ?? '',
    gonoproxy: pick(Inputs.Gonoproxy, GoEnv.Gonoproxy),
    gonosumdb: pick(Inputs.Gonosumdb, GoEnv.Gonosumdb)
  })
}

/** Each mirror is exported as the URL field of a GOSUMDB, so Go's rules for that field apply. */
function parseSumdbMirrors(value: string | undefined): string[] {
  const text = value ?? ''
  try {
    return splitList(text).map(url => forInput(Inputs.SumdbMirrors, url, () => checkSumdbUrl(url)))
  } catch (err) {
    // A password holding the ',' or space the list is split at leaves a piece of itself in an
    // item with no '@', whose error would quote it: the whole value is hidden to the last '@'.
    if (!/\/\/[^@]*[\s,][^@]*@/.test(text)) throw err
    const reason =
      'is not valid: a URL with credentials that cannot be parsed — percent-encode special characters of the user name and password ("," as %2C, "/" as %2F, "@" as %40)'
    throw new InputError(Inputs.SumdbMirrors, text.replace(/\/\/.*@/s, '//xxxxx@'), reason)
  }
}
