// Preloaded into the bundled action (NODE_OPTIONS=--import): when the process exits, writes its
// exit code, its peak resident memory and how long it lived to the file VGP_EXIT_FILE names.
import { writeFileSync } from 'node:fs'

const file = process.env.VGP_EXIT_FILE
if (file) {
  process.on('exit', code => {
    const usage = {
      code,
      maxRssKiB: process.resourceUsage().maxRSS,
      uptimeMs: Math.round(process.uptime() * 1000)
    }
    writeFileSync(file, JSON.stringify(usage))
  })
}
