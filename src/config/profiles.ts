// Multi-tenant profiles: one document of named sets of proxy inputs, one of them chosen per job.
import type * as Yaml from 'yaml'
import { Inputs } from '../constants.js'
import { maskCredentials } from '../credentials/mask.js'
import { messageOf } from '../logger.js'
import type { RawInputs } from './plan.js'
import { InputError } from './errors.js'

/** The inputs a profile may set; each is joined into the input's own text syntax when a list. */
const PROFILE_KEYS: Partial<Record<string, { input: Inputs; listSeparator?: string }>> = {
  proxies: { input: Inputs.Proxies, listSeparator: ',' },
  mirrors: { input: Inputs.Mirrors, listSeparator: ',' },
  gosumdb: { input: Inputs.Gosumdb },
  'sumdb-mirrors': { input: Inputs.SumdbMirrors, listSeparator: '\n' },
  goprivate: { input: Inputs.Goprivate },
  gonoproxy: { input: Inputs.Gonoproxy },
  gonosumdb: { input: Inputs.Gonosumdb }
}

/** The YAML reader `profiles` needs; loadYaml hands it over only when that input is given. */
export type YamlReader = Pick<typeof Yaml, 'parseDocument'>

/**
 * The yaml package when `profiles` is given, else undefined: it is most of the code that reads
 * the inputs, and a run without profiles (or with a bad input) should not load it.
 */
export async function loadYaml(raw: RawInputs): Promise<YamlReader | undefined> {
  if (profilesDocument(raw) === undefined) return undefined
  // A chunk of the bundle of its own: a partial install fails here, naming what is missing.
  return import('yaml').catch((err: unknown) => {
    throw new Error(`cannot load the YAML reader: ${messageOf(err)}`)
  })
}

/** The entry used when `profile` names no entry (or is empty). */
export const DEFAULT_PROFILE = 'default'

type ProfileTable = Record<string, unknown>

/**
 * Applies the profile `profile` names from the `profiles` document: its values fill the inputs
 * left empty (an input given explicitly wins). `profile` is the name to report: the chosen name,
 * or `name (default)` when the `default` entry stood in for `name`.
 */
export function applyProfile(
  raw: RawInputs,
  yaml: YamlReader | undefined
): { raw: RawInputs; profile?: string } {
  const document = profilesDocument(raw)
  const wanted = raw[Inputs.Profile]?.trim() ?? ''
  if (document === undefined) {
    if (wanted) {
      const reason = 'is set but `profiles` is empty: there is no profile to choose'
      throw new InputError(Inputs.Profile, wanted, reason)
    }
    return { raw }
  }
  if (!yaml) throw new Error('reading the profiles input needs the yaml package (see loadYaml)')
  const table = parseProfiles(document, yaml)
  const { name, profile } = chooseProfile(table, wanted)
  const values = profileInputs(name, profile)
  const merged: RawInputs = { ...raw }
  for (const [input, value] of Object.entries(values) as [Inputs, string][]) {
    if (!raw[input]?.trim()) merged[input] = value
  }
  return {
    raw: merged,
    profile: name === wanted || !wanted ? name : `${wanted} (${DEFAULT_PROFILE})`
  }
}

function profilesDocument(raw: RawInputs): string | undefined {
  return raw[Inputs.Profiles]?.trim() ? raw[Inputs.Profiles] : undefined
}

/** The document as a mapping of profile names; YAML merge keys (`<<: *base`) are honoured. */
function parseProfiles(text: string, yaml: YamlReader): ProfileTable {
  const doc = yaml.parseDocument(text, { prettyErrors: false, merge: true, uniqueKeys: true })
  const [error] = doc.errors
  if (error) {
    const { line, where } = errorPlace(text, error.pos[0])
    throw new InputError(Inputs.Profiles, line, `is not valid YAML (${where}): ${error.message}`)
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (err) {
    throw new InputError(
      Inputs.Profiles,
      excerpt(text),
      `cannot be read: ${(err as Error).message}`
    )
  }
  if (!isMapping(value)) {
    throw new InputError(
      Inputs.Profiles,
      excerpt(text),
      `is ${kindOf(value)}, not a mapping of profile names to profiles`
    )
  }
  return value
}

function chooseProfile(table: ProfileTable, wanted: string): { name: string; profile: unknown } {
  if (wanted && Object.hasOwn(table, wanted)) return { name: wanted, profile: table[wanted] }
  if (Object.hasOwn(table, DEFAULT_PROFILE)) {
    return { name: DEFAULT_PROFILE, profile: table[DEFAULT_PROFILE] }
  }
  const known = Object.keys(table).map(quoted).join(', ') || 'none'
  if (!wanted) {
    throw new InputError(
      Inputs.Profile,
      '',
      `is empty and \`profiles\` has no \`${DEFAULT_PROFILE}\` entry: choose one with \`profile\` (known profiles: ${known})`
    )
  }
  throw new InputError(
    Inputs.Profile,
    wanted,
    `is not in \`profiles\` and there is no \`${DEFAULT_PROFILE}\` entry (known profiles: ${known})`
  )
}

/** The profile's values as input text; a profile written as nothing (`dev:`) sets nothing. */
function profileInputs(name: string, profile: unknown): RawInputs {
  if (profile === null) return {}
  if (!isMapping(profile)) {
    throw new InputError(
      Inputs.Profiles,
      name,
      `is ${kindOf(profile)}; a profile must be a mapping of ${keyList()}`
    )
  }
  const values: RawInputs = {}
  for (const [key, value] of Object.entries(profile)) {
    const spec = Object.hasOwn(PROFILE_KEYS, key) ? PROFILE_KEYS[key] : undefined
    if (!spec) {
      const reason = `in profile ${quoted(name)} is not a key a profile may set (use ${keyList()})`
      throw new InputError(Inputs.Profiles, key, reason)
    }
    values[spec.input] = valueText(name, key, value, spec.listSeparator)
  }
  return values
}

function valueText(
  name: string,
  key: string,
  value: unknown,
  listSeparator: string | undefined
): string {
  if (typeof value === 'string') return value
  if (
    listSeparator !== undefined &&
    Array.isArray(value) &&
    value.every(item => typeof item === 'string')
  ) {
    return value.join(listSeparator)
  }
  const allowed = listSeparator === undefined ? 'a string' : 'a string or a list of strings'
  throw new InputError(
    Inputs.Profiles,
    key,
    `in profile ${quoted(name)} must be ${allowed}, not ${kindOf(value)}`
  )
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What a value is, never the value itself (it may hold a password). */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) {
    return value.every(item => typeof item === 'string')
      ? 'a list of strings'
      : 'a list holding a non-string'
  }
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value}`
}

/** A profile name in a message; names are the user's text, so passwords in them are masked too. */
function quoted(name: string): string {
  return JSON.stringify(maskCredentials(name))
}

function keyList(): string {
  return Object.keys(PROFILE_KEYS).join(', ')
}

/** The document's first line, to name the document in a message. */
function excerpt(text: string): string {
  return cut(text.trim().split(/\r?\n/)[0], 60)
}

/** Where a syntax error is, and that line of the document (masked, cut) to show with it. */
function errorPlace(text: string, offset: number): { line: string; where: string } {
  const before = text.slice(0, offset)
  if (!text.slice(offset).trim()) {
    // Only whitespace follows: the document ended too soon; its last line is the one to fix.
    return {
      line: cut(before.trimEnd().split(/\r?\n/).pop() ?? ''),
      where: 'at the end of the document'
    }
  }
  const start = before.lastIndexOf('\n') + 1
  const end = text.indexOf('\n', offset)
  const line = text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '')
  return {
    line: cut(line),
    where: `line ${before.split('\n').length}, column ${offset - start + 1}`
  }
}

/** Masked before it is cut, so that a cut never leaves a password without its `@`. */
function cut(text: string, max = 80): string {
  const masked = maskCredentials(text.trim())
  return masked.length > max ? `${masked.slice(0, max)}…` : masked
}
