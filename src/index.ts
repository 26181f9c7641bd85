import { run } from './action/main.js'
import { exitWhenSettled } from './exit.js'

// run() publishes outputs, summary and the Actions cache (each bounded) and never throws; then
// the step ends, even if a library left a socket open.
await exitWhenSettled(run().then(() => undefined))
