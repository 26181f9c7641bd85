/**
 * GOTOOLCHAIN decides which toolchain the go command downloads, and so which one is checked:
 * none with local or path, the one it names, or the later of <name>+auto and what go.mod asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toolchainWarning } from '../../src/walk/toolchain.js'
import { itWithGo, runGo } from '../world/go.js'
import { startToolchainWorld, TOOLCHAIN, type ToolchainWorld } from './toolchain-world.js'

describe('GOTOOLCHAIN and the toolchain checked', () => {
  let w: ToolchainWorld
  beforeAll(async () => {
    w = await startToolchainWorld()
  })
  afterAll(() => w.close())

  it('checks no toolchain when GOTOOLCHAIN never downloads one (local, path)', async () => {
    for (const GOTOOLCHAIN of ['local', 'path', 'local+path']) {
      const before = w.withoutToolchain.seen().length
      const result = await w.run(
        w.withoutToolchain.url('modules'),
        w.gosumdb(),
        'standard',
        {},
        {
          GOTOOLCHAIN
        }
      )
      expect({ GOTOOLCHAIN, toolchains: result.build.toolchains }).toEqual({
        GOTOOLCHAIN,
        toolchains: []
      })
      const asked = w.withoutToolchain
        .seen()
        .slice(before)
        .map(s => s.path)
      expect(asked.filter(p => p.includes('golang.org/toolchain'))).toEqual([])
    }
  })

  it('checks the toolchain GOTOOLCHAIN names, whatever go.mod asks for', async () => {
    const result = await w.run(
      w.withoutToolchain.url('modules'),
      w.gosumdb(),
      'standard',
      {},
      {
        GOTOOLCHAIN: 'go1.98.0'
      }
    )
    const [named] = result.build.toolchains
    expect(named).toMatchObject({ outcome: 'unresolved' })
    expect(named.need).toMatchObject({ name: 'go1.98.0', from: 'GOTOOLCHAIN' })
    expect(toolchainWarning(named)).toMatch(
      /\(the go1\.98\.0 toolchain GOTOOLCHAIN names\) does not resolve.*Every go command but go1\.98\.0 itself switches to it, and will fail to \("toolchain not available"\)/
    )
  })

  itWithGo('agrees with the go command: GOTOOLCHAIN=go1.98.0 fails to switch', async () => {
    const go = await runGo(['version'], {
      cwd: w.dir,
      env: { GOTOOLCHAIN: 'go1.98.0', GOPROXY: w.withoutToolchain.url('modules') },
      timeoutMs: 60_000
    })
    expect(go.code).not.toBe(0)
    expect(go.stderr).toContain('toolchain not available')
  })

  it('takes the later of GOTOOLCHAIN+auto and what go.mod asks for', async () => {
    const later = await w.run(
      w.withToolchain.url('all'),
      w.gosumdb(),
      'standard',
      {},
      {
        GOTOOLCHAIN: 'go1.22.0+auto'
      }
    )
    expect(later.build.toolchains.map(t => t.need.name)).toEqual([TOOLCHAIN])
    const earlier = await w.run(
      w.withoutToolchain.url('modules'),
      w.gosumdb(),
      'standard',
      {},
      {
        GOTOOLCHAIN: 'go1.99.9+auto'
      }
    )
    expect(earlier.build.toolchains.map(t => t.need.name)).toEqual(['go1.99.9'])
  })

  it('checks the GOTOOLCHAIN+auto minimum for a listed module that asks for no toolchain', async () => {
    const other = join(w.dir, 'other')
    await mkdir(other, { recursive: true })
    await writeFile(join(other, 'go.mod'), 'module example.com/other\n\ngo 1.20\n')
    await writeFile(join(other, 'go.sum'), '')
    const goSum = [join(w.dir, 'go.sum'), join(other, 'go.sum')].join('\n')
    const result = await w.run(
      w.withoutToolchain.url('modules'),
      w.gosumdb(),
      'standard',
      {
        'go-sum': goSum
      },
      { GOTOOLCHAIN: 'go1.22.0+auto' }
    )
    expect(result.build.toolchains.map(t => t.need.name).sort()).toEqual(['go1.22.0', TOOLCHAIN])
  })

  it('refuses a GOTOOLCHAIN the go command refuses, in its words', () => {
    expect(() => w.run(w.zipOnly, w.gosumdb(), 'standard', {}, { GOTOOLCHAIN: 'gox' })).toThrow(
      `Invalid input 'GOTOOLCHAIN': "gox" is not valid: invalid GOTOOLCHAIN "gox"`
    )
    expect(() => w.run(w.zipOnly, w.gosumdb(), 'standard', {}, { GOTOOLCHAIN: 'local+x' })).toThrow(
      'only version suffixes are +auto and +path'
    )
  })
})
