import { describe, it, expect } from '@jest/globals'
import { fileProxyDirectory, isAbsolutePath } from '../../src/gostd/filepath.js'
import { expectGoEnvError } from '../goenv/throws.js'

describe('isAbsolutePath', () => {
  it.each([
    ['/srv/x', 'posix', true],
    ['srv/x', 'posix', false],
    ['C:\\x', 'posix', false],
    ['C:\\x', 'windows', true],
    ['C:/x', 'windows', true],
    ['C:x', 'windows', false],
    ['C:', 'windows', false],
    ['\\\\host\\share\\x', 'windows', true],
    ['//host/share', 'windows', true],
    ['\\x', 'windows', false],
    ['/x', 'windows', false],
    ['\\\\?\\C:\\x', 'windows', true]
  ] as const)('%j in %s style: %s', (path, style, expected) => {
    expect(isAbsolutePath(path, style)).toBe(expected)
  })
})

describe('fileProxyDirectory', () => {
  it.each([
    ['/srv/goproxy', 'posix', '/srv/goproxy'],
    ['/srv/goproxy/', 'posix', '/srv/goproxy'],
    ['', 'posix', '/'],
    ['/', 'posix', '/'],
    ['/C:/goproxy/', 'windows', 'C:\\goproxy'],
    ['/C:', 'windows', 'C:\\']
  ] as const)('%j in %s style is %j', (urlPath, style, expected) => {
    expect(fileProxyDirectory(urlPath, style)).toBe(expected)
  })

  it('refuses Windows paths without a drive letter', () => {
    expectGoEnvError(
      () => fileProxyDirectory('/srv/x', 'windows'),
      'file URL missing drive letter: /srv/x'
    )
    expectGoEnvError(
      () => fileProxyDirectory('//host/share', 'windows'),
      'file URL missing drive letter: //host/share'
    )
  })
})
