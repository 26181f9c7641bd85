import { expect } from '@jest/globals'
import { GoEnvError } from '../../src/gostd/errors.js'

/** Asserts that run throws a GoEnvError with exactly this message. */
export function expectGoEnvError(run: () => unknown, message: string): void {
  let thrown: unknown
  try {
    run()
  } catch (err) {
    thrown = err
  }
  expect(thrown).toBeInstanceOf(GoEnvError)
  expect((thrown as GoEnvError).message).toBe(message)
}
