// GOAUTH against private proxies that require credentials, every form as the go command reads
// it: unset and netrc, off, a command printing credential blocks (before the first request, and
// again with the URL after a 4xx), git DIR with a real credential helper, and several methods
// joined by ';'. The CLI runs in-process with the job's environment given as a value.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { TEST_CA_FILE } from '../world/tls.js'
import { runCli, seenDuring, writeScript } from './in-process.js'
import { onlyVerdict, probe, startHttpWorld, startTlsWorld } from './support.js'

const USER = { username: 'gopher', password: 'n3trc-pass' }
const BASIC = `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`
const BEARER_TOKEN = 'br3arer-t0ken-9f2c'
const PRIVATE_TOKEN = 'glpat-pr1vate-77aa'

let world: ProxyWorld
let plain: ProxyWorld
let dir: string
let netrcs = 0

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vgp-goauth-'))
  const personas = [
    { name: 'basic', fault: 'healthy' as const, requireAuth: USER },
    {
      name: 'bearer',
      fault: 'healthy' as const,
      requireAuth: { header: 'authorization', value: `Bearer ${BEARER_TOKEN}` }
    },
    {
      name: 'gitlab',
      fault: 'healthy' as const,
      requireAuth: { header: 'private-token', value: PRIVATE_TOKEN }
    },
    {
      name: 'cdn',
      fault: 'cdn-redirect' as const,
      requireAuth: { header: 'authorization', value: `Bearer ${BEARER_TOKEN}` },
      cdnHost: 'localhost'
    }
  ]
  world = await startTlsWorld(personas)
  plain = await startHttpWorld(personas)
})

afterAll(async () => {
  await Promise.all([world.close(), plain.close()])
  await rm(dir, { recursive: true, force: true })
})

const origin = (): string => `https://127.0.0.1:${world.port}`

/** The CLI with the test CA trusted through SSL_CERT_FILE. */
function cli(proxies: string, env: Record<string, string> = {}, flags: string[] = []) {
  return runCli(dir, proxies, { SSL_CERT_FILE: TEST_CA_FILE, ...env }, flags)
}

/** A script printing one credential block for `urls` with `headers`. */
function printing(urls: string[], headers: string[]): Promise<string> {
  const block = [...urls, '', ...headers, '', ''].join('\n')
  return writeScript(dir, `printf '%s' '${block}'`)
}

async function netrcFile(machine: string): Promise<string> {
  const file = join(dir, `netrc-${++netrcs}`)
  await writeFile(file, `machine ${machine} login ${USER.username} password ${USER.password}\n`)
  return file
}

describe('netrc and off', () => {
  it.each([
    ['unset', {}],
    ['empty', { GOAUTH: '' }],
    ['netrc', { GOAUTH: 'netrc' }]
  ])('reads NETRC when GOAUTH is %s', async (_what, goauth) => {
    const env = { NETRC: await netrcFile(`127.0.0.1:${world.port}`), ...goauth }
    const [run, seen] = await seenDuring(world, () => cli(`${origin()}/basic`, env))
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
    expect(new Set(seen.map(s => s.authorization))).toEqual(new Set([BASIC]))
  })

  it('sends no credentials at all with GOAUTH=off, though NETRC has them', async () => {
    const env = { NETRC: await netrcFile(`127.0.0.1:${world.port}`), GOAUTH: 'off' }
    const [run, seen] = await seenDuring(world, () => cli(`${origin()}/basic`, env))
    expect(run.status).toBe(1)
    expect(run.verdicts[0]).toEqual({
      verdict: 'unhealthy',
      reason: `GET ${origin()}/basic/example.com/hello/@v/v1.0.0.info → 401 error: "401 unauthorized: credentials required"`
    })
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every(s => s.authorization === undefined)).toBe(true)
  })
})

describe('the verdict cache', () => {
  it('never hands a verdict won with credentials to a run without them', async () => {
    const flags = ['--cache', 'true', '--cache-dir', join(dir, 'verdicts')]
    const withNetrc = { NETRC: await netrcFile(`127.0.0.1:${world.port}`) }
    const first = await cli(`${origin()}/basic`, withNetrc, flags)
    expect(first.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
    // The same inputs without the credentials (a fork's pull request): asked afresh, and refused.
    const [bare, askedBare] = await seenDuring(world, () => cli(`${origin()}/basic`, {}, flags))
    expect(bare.verdicts).toEqual([
      { verdict: 'unhealthy', reason: expect.stringContaining('401') }
    ])
    expect(askedBare.length).toBeGreaterThan(0)
    // With them again: the first run's verdict, and nothing asked.
    const [again, askedAgain] = await seenDuring(world, () =>
      cli(`${origin()}/basic`, withNetrc, flags)
    )
    expect(again.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
    expect(askedAgain).toEqual([])
  })

  it('keeps no verdict won with credentials a command gives only after a 401', async () => {
    const flags = ['--cache', 'true', '--cache-dir', join(dir, 'verdicts-per-url')]
    // Without an argument it knows nothing: whether a run has credentials shows only on a 401.
    const auth = await writeScript(
      dir,
      `[ -z "$1" ] && exit 0\nprintf '%s\\n\\nAuthorization: Bearer ${BEARER_TOKEN}\\n\\n' "$1"`
    )
    const first = await cli(`${origin()}/bearer`, { GOAUTH: auth }, flags)
    expect(first.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
    // The same GOAUTH in a run whose secret is not set: the command prints nothing.
    const silent = await writeScript(dir, 'exit 0')
    const [bare, asked] = await seenDuring(world, () =>
      cli(`${origin()}/bearer`, { GOAUTH: silent }, flags)
    )
    expect(bare.verdicts).toEqual([
      { verdict: 'unhealthy', reason: expect.stringContaining('401') }
    ])
    expect(asked.length).toBeGreaterThan(0)
  })
})

describe('a GOAUTH command', () => {
  it('gives its headers to every request under a URL prefix it names', async () => {
    const auth = await printing([`${origin()}/bearer`], [`Authorization: Bearer ${BEARER_TOKEN}`])
    const [run, seen] = await seenDuring(world, () => cli(`${origin()}/bearer`, { GOAUTH: auth }))
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
    expect(new Set(seen.map(s => s.authorization))).toEqual(new Set([`Bearer ${BEARER_TOKEN}`]))
    expect(run.stdout + run.stderr).not.toContain(BEARER_TOKEN)
  })

  it('sends any header it names (a GitLab Private-Token for the whole host)', async () => {
    const auth = await printing([origin()], [`PRIVATE-TOKEN: ${PRIVATE_TOKEN}`])
    const run = await cli(`${origin()}/gitlab`, { GOAUTH: `${auth} --flag "two words"` })
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
  })

  it('runs again with the URL and the 401 on stdin, then sends the request once more', async () => {
    const log = join(dir, 'per-url.log')
    // Without an argument it knows nothing; with one it answers for exactly that URL.
    const auth = await writeScript(
      dir,
      [
        `[ -z "$1" ] && exit 0`,
        `{ echo "url=$1"; cat; } >> '${log}'`,
        `printf '%s\\n\\nAuthorization: Bearer ${BEARER_TOKEN}\\n\\n' "$1"`
      ].join('\n')
    )
    const [run, seen] = await seenDuring(world, () => cli(`${origin()}/bearer`, { GOAUTH: auth }))
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
    // Each URL: first without, then with the credentials.
    const paths = seen.map(s => s.authorization ?? 'none')
    expect(paths.filter(a => a === 'none').length).toBe(paths.length / 2)
    const told = await readFile(log, 'utf8')
    expect(told).toContain(`url=${origin()}/bearer/example.com/hello/@v/v1.0.0.info\n`)
    expect(told).toContain('HTTP/1.1 401 Unauthorized\n')
    expect(told).toContain('Www-Authenticate: Basic realm="corp"\n')
  })

  it('lets the earlier of several commands win for the same prefix', async () => {
    const right = await printing([origin()], [`Authorization: Bearer ${BEARER_TOKEN}`])
    const wrong = await printing([origin()], ['Authorization: Bearer wrong-token'])
    const url = `${origin()}/bearer`
    expect((await cli(url, { GOAUTH: `${right};${wrong}` })).verdicts[0].verdict).toBe('healthy')
    expect((await cli(url, { GOAUTH: `${wrong};${right}` })).verdicts[0].verdict).toBe('unhealthy')
  })

  it('combines with netrc: each proxy gets the credentials for its prefix', async () => {
    const auth = await printing([`${origin()}/bearer/`], [`Authorization: Bearer ${BEARER_TOKEN}`])
    const env = { NETRC: await netrcFile(`127.0.0.1:${world.port}`), GOAUTH: `netrc;${auth}` }
    const run = await cli(`${origin()}/basic,${origin()}/bearer`, env)
    expect(run.verdicts.map(v => v.verdict)).toEqual(['healthy', 'healthy'])
  })

  it('never sends its headers over plain http, nor to the host a redirect leads to', async () => {
    const httpOrigin = `http://127.0.0.1:${plain.port}`
    const auth = await printing(
      [httpOrigin, `https://127.0.0.1:${plain.port}`, origin()],
      [`Authorization: Bearer ${BEARER_TOKEN}`]
    )
    const [overHttp, seenHttp] = await seenDuring(plain, () =>
      cli(`${httpOrigin}/bearer`, { GOAUTH: auth })
    )
    expect(overHttp.verdicts[0].verdict).toBe('unhealthy')
    expect(seenHttp.every(s => s.authorization === undefined)).toBe(true)
    const [redirected, seen] = await seenDuring(world, () =>
      cli(`${origin()}/cdn`, { GOAUTH: auth }, ['--checks', 'full'])
    )
    expect(redirected.verdicts[0].verdict).toBe('healthy')
    const cdn = seen.filter(s => s.host === `localhost:${world.port}`)
    expect(cdn.length).toBeGreaterThan(0)
    expect(cdn.every(s => s.authorization === undefined)).toBe(true)
  })

  it('gives up on a command that never ends, as on a request that never does', async () => {
    const hung = await writeScript(dir, 'exec sleep 120')
    const run = await cli(`${origin()}/bearer`, { GOAUTH: hung }, ['--timeout', '1'])
    expect(run.verdicts[0].verdict).toBe('unhealthy')
    expect(run.stderr).toContain(`warning: GOAUTH=${hung}: could not run command`)
    expect(run.stderr).toContain('cancelled: the request gave up')
  })

  it('masks what it printed in every warning', async () => {
    // One command names the token for another host; the other fails, quoting it on stderr.
    const elsewhere = await printing(
      ['https://elsewhere.example'],
      [`Authorization: Bearer ${BEARER_TOKEN}`]
    )
    const failing = await writeScript(dir, `echo "token ${BEARER_TOKEN} was refused" >&2; exit 3`)
    const run = await cli(`${origin()}/bearer`, { GOAUTH: `${elsewhere};${failing}` })
    expect(run.verdicts[0].verdict).toBe('unhealthy')
    expect(run.stderr).toContain(`warning: GOAUTH=${failing}: could not run command`)
    expect(run.stderr).toContain('exit status 3: token')
    expect(run.stdout + run.stderr).not.toContain(BEARER_TOKEN)
  })
})

describe('git DIR', () => {
  it("uses 'git credential fill' in DIR, after the first 401", async () => {
    const repo = join(dir, 'repo')
    await mkdir(repo)
    const store = join(dir, 'git-credentials')
    const gitEnv = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(dir, 'no-gitconfig') }
    const git = (args: string[], input?: string): void =>
      void execFileSync('git', args, { cwd: repo, env: { ...process.env, ...gitEnv }, input })
    git(['init', '-q'])
    git(['config', 'credential.helper', `store --file=${store}`])
    const { username, password } = USER
    const host = `127.0.0.1:${world.port}`
    git(
      ['credential', 'approve'],
      `protocol=https\nhost=${host}\nusername=${username}\npassword=${password}\n`
    )
    const [run, seen] = await seenDuring(world, () =>
      cli(`${origin()}/basic`, { ...gitEnv, GOAUTH: `git ${repo}` })
    )
    expect(run.verdicts).toEqual([{ verdict: 'healthy', reason: expect.any(String) }])
    expect(seen[0].authorization).toBeUndefined()
    expect(seen.at(-1)?.authorization).toBe(BASIC)
    expect(run.stdout + run.stderr).not.toContain(USER.password)
  })
})

describe('a GOAUTH that cannot work', () => {
  it.each([
    ['off;netrc', 'GOAUTH=off cannot be combined with other authentication commands'],
    ['netrc;', 'GOAUTH encountered an empty command'],
    ['git', 'requires an absolute path to the git working directory'],
    ['git relative/dir', 'dir is not absolute'],
    ['git /no/such/dir', 'cannot stat /no/such/dir: ENOENT'],
    ['git TEST_CA', 'dir is not a directory'],
    ['auth "unclosed', 'unterminated " string'],
    ['netrcc', 'the command "netrcc" cannot be run (not found)']
  ])('stops before any request on %j, naming GOAUTH', async (value, reason) => {
    const goauth = value.replace('TEST_CA', TEST_CA_FILE)
    const before = world.totalRequests()
    const run = await cli(`${origin()}/basic`, { GOAUTH: goauth })
    expect(run.status).toBe(64)
    expect(run.stderr).toContain(`Invalid input 'GOAUTH': ${JSON.stringify(goauth)}`)
    expect(run.stderr).toContain(reason)
    expect(world.totalRequests()).toBe(before)
  })
})

describe('the bundled action', () => {
  it('masks what a GOAUTH command printed, trusting the CA of SSL_CERT_FILE', async () => {
    const auth = await printing([`${origin()}/bearer`], [`Authorization: Bearer ${BEARER_TOKEN}`])
    const env = { GOAUTH: auth, SSL_CERT_FILE: TEST_CA_FILE }
    const run = await probe({ proxies: `${origin()}/bearer` }, env)
    expect(await onlyVerdict(run)).toMatchObject({ verdict: 'healthy' })
    expect(run.stdout).toContain(`::add-mask::${BEARER_TOKEN}\n`)
    expect(run.stdout).toContain(`::add-mask::Bearer ${BEARER_TOKEN}\n`)
    const report = await readFile(run.outputs.report, 'utf8')
    const said = run.stdout.replace(/^::add-mask::.*$/gm, '') + run.stderr + report
    expect(said).not.toContain(BEARER_TOKEN)
  })

  it('fails the step on a GOAUTH that cannot work, naming it', async () => {
    const run = await probe({ proxies: `${origin()}/basic` }, { GOAUTH: 'off;netrc' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::Invalid input 'GOAUTH': "off;netrc" is not valid: `)
    expect(run.exported).toEqual({})
  })
})

describe('agreement with the go command', () => {
  itWithGo('downloads with the same GOAUTH command that made the proxy healthy', async () => {
    const auth = await printing([origin()], [`PRIVATE-TOKEN: ${PRIVATE_TOKEN}`])
    const wrong = await printing([origin()], ['PRIVATE-TOKEN: nope'])
    for (const [goauth, works] of [
      [auth, true],
      [wrong, false]
    ] as const) {
      const run = await cli(`${origin()}/gitlab`, { GOAUTH: goauth })
      expect(run.verdicts[0].verdict).toBe(works ? 'healthy' : 'unhealthy')
      const cwd = await mkdtemp(join(tmpdir(), 'vgp-goauth-go-'))
      const go = await runGo(['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
        cwd,
        env: { GOPROXY: `${origin()}/gitlab`, GOAUTH: goauth, SSL_CERT_FILE: TEST_CA_FILE },
        timeoutMs: 60_000
      })
      expect({ goauth, goOk: go.code === 0 }).toEqual({ goauth, goOk: works })
    }
  })
})
