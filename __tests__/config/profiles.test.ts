import { describe, expect, it } from '@jest/globals'
import { buildPlan } from '../../src/config/build.js'
import type { RawInputs } from '../../src/config/plan.js'
import { InputError } from '../../src/config/errors.js'
import * as yaml from 'yaml'
import { applyProfile, loadYaml } from '../../src/config/profiles.js'

const YAML_PROFILES = `
acme-prod:
  proxies: https://goproxy.acme.example,direct
  gosumdb: sum.golang.org
  goprivate: acme.example/*
acme-dev:
  proxies:
    - https://dev-a.acme.example
    - https://dev-b.acme.example|direct
  mirrors: [https://mirror.acme.example]
  sumdb-mirrors:
    - https://sum-a.acme.example
    - https://sum-b.acme.example
default:
  proxies: https://proxy.golang.org
`

function plan(raw: RawInputs) {
  return buildPlan(raw, { env: {}, platform: 'linux', defaultCacheDir: '/cache', yaml })
}

function errorOf(run: () => unknown): InputError {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError')
}

describe('loadYaml', () => {
  it('loads the yaml package only when the profiles input is given', async () => {
    expect(await loadYaml({ proxies: 'https://a.example' })).toBeUndefined()
    expect(await loadYaml({ profiles: ' \n' })).toBeUndefined()
    const reader = await loadYaml({ profiles: YAML_PROFILES })
    expect(reader?.parseDocument).toBe(yaml.parseDocument)
  })

  it('is required to read a profiles document', () => {
    expect(() => applyProfile({ profiles: YAML_PROFILES }, undefined)).toThrow(/loadYaml/)
  })
})

describe('applyProfile', () => {
  it('fills the inputs from the chosen YAML profile', () => {
    const { raw, profile } = applyProfile(
      {
        profiles: YAML_PROFILES,
        profile: 'acme-prod',
        checks: 'full'
      },
      yaml
    )
    expect(profile).toBe('acme-prod')
    expect(raw).toEqual({
      profiles: YAML_PROFILES,
      profile: 'acme-prod',
      checks: 'full',
      proxies: 'https://goproxy.acme.example,direct',
      gosumdb: 'sum.golang.org',
      goprivate: 'acme.example/*'
    })
  })

  it('joins lists: proxies and mirrors with commas, sumdb-mirrors with newlines', () => {
    const { raw } = applyProfile({ profiles: YAML_PROFILES, profile: 'acme-dev' }, yaml)
    expect(raw.proxies).toBe('https://dev-a.acme.example,https://dev-b.acme.example|direct')
    expect(raw.mirrors).toBe('https://mirror.acme.example')
    expect(raw['sumdb-mirrors']).toBe('https://sum-a.acme.example\nhttps://sum-b.acme.example')
  })

  it('reads JSON, which is YAML', () => {
    const json = JSON.stringify({
      'tenant-a': { proxies: ['https://a.example', 'direct'], gonosumdb: 'a.example' }
    })
    const { raw, profile } = applyProfile({ profiles: json, profile: 'tenant-a' }, yaml)
    expect(profile).toBe('tenant-a')
    expect(raw.proxies).toBe('https://a.example,direct')
    expect(raw.gonosumdb).toBe('a.example')
  })

  it('honours YAML anchors and merge keys, so tenants can share a base', () => {
    const doc =
      'base: &base\n  gosumdb: off\n  proxies: https://base.example\nt1:\n  <<: *base\n  proxies: https://t1.example\n'
    const { raw } = applyProfile({ profiles: doc, profile: 't1' }, yaml)
    expect(raw.proxies).toBe('https://t1.example')
    expect(raw.gosumdb).toBe('off')
  })

  it('uses the default entry for an unknown name, and says so', () => {
    const { raw, profile } = applyProfile({ profiles: YAML_PROFILES, profile: 'globex-prod' }, yaml)
    expect(profile).toBe('globex-prod (default)')
    expect(raw.proxies).toBe('https://proxy.golang.org')
  })

  it('uses the default entry when profile is empty', () => {
    expect(applyProfile({ profiles: YAML_PROFILES, profile: '' }, yaml).profile).toBe('default')
    expect(applyProfile({ profiles: YAML_PROFILES }, yaml).profile).toBe('default')
  })

  it('lets explicit (non-empty) inputs override the profile', () => {
    const { raw } = applyProfile(
      {
        profiles: YAML_PROFILES,
        profile: 'acme-prod',
        proxies: 'https://mine.example',
        goprivate: '  '
      },
      yaml
    )
    expect(raw.proxies).toBe('https://mine.example')
    expect(raw.gosumdb).toBe('sum.golang.org')
    expect(raw.goprivate).toBe('acme.example/*')
  })

  it('treats a profile written as nothing as setting nothing', () => {
    expect(applyProfile({ profiles: 'empty:\n', profile: 'empty' }, yaml)).toEqual({
      raw: { profiles: 'empty:\n', profile: 'empty' },
      profile: 'empty'
    })
  })

  it('leaves the inputs alone without profiles', () => {
    expect(applyProfile({ proxies: 'https://a.example', profiles: ' \n' }, yaml)).toEqual({
      raw: { proxies: 'https://a.example', profiles: ' \n' }
    })
  })
})

describe('applyProfile errors', () => {
  const cases: [string, RawInputs, string][] = [
    [
      'an unknown profile without default lists the known names',
      { profiles: 'a: {}\nb: {}\n', profile: 'c' },
      `Invalid input 'profile': "c" is not in \`profiles\` and there is no \`default\` entry (known profiles: "a", "b")`
    ],
    [
      'an empty profile without default',
      { profiles: 'a: {}\n' },
      `Invalid input 'profile': "" is empty and \`profiles\` has no \`default\` entry: choose one with \`profile\` (known profiles: "a")`
    ],
    [
      'a profile without profiles',
      { profile: 'a' },
      `Invalid input 'profile': "a" is set but \`profiles\` is empty: there is no profile to choose`
    ],
    [
      'an unknown key',
      { profiles: 'a:\n  proxy: https://x.example\n', profile: 'a' },
      `Invalid input 'profiles': "proxy" in profile "a" is not a key a profile may set (use proxies, mirrors, gosumdb, sumdb-mirrors, goprivate, gonoproxy, gonosumdb)`
    ],
    [
      'a non-string value',
      { profiles: 'a:\n  goprivate: 42\n', profile: 'a' },
      `Invalid input 'profiles': "goprivate" in profile "a" must be a string, not a number`
    ],
    [
      'a list where only a string may go',
      { profiles: 'a:\n  gosumdb: [x]\n', profile: 'a' },
      `Invalid input 'profiles': "gosumdb" in profile "a" must be a string, not a list of strings`
    ],
    [
      'a list holding a non-string',
      { profiles: 'a:\n  proxies: [https://x.example, {b: 1}]\n', profile: 'a' },
      `Invalid input 'profiles': "proxies" in profile "a" must be a string or a list of strings, not a list holding a non-string`
    ],
    [
      'a profile that is not a mapping',
      { profiles: 'a: https://x.example\n', profile: 'a' },
      `Invalid input 'profiles': "a" is a string; a profile must be a mapping of proxies, mirrors, gosumdb, sumdb-mirrors, goprivate, gonoproxy, gonosumdb`
    ],
    [
      'a document that is a list',
      { profiles: '- a\n- b\n', profile: 'a' },
      `Invalid input 'profiles': "- a" is a list of strings, not a mapping of profile names to profiles`
    ],
    [
      'a document that is a scalar',
      { profiles: 'just text', profile: 'a' },
      `Invalid input 'profiles': "just text" is a string, not a mapping of profile names to profiles`
    ],
    [
      'a YAML syntax error names the line',
      { profiles: 'a:\n  proxies: [x\nb: {}\n', profile: 'a' },
      `Invalid input 'profiles': "b: {}" is not valid YAML (line 3, column 1): Flow sequence in block collection must be sufficiently indented and end with a ]`
    ],
    [
      'a document that ends too soon names its last line',
      { profiles: 'a:\n  proxies: [x\n\n', profile: 'a' },
      `Invalid input 'profiles': "proxies: [x" is not valid YAML (at the end of the document): Flow sequence in block collection must be sufficiently indented and end with a ]`
    ],
    [
      'duplicate keys',
      { profiles: 'a: {}\na: {}\n', profile: 'a' },
      `Invalid input 'profiles': "a: {}" is not valid YAML (line 2, column 1): Map keys must be unique`
    ]
  ]
  it.each(cases)('%s', (_, raw, message) => {
    expect(errorOf(() => applyProfile(raw, yaml)).message).toBe(message)
  })

  it('names the input: profile or profiles', () => {
    expect(errorOf(() => applyProfile({ profile: 'a' }, yaml)).input).toBe('profile')
    expect(errorOf(() => applyProfile({ profiles: '[', profile: 'a' }, yaml)).input).toBe(
      'profiles'
    )
  })
})

describe('passwords in profiles never reach an error message', () => {
  const secret = 's3cr3t-pa55'
  const url = `https://alice:${secret}@goproxy.acme.example`
  // shown: the message quotes the text holding the URL, so the password must appear masked.
  const documents: [string, RawInputs, 'shown' | 'not shown'][] = [
    [
      'syntax error on the line with the password',
      { profiles: `a:\n  proxies: [${url}\n`, profile: 'a' },
      'shown'
    ],
    [
      'syntax error in the middle',
      { profiles: `a:\n  proxies: ${url}: x\n  gosumdb: off\n`, profile: 'a' },
      'shown'
    ],
    ['a document that is only the URL', { profiles: url, profile: 'a' }, 'shown'],
    [
      'a long first line cut after the password',
      { profiles: `- ${url}/${'x'.repeat(80)}`, profile: 'a' },
      'shown'
    ],
    ['a profile that is the URL', { profiles: `a: ${url}\n`, profile: 'a' }, 'not shown'],
    [
      'an unknown key beside the URL',
      { profiles: `a:\n  proxies: ${url}\n  mirror: ${url}\n`, profile: 'a' },
      'not shown'
    ],
    [
      'a non-string list item',
      { profiles: `a:\n  proxies: [${url}, 1]\n`, profile: 'a' },
      'not shown'
    ],
    [
      'a mapping where a string goes',
      { profiles: `a:\n  gosumdb: {u: ${url}}\n`, profile: 'a' },
      'not shown'
    ],
    ['an unknown key that is the URL', { profiles: `a:\n  ${url}: x\n`, profile: 'a' }, 'shown'],
    [
      'an unknown profile whose known names hold the URL',
      { profiles: `"${url}": {}\n`, profile: 'b' },
      'shown'
    ],
    ['a profile name holding the URL', { profiles: `b: {}\n`, profile: url }, 'shown'],
    [
      'a bad URL taken from the profile',
      { profiles: `a:\n  proxies: http://alice:${secret}@insecure.example\n`, profile: 'a' },
      'shown'
    ]
  ]
  it.each(documents)('%s', (_, raw, shown) => {
    const message = errorOf(() => plan(raw)).message
    expect(message).not.toContain(secret)
    if (shown === 'shown') expect(message).toContain('alice:xxxxx@')
  })
})

describe('buildPlan with a profile', () => {
  it('probes the profile proxies and records the profile name', () => {
    const built = plan({
      profiles: YAML_PROFILES,
      profile: 'acme-dev',
      'probe-modules': 'example.com/m'
    })
    expect(built.profile).toBe('acme-dev')
    expect(built.candidates.map(c => [c.id, c.role, c.display])).toEqual([
      ['proxies[0]', 'primary', 'https://dev-a.acme.example'],
      ['proxies[1]', 'primary', 'https://dev-b.acme.example'],
      ['proxies[2]', 'primary', 'direct'],
      ['mirrors[0]', 'mirror', 'https://mirror.acme.example']
    ])
    expect(built.sumdbMirrors).toEqual(['https://sum-a.acme.example', 'https://sum-b.acme.example'])
  })

  it('takes the profile over the job environment, and an input over the profile', () => {
    const ctx = {
      env: { GOPROXY: 'https://env.example', GOPRIVATE: 'env.example' },
      platform: 'linux' as const,
      defaultCacheDir: '/c',
      yaml
    }
    const fromProfile = buildPlan({ profiles: YAML_PROFILES, profile: 'acme-prod' }, ctx)
    expect(fromProfile.candidates.map(c => c.display)).toEqual([
      'https://goproxy.acme.example',
      'direct'
    ])
    expect(fromProfile.patterns.goprivate).toBe('acme.example/*')
    const fromInput = buildPlan(
      { profiles: YAML_PROFILES, profile: 'acme-prod', proxies: 'off' },
      ctx
    )
    expect(fromInput.candidates.map(c => c.display)).toEqual(['off'])
  })

  it('reports a bad value from the profile as the input it fills', () => {
    expect(
      errorOf(() => plan({ profiles: 'a:\n  gosumdb: "a b c d"\n', profile: 'a' })).input
    ).toBe('gosumdb')
  })

  it('has no profile without profiles', () => {
    expect(plan({}).profile).toBeUndefined()
  })
})
