// Both entry files exit once their result is out: a handle left open (a socket a library keeps)
// cannot hold the process, and everything written to stdout still arrives through a pipe.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runBounded } from '../world/spawn.js'

const TSX = ['--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href]
const EXIT_MODULE = pathToFileURL(resolve('src/exit.ts')).href
const ONE_MIB = 1024 * 1024

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-exit-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Runs a script through tsx; killed (code null) if it does not end in 30 s. */
async function runScript(body: string) {
  const file = join(dir, `script-${Math.random().toString(16).slice(2)}.mts`)
  await writeFile(file, `import { exitWhenSettled } from '${EXIT_MODULE}'\n${body}\n`)
  return runBounded(process.execPath, [...TSX, file], {
    env: { PATH: process.env.PATH },
    killAfterMs: 30_000
  })
}

describe('exitWhenSettled', () => {
  it('exits with the status, past an open server and a long timer, after stdout drained', async () => {
    const run = await runScript(`
      import { createServer } from 'node:net'
      createServer().listen(0, '127.0.0.1')
      setTimeout(() => undefined, 600_000)
      process.stdout.write('x'.repeat(${ONE_MIB}))
      await exitWhenSettled(Promise.resolve(3))
    `)
    expect(run).toMatchObject({ code: 3, timedOut: false, stderr: '' })
    expect(run.stdout).toHaveLength(ONE_MIB)
  })

  it('uses process.exitCode when given no status, as @actions/core sets it', async () => {
    const run = await runScript(`
      setInterval(() => undefined, 1000)
      process.exitCode = 5
      await exitWhenSettled(Promise.resolve(undefined))
    `)
    expect(run).toMatchObject({ code: 5, timedOut: false, stderr: '' })
  })

  it('prints a rejection and exits with 1', async () => {
    const run = await runScript(`
      setInterval(() => undefined, 1000)
      await exitWhenSettled(Promise.reject(new Error('unexpected')))
    `)
    expect(run).toMatchObject({ code: 1, timedOut: false })
    expect(run.stderr).toContain('Error: unexpected')
  })
})

describe('the CLI from its sources', () => {
  const cli = (args: string[]) =>
    runBounded(process.execPath, [...TSX, resolve('src/cli.ts'), ...args], {
      env: { PATH: process.env.PATH, GOPROXY: 'off', GOSUMDB: 'off' },
      killAfterMs: 30_000
    })

  it('exits 0 after printing its help in full', async () => {
    const run = await cli(['--help'])
    expect(run).toMatchObject({ code: 0, timedOut: false })
    expect(run.stdout).toMatch(/validate-goproxy/)
  })

  it('exits 64 on a usage error', async () => {
    const run = await cli(['--no-such-flag'])
    expect(run).toMatchObject({ code: 64, timedOut: false })
  })
})
