/**
 * A warm run (the verdict cache filled by an earlier run, within its TTL) reaches what a cold run
 * of the same inputs reaches against the same servers: the same exit, verdicts and exports. Each
 * case fills the cache with one run (A), then runs B on it and B again on an empty cache. Found by
 * a hunt that ran such pairs for every input and variable: a failed database check passed on a
 * re-run, and a verdict judged against the other candidates, or under another trust store, was
 * reused where it did not hold.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../src/cli/main.js'
import { standardModules } from '../../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../../world/proxy-server.js'
import { startSumdb, type SumdbWorld } from '../../world/sumdb-server.js'
import { serverIdentity, TEST_CA_FILE } from '../../world/tls.js'

/** One run's inputs (CLI flags by input name) and job environment. */
interface RunSpec {
  inputs: Record<string, string>
  env?: Record<string, string>
}

interface Outcome {
  status: number
  verdicts: { id: string; verdict: string; reason: string }[]
  exported: unknown
}

let root: string
let world: ProxyWorld
let tlsWorld: ProxyWorld
let db: SumdbWorld
let runs = 0

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vgp-warm-cold-'))
  const modules = await standardModules()
  world = await startProxyWorld(modules, [
    { name: 'full', fault: 'healthy' },
    { name: 'stale', fault: 'stale' }
  ])
  tlsWorld = await startProxyWorld(modules, [{ name: 'p', fault: 'healthy' }], {
    tls: serverIdentity()
  })
  db = await startSumdb(modules)
})
afterAll(async () => {
  await Promise.all([world.close(), tlsWorld.close(), db.close()])
  await rm(root, { recursive: true, force: true })
})

/** The CLI in-process with `spec`, its verdict cache in `cacheDir`. */
async function run(spec: RunSpec, cacheDir: string): Promise<Outcome> {
  const home = join(root, `home-${++runs}`)
  const argv = ['--format', 'json', '--cache', 'true', '--cache-dir', cacheDir]
  argv.push('--retries', '0', '--timeout', '10')
  for (const [name, value] of Object.entries(spec.inputs)) argv.push(`--${name}`, value)
  let stdout = ''
  const env = { PATH: process.env.PATH ?? '', HOME: home, NETRC: join(home, 'none'), ...spec.env }
  const status = await main(argv, env, { stdout: t => void (stdout += t), stderr: () => {} })
  const report = JSON.parse(stdout) as {
    candidates: Outcome['verdicts']
    exported: unknown
  }
  const verdicts = report.candidates.map(({ id, verdict, reason }) => ({ id, verdict, reason }))
  return { status, verdicts, exported: report.exported }
}

/** B warm (after A filled the cache) and B cold. */
async function warmAndCold(a: RunSpec, b: RunSpec): Promise<{ warm: Outcome; cold: Outcome }> {
  const shared = await mkdtemp(join(root, 'cache-'))
  await run(a, shared)
  const warm = await run(b, shared)
  const cold = await run(b, await mkdtemp(join(root, 'cache-')))
  return { warm, cold }
}

const quote = { 'probe-modules': 'rsc.io/quote@v1.5.2' }

describe('a warm run reaches what a cold run reaches', () => {
  it('a checksum database that fails its check fails again when the job is re-run', async () => {
    db.setFault('bad-signature')
    try {
      const same = {
        inputs: { ...quote, proxies: world.url('full'), gosumdb: `${db.verifierKey} ${db.url}` }
      }
      const { warm, cold } = await warmAndCold(same, same)
      expect(cold.status).toBe(1)
      expect(warm).toEqual(cold)
    } finally {
      db.setFault('healthy')
    }
  })

  it('a sumdb mirror the first run used is not assumed by a run without it', async () => {
    const down = `${db.verifierKey} http://127.0.0.1:9`
    const inputs = { ...quote, proxies: world.url('full'), gosumdb: down }
    const { warm, cold } = await warmAndCold(
      { inputs: { ...inputs, 'sumdb-mirrors': db.url } },
      { inputs }
    )
    expect(cold.status).toBe(1)
    expect(warm).toEqual(cold)
  })

  it('staleness is judged against the candidates of the run', async () => {
    const inputs = {
      'probe-modules': 'rsc.io/quote@v1.5.2,example.com/hello',
      gosumdb: `${db.verifierKey} ${db.url}`,
      'fail-on': 'degraded'
    }
    const { warm, cold } = await warmAndCold(
      { inputs: { ...inputs, proxies: world.url('stale') } },
      { inputs: { ...inputs, proxies: `${world.url('stale')},${world.url('full')}` } }
    )
    expect(cold.verdicts[0]).toMatchObject({ verdict: 'degraded' })
    expect(warm).toEqual(cold)
  })

  it('a verdict reached trusting a CA is not one for a job that does not', async () => {
    const inputs = { ...quote, proxies: tlsWorld.url('p'), gosumdb: 'off' }
    const { warm, cold } = await warmAndCold(
      { inputs, env: { SSL_CERT_FILE: TEST_CA_FILE } },
      { inputs, env: { SSL_CERT_FILE: join(root, 'no-such-file') } }
    )
    expect(cold.status).toBe(1)
    expect(warm).toEqual(cold)
  })
})
