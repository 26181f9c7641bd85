import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { cacheKey, type CacheKeyParts } from '../../../src/cache/key.js'

const BASE: CacheKeyParts = {
  url: 'https://proxy.example.com/go',
  checks: 'list,info,mod,zip,sumdb',
  modules: ['rsc.io/quote@v1.5.2', 'golang.org/x/sys@latest'],
  gosumdb: 'sum.golang.org'
}

describe('cacheKey', () => {
  it('is the SHA-256 of the documented canonical JSON (changing it invalidates every cache)', () => {
    const canonical =
      '{"scheme":"validate-goproxy/key@2","url":"https://proxy.example.com/go","userinfo":"none",' +
      '"checks":"list,info,mod,zip,sumdb","modules":["golang.org/x/sys@latest","rsc.io/quote@v1.5.2"],' +
      '"gosumdb":"sum.golang.org","extra":null,"credentials":null}'
    expect(cacheKey(BASE)).toBe(createHash('sha256').update(canonical).digest('hex'))
    expect(cacheKey(BASE)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes with every part', () => {
    const keys = [
      BASE,
      { ...BASE, url: 'https://proxy.example.com/other' },
      { ...BASE, checks: 'list' },
      { ...BASE, modules: ['rsc.io/quote@v1.5.2'] },
      { ...BASE, gosumdb: 'sum.golang.google.cn' },
      { ...BASE, extra: '' },
      { ...BASE, extra: 'profile=china' },
      { ...BASE, credentials: 'netrc: credentials' },
      { ...BASE, credentials: 'netrc: none at start' }
    ].map(cacheKey)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('ignores the order and repetition of modules', () => {
    const modules = ['golang.org/x/sys@latest', 'rsc.io/quote@v1.5.2', 'golang.org/x/sys@latest']
    expect(cacheKey({ ...BASE, modules })).toBe(cacheKey(BASE))
  })

  it('depends on whether the proxy URL has credentials, never on which', () => {
    const withCredentials = cacheKey({ ...BASE, url: 'https://alice:s3cret@proxy.example.com/go' })
    expect(cacheKey({ ...BASE, url: 'https://alice:guess@proxy.example.com/go' })).toBe(
      withCredentials
    )
    expect(cacheKey({ ...BASE, url: 'https://token@proxy.example.com/go' })).toBe(withCredentials)
    expect(withCredentials).not.toBe(cacheKey(BASE))
    // A secret that is not set leaves `https://:@host`: Go sends empty Basic auth, and gets a 401.
    const unset = cacheKey({ ...BASE, url: 'https://:@proxy.example.com/go' })
    expect(new Set([unset, withCredentials, cacheKey(BASE)]).size).toBe(3)
    expect(cacheKey({ ...BASE, url: 'https://@proxy.example.com/go' })).toBe(unset)
  })

  it('never depends on credentials in the GOSUMDB URL', () => {
    const db = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8'
    const plain = cacheKey({ ...BASE, gosumdb: `${db} https://sumdb.example.com/db` })
    expect(cacheKey({ ...BASE, gosumdb: `${db} https://bob:pw@sumdb.example.com/db` })).toBe(plain)
    expect(cacheKey({ ...BASE, gosumdb: `${db}   https://bob:other@sumdb.example.com/db` })).toBe(
      plain
    )
    expect(plain).not.toBe(cacheKey({ ...BASE, gosumdb: db }))
  })

  it('keeps direct and off as they are', () => {
    expect(cacheKey({ ...BASE, url: 'direct' })).not.toBe(cacheKey({ ...BASE, url: 'off' }))
  })
})
