import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildModules } from './gosum.js'
import { startHealthyWorld } from './world.js'
import { goSumLines, standardModules } from '../__tests__/world/modules.js'

const deps = await buildModules(1000)
const world = await startHealthyWorld([...(await standardModules()), ...deps], 3, 20)
const dir = await mkdtemp(join(tmpdir(), 'vgp-gosum-manual-'))
const requires = deps.map(m => `\t${m.path} ${m.version}\n`).join('')
await writeFile(join(dir, 'go.mod'), `module bench.example/app\n\ngo 1.21\n\nrequire (\n${requires})\n`)
await writeFile(join(dir, 'go.sum'), goSumLines(deps))
console.log(JSON.stringify({ proxies: world.candidates.map(c => c.url).join(','), gosumdb: world.gosumdbViaProxies, dir }))
setInterval(() => {}, 1 << 30)
