// A typed stand-in for @actions/core, as the typescript-action template keeps one: in-process
// tests of the action replace only this package (jest.unstable_mockModule), never our code.
import type * as core from '@actions/core'
import { jest } from '@jest/globals'

export const getInput = jest.fn<typeof core.getInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const exportVariable = jest.fn<typeof core.exportVariable>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const isDebug = jest.fn<typeof core.isDebug>(() => false)
export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const notice = jest.fn<typeof core.notice>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()

/** The job summary: text added with addRaw, kept until write. */
export const summary = {
  text: '',
  addRaw: jest.fn((text: string) => {
    summary.text += text
    return summary
  }),
  write: jest.fn(async () => summary)
}

/** Resets every call record; `inputs` are what getInput returns ('' for the rest). */
export function reset(inputs: Record<string, string>): void {
  for (const fn of [setOutput, exportVariable, setSecret, setFailed, debug, info, notice])
    fn.mockClear()
  for (const fn of [warning, error, startGroup, endGroup, summary.addRaw, summary.write])
    fn.mockClear()
  summary.text = ''
  getInput.mockImplementation(name => inputs[name] ?? '')
}

/** The outputs set so far, by name. */
export function outputs(): Record<string, string> {
  return Object.fromEntries(setOutput.mock.calls.map(([name, value]) => [name, String(value)]))
}

/** The variables exported so far, by name. */
export function exported(): Record<string, string> {
  return Object.fromEntries(exportVariable.mock.calls.map(([name, value]) => [name, String(value)]))
}
