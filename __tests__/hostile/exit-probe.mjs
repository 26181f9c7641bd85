// Preloaded into the bundled action (NODE_OPTIONS=--import): when the process exits, writes its
// exit code, its peak resident memory and how long it lived to the file VGP_EXIT_FILE names.
import { readFileSync, writeFileSync } from 'node:fs'

/**
 * This program's own peak RSS in KiB. On Linux, resourceUsage().maxRSS keeps the high-water mark
 * of the process before execve, which is the test runner that forked it; VmHWM starts afresh.
 */
function peakRssKiB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // Not Linux: the inherited mark is the best there is, and only too high, never too low.
  }
  return process.resourceUsage().maxRSS
}

const file = process.env.VGP_EXIT_FILE
if (file) {
  process.on('exit', code => {
    const usage = { code, maxRssKiB: peakRssKiB(), uptimeMs: Math.round(process.uptime() * 1000) }
    writeFileSync(file, JSON.stringify(usage))
  })
}
