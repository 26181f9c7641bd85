#!/usr/bin/env node
import { main, processIo } from './cli/main.js'
import { exitWhenSettled } from './exit.js'

// Exits once stdout has drained, so that nothing left running can hold the command open.
await exitWhenSettled(main(process.argv.slice(2), process.env, processIo))
