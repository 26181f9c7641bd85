import * as path from 'node:path'
import { enableCompileCache } from './compile-cache.js'
import { exitWhenSettled } from './exit.js'

// The runner's tool cache outlives the job on a self-hosted runner, so its next run starts warm.
const toolCache = process.env.RUNNER_TOOL_CACHE
enableCompileCache(toolCache ? path.join(toolCache, 'validate-goproxy-compile-cache') : undefined)

// The action is loaded once the compile cache is on, in chunks: what reads and checks the inputs
// first, the rest (effects, engine, reports) only for good inputs (see src/action/main.ts).
// run() publishes outputs, summary and the Actions cache (each bounded) and never throws; then
// the step ends, even if a library left a socket open.
await exitWhenSettled(import('./action/main.js').then(async ({ run }) => void (await run())))
