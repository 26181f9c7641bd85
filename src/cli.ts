#!/usr/bin/env node
import { main, processIo } from './cli/main.js'

// exitCode, not exit(): stdout may still be flushing to a pipe.
process.exitCode = await main(process.argv.slice(2), process.env, processIo)
