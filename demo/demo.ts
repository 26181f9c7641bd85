/**
 * `npm run demo`: a small Go module world on 127.0.0.1 — a dead corporate proxy, a mirror that
 * serves a tampered zip, an honest mirror and a checksum database — and the bundled action run
 * against it exactly as the GitHub runner runs it. Needs no network.
 */
import { standardModules } from '../__tests__/world/modules.js'
import { startProxyWorld } from '../__tests__/world/proxy-server.js'
import { runAction } from '../__tests__/world/runner.js'
import { startSumdb } from '../__tests__/world/sumdb-server.js'
import { tamperedServed } from '../__tests__/world/tamper.js'

const modules = await standardModules()
const db = await startSumdb(modules, { name: 'sum.demo.example' })
const world = await startProxyWorld(modules, [
  { name: 'corp-proxy', fault: 'hang' },
  {
    name: 'tampered-mirror',
    fault: 'tampered',
    tamperedServed: await tamperedServed(modules, 'zip'),
    sumdb: db.viaProxy
  },
  { name: 'honest-mirror', fault: 'healthy', sumdb: db.viaProxy }
])

const inputs = {
  proxies: world.url('corp-proxy'),
  mirrors: `${world.url('tampered-mirror')}|${world.url('honest-mirror')}`,
  gosumdb: db.verifierKey,
  'probe-modules': 'example.com/hello example.com/Upper/Case@v0.1.0',
  checks: 'full',
  timeout: '3',
  cache: 'false'
}
try {
  console.log('Running dist/index.js as the runner would, with:')
  for (const [name, value] of Object.entries(inputs)) console.log(`  ${name}: ${value}`)
  const run = await runAction(inputs)
  console.log(`\nExit code ${run.code} after ${(run.durationMs / 1000).toFixed(1)} s.\n`)
  console.log('── Job summary ──────────────────────────────────────────────')
  console.log(run.summary)
  console.log('── Exported to later steps (GITHUB_ENV) ─────────────────────')
  for (const [name, value] of Object.entries(run.exported)) console.log(`${name}=${value}`)
  console.log('\n── Outputs ──────────────────────────────────────────────────')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`)
  process.exitCode = run.code ?? 1
} finally {
  await Promise.all([world.close(), db.close()])
}
