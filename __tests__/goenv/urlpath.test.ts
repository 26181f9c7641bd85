import { describe, expect, it } from '@jest/globals'
import { joinUrlPath, versionFileUrl, webJoin } from '../../src/goenv/urlpath.js'

describe('joinUrlPath', () => {
  it.each([
    ['https://proxy.example', 'a/@v/list', 'https://proxy.example/a/@v/list'],
    ['https://proxy.example/', 'a/@v/list', 'https://proxy.example/a/@v/list'],
    ['https://proxy.example/go/', '/a', 'https://proxy.example/go/a'],
    // The go command keeps the base URL's query after the joined path (modfetch/proxy.go).
    ['https://proxy.example/go?token=x', 'a/@latest', 'https://proxy.example/go/a/@latest?token=x'],
    ['https://proxy.example/go#frag', 'a', 'https://proxy.example/go/a'],
    ['file:///srv/proxy', 'a/@v/list', 'file:///srv/proxy/a/@v/list'],
    // path.Join: no slash doubled, wherever it was.
    ['https://proxy.example//x', 'a/@v/list', 'https://proxy.example/x/a/@v/list'],
    ['https://proxy.example/x//y//', 'a', 'https://proxy.example/x/y/a'],
    ['https://proxy.example//x?q=1', 'a', 'https://proxy.example/x/a?q=1']
  ])('%s + %s is %s', (base, path, url) => expect(joinUrlPath(base, path)).toBe(url))

  // cmd/go/internal/web's Join, for the checksum database: one trailing slash dropped.
  it.each([
    ['https://proxy.example', 'sumdb/s/supported', 'https://proxy.example/sumdb/s/supported'],
    ['https://proxy.example/', 'sumdb/s', 'https://proxy.example/sumdb/s'],
    ['https://proxy.example//x', 'sumdb/s', 'https://proxy.example//x/sumdb/s'],
    ['http://db.example/db//', 'lookup/m@v1', 'http://db.example/db//lookup/m@v1'],
    [
      'https://db.example/sumdb/s?k=v',
      'tile/8/0/000',
      'https://db.example/sumdb/s/tile/8/0/000?k=v'
    ]
  ])('webJoin(%s, %s) is %s', (base, path, url) => expect(webJoin(base, path)).toBe(url))

  it('escapes module paths and versions as the go command does', () => {
    expect(
      versionFileUrl('https://p.example?x=1', 'github.com/Azure/go', 'v1.0.0+incompatible', 'info')
    ).toBe('https://p.example/github.com/%21azure/go/@v/v1.0.0+incompatible.info?x=1')
  })
})
