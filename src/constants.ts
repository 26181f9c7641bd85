/** Names of the action's inputs: the v1 API, kept exactly as documented in action.yml. */
export enum Inputs {
  Proxies = 'proxies',
  Mirrors = 'mirrors',
  Gosumdb = 'gosumdb',
  SumdbMirrors = 'sumdb-mirrors',
  Goprivate = 'goprivate',
  Gonoproxy = 'gonoproxy',
  Gonosumdb = 'gonosumdb',
  ProbeModules = 'probe-modules',
  WorkingDirectory = 'working-directory',
  GoSum = 'go-sum',
  Checks = 'checks',
  Timeout = 'timeout',
  SlowThreshold = 'slow-threshold',
  Retries = 'retries',
  Concurrency = 'concurrency',
  Strategy = 'strategy',
  OnFailure = 'on-failure',
  FailOn = 'fail-on',
  ExportEnv = 'export-env',
  Summary = 'summary',
  ReportPath = 'report-path',
  LogFormat = 'log-format',
  Cache = 'cache',
  CacheTtl = 'cache-ttl',
  CacheDir = 'cache-dir',
  BreakerThreshold = 'breaker-threshold',
  BreakerCooldown = 'breaker-cooldown',
  Profile = 'profile',
  Profiles = 'profiles'
}

/** Names of the action's outputs. */
export enum Outputs {
  Goproxy = 'goproxy',
  Gosumdb = 'gosumdb',
  Gonoproxy = 'gonoproxy',
  Gonosumdb = 'gonosumdb',
  Goprivate = 'goprivate',
  Healthy = 'healthy',
  Selected = 'selected',
  FallbackUsed = 'fallback-used',
  CacheHit = 'cache-hit',
  Report = 'report',
  Verdicts = 'verdicts',
  ModulesChecked = 'modules-checked',
  ModulesUnresolved = 'modules-unresolved'
}

/** The Go environment variables the action reads and exports. */
export enum GoEnv {
  Goproxy = 'GOPROXY',
  Gosumdb = 'GOSUMDB',
  Goprivate = 'GOPRIVATE',
  Gonoproxy = 'GONOPROXY',
  Gonosumdb = 'GONOSUMDB'
}

/** The Go environment variable for credentials: read from the job's environment, never exported. */
export const GOAUTH = 'GOAUTH'

/** Go's runtime settings: read from the job's environment for the TLS the go command speaks. */
export const GODEBUG = 'GODEBUG'

/** Go's own defaults, used where neither the input nor the job env sets a value. */
export const GO_DEFAULT_GOPROXY = 'https://proxy.golang.org,direct'
export const GO_DEFAULT_GOSUMDB = 'sum.golang.org'

/**
 * Default probe modules: rsc.io/quote@v1.5.2 is tiny and has been served unchanged
 * since 2018 (the Go tutorials use it); golang.org/x/sys@latest shows a proxy is current.
 */
export const DEFAULT_PROBE_MODULES = ['rsc.io/quote@v1.5.2', 'golang.org/x/sys@latest']

export const USER_AGENT = 'validate-goproxy/1'

/** The release, as in package.json (a test keeps them equal); the CLI prints it for --version. */
export const VERSION = '1.0.0'
