import type { Inputs } from '../constants.js'
import type { ProxyEntry } from '../goenv/proxylist.js'
import type { GosumdbSpec } from '../goenv/gosumdb.js'
import type { PrivatePatterns } from '../goenv/patterns.js'
import type { GoPlatform } from '../goenv/platform.js'
import type { ToolchainSetting } from '../goenv/gotoolchain.js'
import type { GoSumSelection } from './go-sum.js'

export interface BuildInput {
  goSum: GoSumSelection
  /** Absolute. */
  workingDirectory: string
  /** The job's GOWORK (`off` turns workspace mode off, a path names the go.work). */
  gowork?: string
  /** The runner's GOOS/GOARCH; undefined where Go has no port. */
  platform?: GoPlatform
  /** The job's GOFLAGS (its -mod flag decides whether a build is vendored). */
  goflags?: string
  /** Which toolchain the go command may download (GOTOOLCHAIN). */
  toolchain: ToolchainSetting
}

export type Checks = 'quick' | 'standard' | 'full'
export type Strategy = 'ordered' | 'fastest'
export type OnFailure = 'fail' | 'direct' | 'keep'
/** Which verdict of the exported chain's head fails the run: only unusable, or degraded too. */
export type FailOn = 'unusable' | 'degraded'
export type Role = 'primary' | 'mirror'

/** A module the probes ask every candidate for; `version` is `latest` for `path` without `@`. */
export interface ProbeModule {
  path: string
  version: string
  /** As the user wrote it, e.g. `rsc.io/quote@v1.5.2`. */
  text: string
}

/** One entry of `proxies` or `mirrors`, with its place in the user's list. */
export interface Candidate {
  /** Stable name for logs and reports, e.g. `proxies[0]`. */
  id: string
  role: Role
  entry: ProxyEntry
  /** The entry as it may be shown: URL with the password redacted, or `direct`/`off`. */
  display: string
}

/** Everything one run needs, validated: the faces (action, CLI) build it, the engine reads it. */
export interface Plan {
  candidates: Candidate[]
  gosumdb: GosumdbSpec
  /** Other URLs serving the same checksum database (and key). */
  sumdbMirrors: string[]
  patterns: PrivatePatterns
  modules: ProbeModule[]
  /** Where the build's go.sum and go.mod files are found (read at the start of the run). */
  build: BuildInput
  checks: Checks
  timeoutMs: number
  /** A request that took longer than this makes its candidate degraded (slow). */
  slowThresholdMs: number
  retries: number
  concurrency: number
  strategy: Strategy
  onFailure: OnFailure
  failOn: FailOn
  cache: { enabled: boolean; ttlMs: number; dir: string }
  breaker: { threshold: number; cooldownMs: number }
  /** The job's trust, forward proxy and GODEBUG settings, as one text (see network.ts). */
  network: string
  profile?: string
}

/** Input values as strings, the way both faces receive them; empty or absent means "default". */
export type RawInputs = Partial<Record<Inputs, string>>

/**
 * A Go setting and where it came from: an input, or a variable of the job's environment (read as
 * the go command reads it). `name` is the one an error names.
 */
export interface GoSetting {
  name: string
  text: string
  fromEnv: boolean
}
