/**
 * A build the go command makes from vendor/ downloads no module, so its go.sum is not walked.
 * Each layout is read by discoverGoSums, then judged by the go command: `go list -deps ./...`
 * (the loader `go build` uses, without compiling) with GOPROXY=off and an empty module cache
 * succeeds only from vendor/, and names GOPROXY=off whenever it would have downloaded.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { discoverGoSums, type DiscoveredBuild } from '../../src/build/discover.js'
import { modFlag } from '../../src/build/vendor.js'
import { parseGoSumInput } from '../../src/config/go-sum.js'
import { itWithGo, runGo } from '../world/go.js'

const HELLO_SUM = [
  'example.com/hello v1.0.0 h1:BMZLHt1FA6FLPC+H4ZSxZSphx9O63MG/XrVlfD3weYw=',
  'example.com/hello v1.0.0/go.mod h1:NnGvEkTHyKKlgPcQSue0skqyqiS1EfBSAh+0WaWZYmE=',
  ''
].join('\n')

// vendor/modules.txt as `go mod vendor` writes it at go 1.17 and later, before (no go version),
// and as `go work vendor` writes it.
const MODULES_TXT = '# example.com/hello v1.0.0\n## explicit; go 1.21\nexample.com/hello\n'
const MODULES_TXT_1_14 = '# example.com/hello v1.0.0\n## explicit\nexample.com/hello\n'
const WORKSPACE_MODULES_TXT = `## workspace\n${MODULES_TXT}`

/** A module that requires and imports example.com/hello, its code vendored unless `modulesTxt` is null. */
function app(go: string | undefined, modulesTxt: string | null = MODULES_TXT, at = '') {
  const goLine = go === undefined ? '' : `\ngo ${go}\n`
  const files: Record<string, string> = {
    [`${at}go.mod`]: `module example.com/app\n${goLine}\nrequire example.com/hello v1.0.0\n`,
    [`${at}go.sum`]: HELLO_SUM,
    [`${at}main.go`]:
      'package main\n\nimport "example.com/hello"\n\nfunc main() { println(hello.Hello()) }\n'
  }
  if (modulesTxt === null) return files
  return {
    ...files,
    [`${at}vendor/example.com/hello/hello.go`]:
      'package hello\n\nfunc Hello() string { return "hello" }\n',
    ...(modulesTxt !== '' && { [`${at}vendor/modules.txt`]: modulesTxt })
  }
}

/** A workspace of app/ whose vendor directory is the one `vendorAt` names. */
function workspace(go: string, vendorAt: 'root' | 'module') {
  const files = app('1.21', vendorAt === 'module' ? MODULES_TXT : null, 'app/')
  if (vendorAt === 'module') return { ...files, 'go.work': `go ${go}\n\nuse ./app\n` }
  return {
    ...files,
    'go.work': `go ${go}\n\nuse ./app\n`,
    'vendor/example.com/hello/hello.go':
      'package hello\n\nfunc Hello() string { return "hello" }\n',
    'vendor/modules.txt': WORKSPACE_MODULES_TXT
  }
}

interface Case {
  name: string
  files: Record<string, string>
  /** Where go runs, relative to the tree; '' its root. */
  dir?: string
  env?: Record<string, string>
  goSum?: string
  /** The vendored builds found: their vendor directory, reason, and go.sum files (relative). */
  vendored?: { dir: string; reason: string; missing?: boolean; goSumFiles: string[] }[]
  /** The go.sum files still read (relative). */
  read: string[]
  /** The directories go is run in, when not just `dir`. */
  goDirs?: string[]
  /** What go says when it fails without asking a proxy (no vendor/ to build from). */
  goFails?: RegExp
}

const CASES: Case[] = [
  {
    name: 'go 1.21 with vendor/modules.txt',
    files: app('1.21'),
    vendored: [{ dir: 'vendor', reason: 'go.mod says go 1.21', goSumFiles: ['go.sum'] }],
    read: []
  },
  {
    name: 'go 1.14, the first to vendor by default, from a subdirectory',
    files: {
      ...app('1.14', MODULES_TXT_1_14),
      'sub/x.go': 'package sub\n\nimport _ "example.com/hello"\n'
    },
    dir: 'sub',
    vendored: [{ dir: 'vendor', reason: 'go.mod says go 1.14', goSumFiles: ['go.sum'] }],
    read: []
  },
  {
    name: 'go 1.13 (no automatic vendoring)',
    files: app('1.13', MODULES_TXT_1_14),
    read: ['go.sum']
  },
  { name: 'go 1.14rc1 (before 1.14)', files: app('1.14rc1', MODULES_TXT_1_14), read: ['go.sum'] },
  { name: 'no go line', files: app(undefined, MODULES_TXT_1_14), read: ['go.sum'] },
  {
    name: 'GOFLAGS=-mod=mod',
    files: app('1.21'),
    env: { GOFLAGS: '-modcacherw -mod=mod' },
    read: ['go.sum']
  },
  {
    name: 'GOFLAGS=-mod=readonly',
    files: app('1.21'),
    env: { GOFLAGS: '-mod=readonly' },
    read: ['go.sum']
  },
  {
    name: 'GOFLAGS with -mod=vendor, then an empty -mod= (Go leaves the mode unset)',
    files: app('1.21'),
    env: { GOFLAGS: '-mod=vendor -mod=' },
    read: ['go.sum']
  },
  {
    name: 'GOFLAGS=--mod=vendor at go 1.13',
    files: app('1.13', MODULES_TXT_1_14),
    env: { GOFLAGS: "-modcacherw '--mod=vendor'" },
    vendored: [{ dir: 'vendor', reason: 'GOFLAGS sets -mod=vendor', goSumFiles: ['go.sum'] }],
    read: []
  },
  {
    name: 'GOFLAGS=-mod=vendor with no vendor directory',
    files: app('1.21', null),
    env: { GOFLAGS: '-mod=vendor' },
    vendored: [
      { dir: 'vendor', reason: 'GOFLAGS sets -mod=vendor', missing: true, goSumFiles: ['go.sum'] }
    ],
    read: [],
    goFails: /inconsistent vendoring/
  },
  {
    name: 'a vendor directory without modules.txt',
    files: app('1.21', ''),
    vendored: [{ dir: 'vendor', reason: 'go.mod says go 1.21', goSumFiles: ['go.sum'] }],
    read: [],
    goFails: /inconsistent vendoring/
  },
  {
    name: 'a module whose modules.txt is a workspace’s',
    files: app('1.21', WORKSPACE_MODULES_TXT),
    read: ['go.sum']
  },
  {
    name: 'a workspace vendored at its root (go work vendor)',
    files: workspace('1.22', 'root'),
    dir: 'app',
    vendored: [{ dir: 'vendor', reason: 'go.work says go 1.22', goSumFiles: ['app/go.sum'] }],
    read: []
  },
  {
    name: 'a workspace whose only vendor directory is its module’s',
    files: workspace('1.22', 'module'),
    dir: 'app',
    read: ['app/go.sum']
  },
  {
    name: 'that module with GOWORK=off',
    files: workspace('1.22', 'module'),
    dir: 'app',
    env: { GOWORK: 'off' },
    vendored: [{ dir: 'app/vendor', reason: 'go.mod says go 1.21', goSumFiles: ['app/go.sum'] }],
    read: []
  },
  {
    name: 'go-sum listing a vendored module and one that is not',
    files: { ...app('1.21', MODULES_TXT, 'a/'), ...app('1.21', null, 'b/') },
    goSum: 'a/go.sum, b/go.sum',
    vendored: [{ dir: 'a/vendor', reason: 'go.mod says go 1.21', goSumFiles: ['a/go.sum'] }],
    read: ['b/go.sum'],
    goDirs: ['a', 'b']
  }
]

let root: string
beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'vendor-')))
})
afterEach(() => rm(root, { recursive: true, force: true }))

async function tree(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true })
    await writeFile(join(root, name), text)
  }
}

function expected(c: Case): DiscoveredBuild['vendored'] {
  return c.vendored?.map(v => ({
    dir: join(root, v.dir),
    reason: v.reason,
    missing: v.missing ?? false,
    goSumFiles: v.goSumFiles.map(f => join(root, f))
  }))
}

describe('a vendored build', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.vendored ? 'go.sum set aside' : 'go.sum read'}`, async () => {
      await tree(c.files)
      const found = await discoverGoSums({
        goSum: parseGoSumInput(c.goSum ?? 'auto'),
        workingDirectory: join(root, c.dir ?? ''),
        env: c.env ?? {}
      })
      expect(found.goSumFiles).toEqual(c.read.map(f => join(root, f)))
      expect(found.vendored).toEqual(expected(c))
    })

    itWithGo(
      `${c.name}: the go command ${c.vendored ? 'downloads nothing' : 'downloads'}`,
      async () => {
        await tree(c.files)
        for (const dir of c.goDirs ?? [c.dir ?? '']) {
          const cwd = join(root, dir)
          const flags = c.env?.GOFLAGS ?? ''
          const env = { ...c.env, GOPROXY: 'off', GOFLAGS: `-modcacherw ${flags}` }
          const go = await runGo(['list', '-deps', './...'], { cwd, env, timeoutMs: 60_000 })
          const within = (dir: string) => cwd === dir || cwd.startsWith(dir + sep)
          const fromVendor = expected(c)?.some(v => within(dirname(v.dir))) ?? false
          if (!fromVendor) {
            expect(go.stderr).toMatch(/module lookup disabled by GOPROXY=off/)
          } else if (c.goFails) {
            expect(go.stderr).toMatch(c.goFails)
            expect(go.stderr).not.toMatch(/GOPROXY/)
          } else {
            expect({ code: go.code, stderr: go.stderr }).toEqual({ code: 0, stderr: '' })
          }
        }
      },
      120_000
    )
  }
})

describe('the -mod flag of GOFLAGS, as the go command reads it', () => {
  it.each([
    ['', undefined],
    ['-modcacherw', undefined],
    ['-mod=vendor', 'vendor'],
    ['--mod=vendor', 'vendor'],
    ['  -trimpath\t"-mod=vendor"  ', 'vendor'],
    ['-mod=vendor -mod=mod', 'mod'],
    ['-mod=vendor -mod=', ''],
    ['-mod= -mod=vendor', 'vendor'],
    ['-mod=', undefined],
    // Go refuses these; no -mod is taken from them.
    ['-mod vendor', undefined],
    ['---mod=vendor', undefined],
    ['-mod=vendor "-trimpath', undefined]
  ])('%j → %j', (goflags, mod) => {
    expect(modFlag(goflags)).toBe(mod)
  })
})
