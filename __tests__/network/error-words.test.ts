/**
 * The words of an error answer, quoted as the go command quotes them (cmd/go/internal/web's
 * formatErrorDetail): a text/plain body in UTF-8, up to its first blank line, at most 8 lines and
 * 648 bytes with the cut marked, and nothing when what Go read of it is not printable. Each body
 * is answered with a 404 to the first request by a raw-socket front, and what our reason quotes
 * is compared with what `go mod download` prints.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { itWithGo, runGo } from '../world/go.js'
import type { ProxyWorld } from '../world/proxy-server.js'
import { runCli } from './in-process.js'
import { rawAnswer, startRawFront, type RawFront } from './raw-front.js'
import { startHttpWorld } from './support.js'

const MODULE = 'example.com/hello@v1.0.0'

let world: ProxyWorld
let home: string
const fronts = new Map<string, RawFront>()

const line79 = (n: number) => `${String(n).padStart(2, '0')}${'x'.repeat(77)}`
// [case, Content-Type, body, the words both quote (lines joined by \n), or undefined for none]
const cases: [string, string, string, string | undefined][] = [
  [
    // goproxy.io's answer when its own `go mod download` fails: the error is on line 5.
    'up to the first blank line',
    'text/plain; charset=utf-8',
    'go mod download:\n{\n\t"Error": "upstream down"\n}\n\nafter the blank line\n',
    'go mod download:\n{\n\t"Error": "upstream down"\n}'
  ],
  [
    'eight lines at most',
    'text/plain',
    `${Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n')}\n`,
    `${Array.from({ length: 8 }, (_, i) => `line ${i}`).join('\n')}\n[Truncated: too many lines.]`
  ],
  [
    'CRLF lines count their CR',
    'text/plain',
    `${Array.from({ length: 8 }, (_, i) => `${line79(i)}\r`).join('\n')}\n`,
    `${Array.from({ length: 7 }, (_, i) => `${line79(i)}\r`).join('\n')}\n[Truncated: too long.]`
  ],
  ['a control byte on line 11', 'text/plain', `${'ok\n'.repeat(10)}\x01\nok\n`, undefined],
  ['a byte-order mark', 'text/plain', '\ufeffnot found\n', undefined],
  ['another charset', 'text/plain; charset=iso-8859-1', 'not found\n', undefined],
  ['not plain text', 'application/json', '{"error":"not found"}\n', undefined]
]

beforeAll(async () => {
  world = await startHttpWorld([{ name: 'good', fault: 'healthy' }])
  home = await mkdtemp(join(tmpdir(), 'vgp-error-words-'))
  for (const [name, type, body] of cases) {
    const headers: [string, string][] = [
      ['Content-Type', type],
      ['Connection', 'close']
    ]
    const answer = () => rawAnswer('HTTP/1.1 404 Not Found', headers, Buffer.from(body))
    fronts.set(name, await startRawFront(world.url('good'), answer))
  }
})
afterAll(() => Promise.all([world.close(), ...[...fronts.values()].map(f => f.close())]))

const urlOf = (name: string) => (fronts.get(name) as RawFront).url

describe("an error answer's words", () => {
  it.each(cases)('%s: as we quote them', async (name, _type, _body, words) => {
    const run = await runCli(home, urlOf(name))
    const reason = run.verdicts[0].reason
    if (words === undefined) expect(reason).toMatch(/→ 404 not found$/)
    else expect(reason).toMatch(new RegExp(`→ 404 not found: ${escape(JSON.stringify(words))}$`))
  })

  for (const [name, , , words] of cases) {
    itWithGo(`${name}: as the go command quotes them`, async () => {
      const go = await runGo(['mod', 'download', '-json', MODULE], {
        cwd: await mkdtemp(join(home, 'go-')),
        env: { GOPROXY: urlOf(name), GOSUMDB: 'off' }
      })
      const error = (JSON.parse(go.stdout) as { Error: string }).Error
      // "server response: <one line>", or each line after "\n\t".
      const said = /server response:(?: |\n\t)([\s\S]*)$/.exec(error)?.[1]
      expect(said?.replaceAll('\n\t', '\n')).toBe(words)
    })
  }
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
