// Progress on stderr: a candidate's verdict line comes as soon as its own probes end, so a hung
// candidate listed first holds up no other line. Asserted by order, not by time, so it holds on a
// busy machine.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

let world: ProxyWorld
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-progress-'))
  world = await startProxyWorld(await standardModules(), [
    { name: 'hang', fault: 'hang' },
    { name: 'healthy', fault: 'healthy' }
  ])
})

afterAll(async () => {
  await world.close()
  await rm(dir, { recursive: true, force: true })
})

it("prints a healthy candidate's verdict before a hung one, listed first, times out", async () => {
  const lines: { text: string }[] = []
  const io = { stdout: () => undefined, stderr: (text: string) => void lines.push({ text }) }
  const argv = [
    '--proxies',
    `${world.url('hang')}|${world.url('healthy')}`,
    '--probe-modules',
    'example.com/hello@v1.1.0',
    '--gosumdb',
    'off',
    '--go-sum',
    'none',
    '--cache',
    'false',
    '--retries',
    '0',
    '--timeout',
    '4'
  ]
  await main(argv, { HOME: dir, NETRC: join(dir, 'no-netrc') }, io)
  const healthy = lines.findIndex(l => l.text.includes(`${world.url('healthy')}: healthy`))
  const hung = lines.findIndex(l => l.text.includes(`${world.url('hang')}: unhealthy`))
  expect(lines[0].text).toMatch(/^probing 2 candidates/)
  expect(healthy).toBeGreaterThan(0)
  expect(hung).toBeGreaterThan(healthy)
  expect(lines[hung].text).toContain('timed out')
}, 30_000)
