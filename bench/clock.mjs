// Preloaded into the action with NODE_OPTIONS=--import, it splits a run's time without touching
// the bundle: Node's start (performance.timeOrigin) → this preload → the first read of an INPUT_*
// variable, the action's first step once its bundle is loaded and evaluated → process exit. At
// exit it writes those marks and the peak RSS, as JSON, to $BENCH_CLOCK_FILE.
import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_CLOCK_FILE
if (file) {
  const preloadAt = performance.now()
  let firstInputAt
  const env = process.env
  process.env = new Proxy(env, {
    get(target, key) {
      if (firstInputAt === undefined && typeof key === 'string' && key.startsWith('INPUT_')) {
        firstInputAt = performance.now()
      }
      return Reflect.get(target, key)
    }
  })
  process.on('exit', () => {
    const marks = {
      timeOrigin: performance.timeOrigin,
      preloadAt,
      firstInputAt,
      exitAt: performance.now(),
      maxRssKiB: process.resourceUsage().maxRSS
    }
    writeFileSync(file, JSON.stringify(marks))
  })
}
