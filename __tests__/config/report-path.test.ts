// report-path is checked before any request, by the action and the CLI alike.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSettings } from '../../src/action/inputs.js'
import { main } from '../../src/cli/main.js'
import { InputError } from '../../src/config/errors.js'
import { checkReportPath } from '../../src/config/report-path.js'
import { standardModules } from '../world/modules.js'
import { startProxyWorld, type ProxyWorld } from '../world/proxy-server.js'

let dir: string
let world: ProxyWorld

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-report-path-'))
  await writeFile(join(dir, 'a-file'), 'x')
  world = await startProxyWorld(await standardModules(), [{ name: 'healthy', fault: 'healthy' }])
})

afterAll(async () => {
  await world.close()
  await rm(dir, { recursive: true, force: true })
})

function refusal(file: string): string {
  try {
    checkReportPath(file)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe('report-path')
    return (err as Error).message
  }
  throw new Error(`${file} was accepted`)
}

describe('checkReportPath', () => {
  it('accepts a new file in an existing or creatable directory, and an existing file', () => {
    expect(checkReportPath(join(dir, 'report.json'))).toBe(join(dir, 'report.json'))
    expect(checkReportPath(join(dir, 'new', 'deeper', 'report.json'))).toContain('deeper')
    expect(checkReportPath(join(dir, 'a-file'))).toBe(join(dir, 'a-file'))
  })

  it('refuses a directory, naming report-path and the value', () => {
    expect(refusal(dir)).toBe(
      `Invalid input 'report-path': ${JSON.stringify(dir)} is a directory; give the path of a file`
    )
  })

  it('refuses a path under a file: its directory can never be created', () => {
    const file = join(dir, 'a-file', 'report.json')
    expect(refusal(file)).toBe(
      `Invalid input 'report-path': ${JSON.stringify(file)} cannot be created: ${join(dir, 'a-file')} is not a directory`
    )
  })

  it('refuses a path the file system cannot take', () => {
    expect(refusal(join(dir, 'nul\0.json'))).toMatch(
      /^Invalid input 'report-path': .* cannot be written: /
    )
  })

  // Root may write anywhere, so only another user can show the refusal of a read-only directory.
  const itAsUser = process.getuid?.() === 0 ? it.skip : it
  itAsUser('refuses a directory it may not write (skipped as root)', async () => {
    const locked = join(dir, 'locked')
    await mkdir(locked)
    await chmod(locked, 0o555)
    try {
      expect(refusal(join(locked, 'sub', 'report.json'))).toContain(`${locked} is not writable`)
    } finally {
      await chmod(locked, 0o755)
    }
  })
})

describe('both faces check it before any request', () => {
  it('the action refuses it when reading its settings', () => {
    expect(() => readSettings({ 'report-path': dir }, {})).toThrow(
      `Invalid input 'report-path': ${JSON.stringify(dir)} is a directory`
    )
    const fallback = readSettings({}, { RUNNER_TEMP: join(dir, 'runner-temp') }).reportPath
    expect(fallback).toBe(join(dir, 'runner-temp', 'validate-goproxy-report.json'))
  })

  it('the CLI exits 64 and asks the proxy nothing', async () => {
    let stderr = ''
    const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t) }
    const argv = ['--proxies', world.url('healthy'), '--gosumdb', 'off', '--cache', 'false']
    const status = await main([...argv, '--report-path', dir], { HOME: dir }, io)
    expect({ status, stderr }).toEqual({
      status: 64,
      stderr: `validate-goproxy: Invalid input 'report-path': ${JSON.stringify(dir)} is a directory; give the path of a file\n`
    })
    expect(world.totalRequests()).toBe(0)
  })
})
