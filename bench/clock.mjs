// Preloaded into the action with NODE_OPTIONS=--import, it splits a run's time without touching
// the bundle: Node's start (performance.timeOrigin) → this preload → the first read of an INPUT_*
// variable, the action's first step once its bundle is loaded and evaluated → process exit. At
// exit it writes those marks, the peak RSS and the V8 heap's peak sizes (sampled every 20 ms),
// as JSON, to $BENCH_CLOCK_FILE.
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
    },
    // Node's env object takes plain assignment only, not the descriptor a default trap would pass.
    set(target, key, value) {
      target[key] = value
      return true
    }
  })
  const heap = { totalKiB: 0, usedKiB: 0 }
  const sampleHeap = () => {
    const { heapTotal, heapUsed } = process.memoryUsage()
    heap.totalKiB = Math.max(heap.totalKiB, heapTotal >> 10)
    heap.usedKiB = Math.max(heap.usedKiB, heapUsed >> 10)
  }
  // Unref'd: the sampler never keeps the action alive.
  setInterval(sampleHeap, 20).unref()
  process.on('exit', () => {
    sampleHeap()
    const marks = {
      peakHeapTotalKiB: heap.totalKiB,
      peakHeapUsedKiB: heap.usedKiB,
      timeOrigin: performance.timeOrigin,
      preloadAt,
      firstInputAt,
      exitAt: performance.now(),
      maxRssKiB: process.resourceUsage().maxRSS
    }
    writeFileSync(file, JSON.stringify(marks))
  })
}
