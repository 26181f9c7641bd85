/**
 * routeBreaker: which entry of a chain leaves the go command no route to the checksum database,
 * walked as modfetch.TryProxies walks GOPROXY for it (sumdb.go initBase). Each proxy answers
 * /sumdb/<name>/supported 200 (S), 404/410 (N) or another error (E). Go uses the first S; an E
 * stops the walk unless `|` follows it and outranks every later N and `off`; reaching `direct`
 * sends Go to the database's own URL. The supported-error test holds the same against go itself.
 */
import { describe, expect, it } from '@jest/globals'
import { parseGosumdb, type GosumdbDatabase } from '../../src/goenv/gosumdb.js'
import type { SumdbSupport } from '../../src/probe/types.js'
import { routeBreaker, routeForChain } from '../../src/checksum/routes.js'
import { reportsOf } from '../select/reports.js'

const SUPPORT: Record<string, SumdbSupport> = { S: 'supported', N: 'unsupported', E: 'failed' }

/** `E|N,direct` → reports for https://e0.example|https://n1.example,direct with those answers. */
function chainOf(spec: string) {
  const names = spec.split(/[|,]/)
  const list = spec.replace(/[A-Z]/g, (letter, at: number) => {
    const i = spec.slice(0, at).split(/[|,]/).length - 1
    return `https://${letter.toLowerCase()}${i}.example`
  })
  const reports = reportsOf(
    list,
    names.map(() => 'healthy')
  )
  return reports.map((r, i) => ({ ...r, sumdb: SUPPORT[names[i]] }))
}

const db = parseGosumdb('sum.golang.org') as GosumdbDatabase

/** The host of the breaking entry, or where Go's lookups go. */
function outcome(spec: string): string {
  const chain = chainOf(spec)
  const breaker = routeBreaker(db, chain)
  if (breaker) return `broken at ${new URL(breaker.candidate.display).host}`
  return routeForChain(db, chain).base
}

describe('routeBreaker', () => {
  it.each([
    ['E|S', 'https://s1.example/sumdb/sum.golang.org'],
    ['E|N|S', 'https://s2.example/sumdb/sum.golang.org'],
    ['E|N,S', 'https://s2.example/sumdb/sum.golang.org'],
    ['E|direct', 'https://sum.golang.org'],
    ['E|N,direct', 'https://sum.golang.org'],
    ['N,S', 'https://s1.example/sumdb/sum.golang.org'],
    ['N', 'https://sum.golang.org'],
    ['S|E', 'https://s0.example/sumdb/sum.golang.org'],
    ['E', 'broken at e0.example'],
    ['E,S', 'broken at e0.example'],
    ['E|N', 'broken at e0.example'],
    ['E|off', 'broken at e0.example'],
    ['E|E,S', 'broken at e0.example'],
    ['N|E,direct', 'broken at e1.example']
  ])('%s → %s', (spec, expected) => {
    expect(outcome(spec)).toBe(expected)
  })

  it('never breaks a chain when GOSUMDB names the database URL: Go bypasses the proxies', () => {
    const explicit = parseGosumdb('sum.golang.org https://sum.example') as GosumdbDatabase
    expect(routeBreaker(explicit, chainOf('E'))).toBeUndefined()
  })
})
