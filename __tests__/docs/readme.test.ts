/**
 * README's input and output tables against action.yml, so the two cannot drift: the same inputs
 * in the same order, the same defaults, the same outputs. Rows look like
 * | `name` | default | description |  under `## Inputs`, and  | `name` | description |  under `## Outputs`.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readActionYml } from './action-yml.js'

interface Row {
  name: string
  cells: string[]
}

/** The lines between `## <title>` and the next heading of level 1 or 2. */
function section(markdown: string, title: string): string[] {
  const lines = markdown.split(/\r?\n/)
  const start = lines.findIndex(line => line.trim() === `## ${title}`)
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`)
  const end = lines.findIndex((line, i) => i > start && /^#{1,2} /.test(line))
  return lines.slice(start + 1, end < 0 ? undefined : end)
}

/** Table rows whose first cell is one code span: the header and the |---| line are not. */
function tableRows(lines: string[]): Row[] {
  const rows: Row[] = []
  for (const line of lines) {
    if (!line.trim().startsWith('|')) continue
    // A `|` inside a cell is written `\|`; the outer pipes leave an empty first and last part.
    const cells = line
      .trim()
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map(c => c.trim())
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')
    if (name) rows.push({ name: name[1], cells: cells.slice(1) })
  }
  return rows
}

/** A default as README may write it: `10`, '10', "10" or 10 are the same value. */
function plainValue(cell: string): string {
  return cell.replace(/^`(.*)`$/, '$1').replace(/^'(.*)'$|^"(.*)"$/, '$1$2')
}

describe('README.md tables', () => {
  const action = () => readActionYml()
  // Read inside each test: a missing README or section fails each test with its own message.
  const table = (title: string): Row[] =>
    tableRows(section(readFileSync('README.md', 'utf8'), title))

  it('lists every input of action.yml, in its order, and no other', () => {
    expect(table('Inputs').map(r => r.name)).toEqual(action().inputs.map(i => i.name))
  })

  it('gives each input a default column and a description', () => {
    const malformed = table('Inputs')
      .filter(r => r.cells.length !== 2 || !r.cells[1])
      .map(r => r.name)
    expect(malformed).toEqual([])
  })

  it('states the default action.yml declares, for every input that declares one', () => {
    const declared = action().inputs.filter(i => i.default !== undefined)
    const documented = new Map(table('Inputs').map(r => [r.name, plainValue(r.cells[0] ?? '')]))
    const got = declared.map(i => [i.name, documented.get(i.name)])
    expect(got).toEqual(declared.map(i => [i.name, String(i.default)]))
  })

  it('lists every output of action.yml and no other, each described', () => {
    const outputs = table('Outputs')
    expect(outputs.map(r => r.name).sort()).toEqual(
      action()
        .outputs.map(o => o.name)
        .sort()
    )
    expect(outputs.filter(r => r.cells.length !== 1 || !r.cells[0]).map(r => r.name)).toEqual([])
  })
})
