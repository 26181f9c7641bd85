import { maskCredentialsLoosely } from '../credentials/mask.js'

/** A bad input value: names the input and the value (passwords masked), and why it is wrong. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    value: string,
    reason: string
  ) {
    // The reason may quote the value too (a URL parser's message): mask the whole message.
    super(maskCredentialsLoosely(`Invalid input '${input}': ${JSON.stringify(value)} ${reason}`))
  }
}

/**
 * Runs a parser and turns its error into an InputError for `input`. A value that holds
 * credentials gets a reason of our own: the parser's would quote pieces of the password.
 */
export function forInput<T>(input: string, value: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    if (err instanceof InputError) throw err
    const reason =
      maskCredentialsLoosely(value) === value
        ? `is not valid: ${(err as Error).message}`
        : 'is not valid: a URL with credentials that cannot be parsed — percent-encode special characters of the user name and password ("/" as %2F, "#" as %23, "@" as %40)'
    throw new InputError(input, value, reason)
  }
}
