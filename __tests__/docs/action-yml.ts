/**
 * action.yml read the way the runner reads it: strict YAML, duplicate keys refused. The tests of
 * the metadata, the README tables and .env.example all compare against this.
 */
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'

export interface ActionInput {
  name: string
  description: unknown
  required: unknown
  /** As written in action.yml; undefined when it has none. */
  default: unknown
}

export interface ActionOutput {
  name: string
  description: unknown
}

export interface ActionMetadata {
  /** The whole document, for checks of its other keys. */
  raw: Record<string, unknown>
  inputs: ActionInput[]
  outputs: ActionOutput[]
}

export class ActionYmlError extends Error {
  override name = 'ActionYmlError'
}

/** Parses action.yml; throws ActionYmlError naming the YAML errors or the missing maps. */
export function readActionYml(file = 'action.yml'): ActionMetadata {
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true })
  if (doc.errors.length > 0) {
    throw new ActionYmlError(
      `${file} is not valid YAML:\n${doc.errors.map(e => e.message).join('\n')}`
    )
  }
  const raw = doc.toJS() as Record<string, unknown>
  const inputs = entries(raw, 'inputs', file).map(([name, spec]) => ({
    name,
    description: spec.description,
    required: spec.required,
    default: spec.default
  }))
  const outputs = entries(raw, 'outputs', file).map(([name, spec]) => ({
    name,
    description: spec.description
  }))
  return { raw, inputs, outputs }
}

function entries(
  raw: Record<string, unknown>,
  key: string,
  file: string
): [string, Record<string, unknown>][] {
  const map = raw[key]
  if (typeof map !== 'object' || map === null)
    throw new ActionYmlError(`${file} has no \`${key}\` map`)
  return Object.entries(map as Record<string, Record<string, unknown> | null>).map(
    ([name, spec]) => [name, spec ?? {}]
  )
}
