// The real @actions/cache when the cache service fails: the run must go on.
import { describe, expect, it } from '@jest/globals'
import { refusedCacheUrl, useCacheServiceEnv } from '../../world/cache-service.js'
import { BUCKET0, KEYS, payload, T0, useSyncWorld } from '../support/sync-world.js'

const w = useSyncWorld()

describe('an unavailable service', () => {
  it('answering 500: restore and save go on without throwing', async () => {
    const store = await w.newStore()
    await store.write(KEYS[0], payload('healthy'), T0)
    w.service.mode = 'down'
    expect(await w.sync(store).restore()).toEqual({ merged: 0 })
    expect(await w.sync(store).save()).toMatchObject({ saved: false, key: `${w.prefix}${BUCKET0}` })
    expect(w.service.log).toEqual([
      'GET _apis/artifactcache/cache 500',
      'POST _apis/artifactcache/caches 500'
    ])
    // The library wraps the 5xx in a plain Error, so it becomes a warning, not an error annotation.
    const said = w.said()
    expect(said).toContain(
      '::warning::Failed to restore: getCacheEntry failed: Cache service responded with 500'
    )
    expect(said).toContain(
      '::warning::Failed to save: reserveCache failed: Cache service responded with 500'
    )
    expect(said).not.toContain('::error::')
    expect(await store.keys()).toEqual([KEYS[0]])
  })

  it('refusing connections: restore and save go on without throwing', async () => {
    const store = await w.newStore()
    await store.write(KEYS[0], payload('healthy'), T0)
    const back = useCacheServiceEnv({
      url: await refusedCacheUrl(),
      token: w.service.token,
      runnerTemp: w.runnerTemp,
      workspace: w.workspace
    })
    try {
      // The library retries a refused connection once, after 5 s: run both side by side.
      const [restored, saved] = await Promise.all([
        w.sync(store).restore(),
        w.sync(await w.newStore()).save()
      ])
      expect(restored).toEqual({ merged: 0 })
      expect(saved).toMatchObject({ saved: false })
      expect(w.said()).toContain('ECONNREFUSED')
    } finally {
      back()
    }
  }, 15_000)

  it('too slow: past deadlineMs the run goes on, leaves the library behind and asks no more', async () => {
    const store = await w.newStore()
    await store.write(KEYS[0], payload('healthy'), T0)
    w.service.delayMs = 1000
    try {
      const slow = w.sync(store, { deadlineMs: 100 })
      expect(await slow.restore()).toEqual({ merged: 0 })
      expect(await slow.save()).toEqual({
        saved: false,
        key: `${w.prefix}${BUCKET0}`,
        reason: 'restoreCache did not finish in time: the cache service is not answering'
      })
      expect(w.log.lines).toEqual([
        'warning: actions cache: restore failed, going on without it: restoreCache took longer than 100 ms; left behind',
        `info: actions cache: ${w.prefix}${BUCKET0} not saved: restoreCache did not finish in time: the cache service is not answering`
      ])
      expect(w.service.log).toEqual([])
      // Let the library's request end before the next test.
      for (let i = 0; i < 100 && w.service.log.length === 0; i++)
        await new Promise(r => setTimeout(r, 50))
      expect(w.service.log).toEqual(['GET _apis/artifactcache/cache 204'])
    } finally {
      w.service.delayMs = 0
    }
  })

  it('missing (no ACTIONS_CACHE_URL, as outside a runner): nothing is attempted', async () => {
    const url = process.env.ACTIONS_CACHE_URL
    delete process.env.ACTIONS_CACHE_URL
    try {
      const store = await w.newStore()
      await store.write(KEYS[0], payload('healthy'), T0)
      expect(await w.sync(store).restore()).toEqual({ merged: 0 })
      expect(await w.sync(store).save()).toEqual({
        saved: false,
        key: `${w.prefix}${BUCKET0}`,
        reason: 'the Actions cache is not available here'
      })
      expect(w.service.log).toEqual([])
      expect(w.log.lines[0]).toBe(
        'debug: actions cache: not available here (no cache service in the environment)'
      )
    } finally {
      process.env.ACTIONS_CACHE_URL = url
    }
  })
})
