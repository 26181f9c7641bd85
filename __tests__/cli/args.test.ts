import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { INPUT_FLAGS, parseCliArgs, UsageError } from '../../src/cli/args.js'
import { helpText } from '../../src/cli/help.js'
import { Inputs, VERSION } from '../../src/constants.js'

/** The two inputs that only make sense for the action: everything else must be a flag. */
const ACTION_ONLY = ['export-env', 'summary']
const EVERY_INPUT_FLAG = Object.values(Inputs).filter(input => !ACTION_ONLY.includes(input))

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv)
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError)
    return (err as Error).message
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`)
}

describe('parseCliArgs', () => {
  it('has a flag for every input of the action but export-env and summary', () => {
    expect([...INPUT_FLAGS].sort()).toEqual([...EVERY_INPUT_FLAG].sort())
  })

  it('maps every input flag to the RawInputs key of the same name', () => {
    const argv = EVERY_INPUT_FLAG.flatMap(input => [`--${input}`, `value of ${input}`])
    const { raw } = parseCliArgs(argv)
    expect(raw).toEqual(
      Object.fromEntries(EVERY_INPUT_FLAG.map(input => [input, `value of ${input}`]))
    )
  })

  it.each(EVERY_INPUT_FLAG)('takes --%s=value too', input => {
    expect(parseCliArgs([`--${input}=x=y`]).raw).toEqual({ [input]: 'x=y' })
  })

  it('keeps an empty value, which means the default as in the action', () => {
    expect(parseCliArgs(['--proxies', '']).raw).toEqual({ proxies: '' })
  })

  it('defaults to the table format, without help or version', () => {
    expect(parseCliArgs([])).toEqual({ raw: {}, format: 'table', help: false, version: false })
  })

  it.each(['table', 'json', 'env', 'shell'])('takes --format %s', format => {
    expect(parseCliArgs(['--format', format]).format).toBe(format)
  })

  it('reads --help, -h and --version', () => {
    expect(parseCliArgs(['--help']).help).toBe(true)
    expect(parseCliArgs(['-h']).help).toBe(true)
    expect(parseCliArgs(['--version']).version).toBe(true)
  })
})

describe('parseCliArgs usage errors', () => {
  it('refuses an unknown flag, naming it', () => {
    expect(usageError(['--proxy', 'x'])).toMatch(/^Unknown option '--proxy'/)
  })

  it.each(ACTION_ONLY)('has no --%s flag', input => {
    expect(usageError([`--${input}`, 'true'])).toMatch(new RegExp(`^Unknown option '--${input}'`))
  })

  it('refuses a flag without its value', () => {
    expect(usageError(['--timeout'])).toBe("Option '--timeout <value>' argument missing")
  })

  it('refuses a value that looks like the next flag', () => {
    expect(usageError(['--proxies', '--format', 'env'])).toBe(
      "Option '--proxies' argument is ambiguous."
    )
  })

  it('refuses a flag given twice', () => {
    expect(usageError(['--proxies', 'a', '--proxies', 'b'])).toBe(
      "--proxies is given 2 times; give it once (a list goes in one value, e.g. --proxies 'a,b')"
    )
  })

  it('refuses arguments that are not flags', () => {
    expect(usageError(['https://proxy.example'])).toMatch(
      /^Unexpected argument 'https:\/\/proxy.example'/
    )
  })

  it('refuses an unknown format, naming it', () => {
    expect(usageError(['--format', 'yaml'])).toBe(
      `Invalid flag '--format': "yaml" must be one of: table, json, env, shell`
    )
  })
})

describe('helpText', () => {
  const help = helpText()
  it.each(EVERY_INPUT_FLAG)('lists --%s', input => {
    expect(help).toMatch(new RegExp(`^  --${input} [A-Z]+ +\\S`, 'm'))
  })

  it.each(['--format table|json|env|shell', '-h, --help', '--version'])('lists %s', flag => {
    expect(help).toContain(`  ${flag}  `)
  })

  it('says --profiles takes a file and names the exit statuses', () => {
    expect(help).toMatch(/--profiles FILE +path of a YAML or JSON file/)
    expect(help).toMatch(/Exit status: 0 .*; 1 [^]*; 2 [^]*; 64 bad usage/)
    expect(help).toMatch(/--fail-on degraded/)
  })
})

describe('VERSION', () => {
  it("equals package.json's version", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
  })
})
