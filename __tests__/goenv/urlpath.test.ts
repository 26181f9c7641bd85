import { describe, expect, it } from '@jest/globals'
import { joinUrlPath, versionFileUrl } from '../../src/goenv/urlpath.js'

describe('joinUrlPath', () => {
  it.each([
    ['https://proxy.example', 'a/@v/list', 'https://proxy.example/a/@v/list'],
    ['https://proxy.example/', 'a/@v/list', 'https://proxy.example/a/@v/list'],
    ['https://proxy.example/go/', '/a', 'https://proxy.example/go/a'],
    // The go command keeps the base URL's query after the joined path (modfetch/proxy.go).
    ['https://proxy.example/go?token=x', 'a/@latest', 'https://proxy.example/go/a/@latest?token=x'],
    ['https://proxy.example/go#frag', 'a', 'https://proxy.example/go/a'],
    ['file:///srv/proxy', 'a/@v/list', 'file:///srv/proxy/a/@v/list']
  ])('%s + %s is %s', (base, path, url) => expect(joinUrlPath(base, path)).toBe(url))

  it('escapes module paths and versions as the go command does', () => {
    expect(
      versionFileUrl('https://p.example?x=1', 'github.com/Azure/go', 'v1.0.0+incompatible', 'info')
    ).toBe('https://p.example/github.com/%21azure/go/@v/v1.0.0+incompatible.info?x=1')
  })
})
