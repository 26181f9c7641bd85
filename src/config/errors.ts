import { maskPasswords } from '../gostd/credentialmask.js'

/** A bad input value: names the input and the value (passwords masked), and why it is wrong. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    value: string,
    reason: string
  ) {
    super(`Invalid input '${input}': ${JSON.stringify(maskPasswords(value))} ${reason}`)
  }
}

/** Runs a parser and turns its error into an InputError for `input`. */
export function forInput<T>(input: string, value: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    if (err instanceof InputError) throw err
    throw new InputError(input, value, `is not valid: ${(err as Error).message}`)
  }
}
