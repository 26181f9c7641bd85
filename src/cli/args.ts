// The command line: one flag per action input, spelled the same, plus what only a CLI needs.
import { parseArgs } from 'node:util'
import { Inputs } from '../constants.js'
import type { RawInputs } from '../config/plan.js'

/** Inputs only the action has: the CLI prints its result instead of exporting it or writing a job summary. */
export const ACTION_ONLY_INPUTS = [Inputs.ExportEnv, Inputs.Summary] as const

export type CliInput = Exclude<Inputs, (typeof ACTION_ONLY_INPUTS)[number]>

/** Every input the CLI takes as `--<input>`, in the action's order. */
export const INPUT_FLAGS: readonly CliInput[] = Object.values(Inputs).filter(
  (input): input is CliInput => !(ACTION_ONLY_INPUTS as readonly Inputs[]).includes(input)
)

export const FORMATS = ['table', 'json', 'env', 'shell'] as const
export type Format = (typeof FORMATS)[number]

export interface CliArgs {
  /** The flags' values under their input names; `profiles` still holds the file's path. */
  raw: RawInputs
  format: Format
  help: boolean
  version: boolean
}

/** Bad usage: an unknown flag, a missing or repeated value, a bad --format. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options = {
    ...Object.fromEntries(
      INPUT_FLAGS.map(input => [input, { type: 'string', multiple: true }] as const)
    ),
    format: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' }
  } as const
  let values: Record<string, string[] | boolean | undefined>
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0])
  }
  const raw: RawInputs = {}
  for (const input of INPUT_FLAGS) {
    const value = single(input, values[input])
    if (value !== undefined) raw[input] = value
  }
  return {
    raw,
    format: parseFormat(single('format', values.format) ?? 'table'),
    help: values.help === true,
    version: values.version === true
  }
}

/** A flag given twice is refused: silently keeping one would probe something the user did not ask for. */
function single(flag: string, value: string[] | boolean | undefined): string | undefined {
  if (!Array.isArray(value)) return undefined
  if (value.length > 1) {
    throw new UsageError(
      `--${flag} is given ${value.length} times; give it once (a list goes in one value, e.g. --proxies 'a,b')`
    )
  }
  return value[0]
}

function parseFormat(text: string): Format {
  const format = FORMATS.find(f => f === text.trim())
  if (format) return format
  const choices = FORMATS.join(', ')
  throw new UsageError(
    `Invalid flag '--format': ${JSON.stringify(text)} must be one of: ${choices}`
  )
}
