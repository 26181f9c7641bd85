/**
 * Finding the build's go.sum files: the module or workspace of the working directory as the go
 * command finds it (checked against `go env GOMOD GOWORK`), or the paths and patterns `go-sum`
 * lists, on real directory trees.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { devNull, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { discoverGoSums } from '../../src/build/discover.js'
import { parseUseDirectives } from '../../src/build/gowork.js'
import { parseGoSumInput } from '../../src/config/go-sum.js'
import { WalkLimitError, walkFiles } from '../../src/build/walk.js'
import { itWithGo, runGo } from '../world/go.js'

const GO_MOD = 'module example.com/m\n\ngo 1.22\n'

let root: string
beforeEach(async () => {
  // The real path: the go command reports paths without the /tmp symlink of macOS.
  root = await realpath(await mkdtemp(join(tmpdir(), 'discover-')))
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function tree(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true })
    await writeFile(join(root, name), text)
  }
}

const at = (...names: string[]) => names.map(n => join(root, n))

function discover(goSum: string, dir = '', env: Record<string, string> = {}) {
  return discoverGoSums({ goSum: parseGoSumInput(goSum), workingDirectory: join(root, dir), env })
}

const WORKSPACE = {
  'go.work':
    'go 1.22\n\nuse (\n\t./a // the app\n\t"./b"\n)\nuse ./c\nreplace example.com/x => ./x\n',
  'go.work.sum': '',
  'a/go.mod': GO_MOD,
  'a/go.sum': '',
  'a/x/main.go': 'package main\n',
  'b/go.mod': GO_MOD,
  'c/go.mod': GO_MOD,
  'c/go.sum': ''
}

describe('go-sum: auto', () => {
  it('finds the module in a parent directory: its go.sum, and its go.mod for the toolchain', async () => {
    await tree({ 'go.mod': GO_MOD, 'go.sum': '', 'sub/deep/x.go': '' })
    expect(await discover('', 'sub/deep')).toEqual({
      goSumFiles: at('go.sum'),
      toolchainFiles: at('go.mod'),
      found: true
    })
  })

  it('finds a module without go.sum as a build with no go.sum lines, its go.sum missing', async () => {
    await tree({ 'go.mod': GO_MOD })
    expect(await discover('auto')).toEqual({
      goSumFiles: [],
      toolchainFiles: at('go.mod'),
      found: true,
      missingGoSum: join(root, 'go.sum')
    })
  })

  it('finds a workspace: each used module’s go.sum, then go.work.sum; go.work picks the toolchain', async () => {
    await tree(WORKSPACE)
    expect(await discover('auto', 'a/x')).toEqual({
      goSumFiles: at('a/go.sum', 'c/go.sum', 'go.work.sum'),
      toolchainFiles: at('go.work'),
      workspace: join(root, 'go.work'),
      found: true
    })
  })

  it('leaves the workspace with GOWORK=off, and uses the one GOWORK names', async () => {
    await tree({ ...WORKSPACE, 'other/ci.work': 'use ../b\n', 'other/ci.work.sum': '' })
    expect(await discover('auto', 'a/x', { GOWORK: 'off' })).toEqual({
      goSumFiles: at('a/go.sum'),
      toolchainFiles: at('a/go.mod'),
      found: true
    })
    expect(await discover('auto', 'a', { GOWORK: join(root, 'other/ci.work') })).toEqual({
      goSumFiles: at('other/ci.work.sum'),
      toolchainFiles: at('other/ci.work'),
      workspace: join(root, 'other/ci.work'),
      found: true
    })
  })

  it('is an InputError where the go command fails: relative GOWORK, missing go.work, used directory without go.mod', async () => {
    await tree({ ...WORKSPACE, 'go.work': 'use ./a\nuse ./gone\n' })
    await expect(discover('auto', 'a', { GOWORK: 'ci.work' })).rejects.toThrow(
      `Invalid input 'go-sum': "auto" cannot find the workspace: GOWORK=ci.work is not an absolute path`
    )
    await expect(discover('auto', 'a', { GOWORK: join(root, 'nope.work') })).rejects.toThrow(
      `cannot read the workspace ${join(root, 'nope.work')} (ENOENT)`
    )
    await expect(discover('auto', 'a')).rejects.toThrow(
      `the workspace ${join(root, 'go.work')} uses ${join(root, 'gone')}, which has no go.mod`
    )
  })

  it('finds nothing, without an error, where there is no module', async () => {
    await tree({ 'src/x.go': '' })
    expect(await discover('auto', 'src')).toEqual({
      goSumFiles: [],
      toolchainFiles: [],
      found: false
    })
  })

  it('ignores a go.mod right in the temporary directory, as Go does (golang.org/issue/26708)', async () => {
    await tree({ 'go.mod': GO_MOD, 'go.sum': '', 'work/x.go': '' })
    const options = { goSum: parseGoSumInput(''), workingDirectory: join(root, 'work'), env: {} }
    expect(await discoverGoSums({ ...options, tempDir: root })).toMatchObject({ found: false })
  })

  it('is an InputError naming working-directory when it is not a directory', async () => {
    await expect(discover('auto', 'missing')).rejects.toThrow(
      `Invalid input 'working-directory': ${JSON.stringify(join(root, 'missing'))} is not a directory`
    )
  })
})

describe('go-sum: none, paths and patterns', () => {
  const MONOREPO = {
    'go.mod': GO_MOD,
    'go.sum': '',
    'svc/a/go.mod': GO_MOD,
    'svc/a/go.sum': '',
    'svc/a/testdata/m/go.sum': '',
    'svc/b/go.sum': '',
    'svc/b/vendor/m/go.sum': '',
    'tools/go.work': 'use .\n',
    'tools/go.work.sum': '',
    // Not beside the root go.mod: a vendor directory there would make that build a vendored one.
    'tools/vendor/m/go.sum': '',
    'node_modules/m/go.sum': '',
    '.git/go.sum': ''
  }

  it('none: no files', async () => {
    await tree(MONOREPO)
    expect(await discover('none')).toEqual({ goSumFiles: [], toolchainFiles: [], found: false })
  })

  it('**/go.sum: every go.sum of a monorepo but those under vendor, testdata, .git, node_modules', async () => {
    await tree(MONOREPO)
    expect(await discover('**/go.sum')).toEqual({
      goSumFiles: at('go.sum', 'svc/a/go.sum', 'svc/b/go.sum'),
      toolchainFiles: at('go.mod', 'svc/a/go.mod'),
      found: true
    })
  })

  it('lists paths and patterns in order, each file once; a go.work.sum brings its go.work', async () => {
    await tree(MONOREPO)
    const found = await discover('svc/*/go.sum,\n tools/go.work.sum \n go.sum, svc/a/go.sum', '')
    expect(found).toEqual({
      goSumFiles: at('svc/a/go.sum', 'svc/b/go.sum', 'tools/go.work.sum', 'go.sum'),
      toolchainFiles: at('svc/a/go.mod', 'tools/go.work', 'go.mod'),
      found: true
    })
  })

  it('reads relative paths from the working directory; absolute ones as they are', async () => {
    await tree(MONOREPO)
    expect((await discover(`../b/go.sum, ${join(root, 'go.sum')}`, 'svc/a')).goSumFiles).toEqual(
      at('svc/b/go.sum', 'go.sum')
    )
  })

  it('is an InputError naming go-sum and the item for a missing path or a pattern matching nothing', async () => {
    await tree(MONOREPO)
    await expect(discover('svc/c/go.sum')).rejects.toThrow(
      `Invalid input 'go-sum': "svc/c/go.sum" does not exist (a relative path starts at working-directory ${root})`
    )
    await expect(discover('svc')).rejects.toThrow(`"svc" is a directory, not a go.sum file`)
    await expect(discover('go.sum, vendor/**/go.sum')).rejects.toThrow(
      `Invalid input 'go-sum': "vendor/**/go.sum" matches no file under working-directory ${root} (vendor, testdata, .git, node_modules are not searched)`
    )
  })

  it('is an InputError before any disk access for a pattern leaving the working directory', () => {
    expect(() => parseGoSumInput('../**/go.sum')).toThrow(
      `Invalid input 'go-sum': "../**/go.sum" is a pattern, so it must stay under working-directory`
    )
  })
})

describe('go.work use directives', () => {
  it('are read from single lines and blocks, quoted or not, skipping comments and other blocks', () => {
    const text = [
      '// use ./commented',
      'go 1.22',
      'use ./one // trailing',
      'replace (',
      '\texample.com/x => ./use',
      ')',
      'use (',
      '\t"./with space"',
      '',
      '\t// ./not',
      '\t../up',
      ')',
      'use "C:\\\\abs"'
    ].join('\n')
    expect(parseUseDirectives(text)).toEqual(['./one', './with space', '../up', 'C:\\abs'])
  })

  it('throw GoEnvError on a string that does not end on its line', () => {
    expect(() => parseUseDirectives('use "./a\n')).toThrow('go.work:1: cannot read the string "./a')
  })
})

describe('the walk', () => {
  it('does not follow links to directories (a loop ends) but reads links to files', async () => {
    await tree({ 'a/go.sum': '', 'real.sum': '' })
    await symlink(root, join(root, 'a/loop'), 'dir')
    await symlink(join(root, 'real.sum'), join(root, 'a/linked.sum'), 'file')
    const files = await walkFiles(root, { descend: () => true, accept: f => f.endsWith('.sum') })
    expect(files).toEqual(at('a/go.sum', 'a/linked.sum', 'real.sum'))
  })

  it('stops with WalkLimitError after its limit of entries', async () => {
    await tree(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d${i}/go.sum`, ''])))
    const walk = walkFiles(root, { descend: () => true, accept: () => true, maxEntries: 10 })
    await expect(walk).rejects.toBeInstanceOf(WalkLimitError)
  })
})

describe('against the go command: go env GOMOD GOWORK', () => {
  // What `go env` says, and what we found, in its terms.
  async function compare(dir: string, env: Record<string, string> = {}) {
    const run = await runGo(['env', 'GOMOD', 'GOWORK'], { cwd: join(root, dir), env })
    expect(run.stderr).toBe('')
    const [gomod, gowork] = run.stdout.split('\n')
    const found = await discover('auto', dir, env)
    const ours = found.workspace
      ? { gowork: found.workspace }
      : { gomod: found.toolchainFiles[0] ?? devNull, gowork: env.GOWORK ?? '' }
    expect(found.workspace ? { gowork } : { gomod, gowork }).toEqual(ours)
  }

  itWithGo(
    'agrees on a module in a parent directory, a workspace, GOWORK=off and GOWORK=<file>, and no module',
    async () => {
      await tree({ ...WORKSPACE, 'other/ci.work': 'go 1.22\nuse ../b\n', 'lone/x.go': '' })
      await compare('a/x')
      await compare('a/x', { GOWORK: 'off' })
      await compare('c', { GOWORK: join(root, 'other/ci.work') })
      await rm(join(root, 'go.work'))
      await compare('a/x')
      await compare('lone')
    }
  )
})
