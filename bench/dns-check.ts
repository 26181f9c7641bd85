/**
 * Checks that the unknown-host candidate stays on this machine: each client resolves the name
 * under strace, and any connect or send to port 53 (a DNS query) is counted.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { baseEnv } from '../__tests__/world/go.js'
import { UNKNOWN_HOST } from './personas.js'

export interface DnsCheck {
  client: string
  /** How long the failed lookup took, strace included. */
  ms: number
  /** System calls that sent to, or connected to, port 53. */
  dnsPackets: number
  failed: boolean
}

const STRACE = ['-f', '-e', 'trace=connect,sendto,sendmsg,sendmmsg']

function traced(client: string, command: string[], env: NodeJS.ProcessEnv, cwd: string): DnsCheck {
  const started = performance.now()
  const run = spawnSync('strace', [...STRACE, ...command], {
    env,
    cwd,
    encoding: 'utf8',
    timeout: 30_000
  })
  const ms = performance.now() - started
  const dnsPackets = (run.stderr ?? '').split('\n').filter(line => /htons\(53\)/.test(line)).length
  return { client, ms, dnsPackets, failed: run.status !== 0 }
}

/** The checks, or undefined where strace is not installed. */
export async function checkUnknownHost(): Promise<DnsCheck[] | undefined> {
  if (spawnSync('strace', ['-V'], { stdio: 'ignore' }).status !== 0) return undefined
  const cwd = await mkdtemp(join(tmpdir(), 'vgp-bench-dns-'))
  const url = `http://${UNKNOWN_HOST}:9`
  const env = { PATH: process.env.PATH ?? '', HOME: cwd }
  try {
    const lookup = `require('node:dns').lookup(${JSON.stringify(UNKNOWN_HOST)}, err => process.exit(err ? 1 : 0))`
    return [
      traced('Node (A)', [process.execPath, '-e', lookup], env, cwd),
      traced(
        'go (B)',
        ['go', 'list', '-m', 'example.com/hello@latest'],
        { ...baseEnv(cwd), GOPROXY: url },
        cwd
      ),
      traced('curl (C)', ['curl', '-sf', '--max-time', '10', `${url}/`], env, cwd)
    ]
  } finally {
    await rm(cwd, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 })
  }
}
