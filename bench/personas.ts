/**
 * The candidates of the mixed-fault sweep and the truth about each: whether a correct checker
 * must find it usable (a proxy the go command can build through), and why.
 */
import type { Fault } from '../__tests__/world/proxy-server.js'

/** A proxy persona of the test world, or one of the two candidates no server stands behind. */
export type CandidateKind = Fault | 'refused' | 'unknown-host'

export interface CandidateSpec {
  /** Persona name and the label in every table. */
  name: string
  kind: CandidateKind
  usable: boolean
  why: string
  /** The persona proxies the checksum database at /sumdb/<name>/ (as proxy.golang.org does). */
  sumdb: boolean
  /** Mostly waiting on the network: a sequential checker's run of it may be started early, alongside the others. */
  idle?: boolean
}

function spec(
  name: string,
  kind: CandidateKind,
  usable: boolean,
  why: string,
  extra: Partial<CandidateSpec> = {}
): CandidateSpec {
  return { name, kind, usable, why, sumdb: usable || kind === 'tampered', ...extra }
}

/** One candidate per fault of the test world, in the order they are listed to every checker. */
export const MIXED: readonly CandidateSpec[] = [
  spec('healthy', 'healthy', true, 'serves every file right'),
  spec('slow', 'slow', true, 'right, each answer after 1.5 s (under the 3 s timeout)', {
    idle: true
  }),
  spec('flaky-503', 'flaky-503', true, 'one 503, then right: one retry passes'),
  spec('cdn-redirect', 'cdn-redirect', true, 'zips redirected to a CDN path, served right'),
  spec(
    'stale',
    'stale',
    true,
    'right but behind: its newest version is missing (degraded, still usable)'
  ),
  spec(
    'no-sumdb',
    'healthy',
    true,
    'right modules, 404 on /sumdb/: Go goes to the database itself',
    { sumdb: false }
  ),
  spec('tampered', 'tampered', false, 'zips differ from what the checksum database recorded'),
  spec('captive-portal', 'captive-portal', false, 'an HTML sign-in page with status 200'),
  spec('broken-json', 'broken-json', false, '@latest and .info are cut-off JSON'),
  spec('status-500', 'status-500', false, '500 on every request'),
  spec('status-502', 'status-502', false, '502 on every request'),
  spec('status-404', 'status-404', false, '404 on every request'),
  spec('status-410', 'status-410', false, '410 on every request'),
  spec('redirect-loop', 'redirect-loop', false, 'redirects to itself forever'),
  spec('endless-body', 'endless-body', false, '200 and a body that never ends (64 MiB of "a")'),
  spec('hang', 'hang', false, 'accepts the connection, never answers', { idle: true }),
  spec('refused', 'refused', false, 'nothing listens on the port: connection refused'),
  spec('unknown-host', 'unknown-host', false, 'a host name under .invalid that never resolves')
]

/**
 * A name under `.invalid` whose first label is 64 characters long: the resolver (glibc for Node
 * and curl, Go's own) rejects it before it sends a query, so no DNS packet leaves the machine. A
 * short `.invalid` name fails as fast here but is sent to the configured name server.
 */
export const UNKNOWN_HOST = `${'x'.repeat(64)}.bench.invalid`
