/**
 * The rules of the module graph walk (src/walk/mod-graph.ts), each against a graph of go.mod
 * files given as served: which go.mod lines are walked, which are `not-fetched`, and when the
 * walk gives up following the graph and walks every line. The go command agrees with the
 * followed graph in mod-graph.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import type {
  GoModSummary,
  LocalModule,
  ModGraph,
  ModuleVersion,
  WorkspaceModule
} from '../../src/build/requires.js'
import { walkModGraphs } from '../../src/walk/mod-graph.js'
import type { BuildModule, FileWalk } from '../../src/walk/types.js'
import { planOf } from '../world/plan.js'

const H = `h1:${'A'.repeat(43)}=`
const candidate = planOf({ proxies: 'https://proxy.example' }).candidates[0]

/** A go.mod as served: `go 1.16` when not pruned, and its requirements. */
const goMod = (pruned: boolean, ...requires: string[]): GoModSummary => ({ pruned, requires })

/**
 * Walks go.sum's go.mod lines (one per key of `served`, plus `extra`) from `roots`; resolves with
 * each line's outcome. A key served as `undefined` is served without a readable summary; one
 * in `missing` resolves through no proxy.
 */
async function walkGraph(
  served: Record<string, GoModSummary | undefined>,
  roots: string[],
  o: {
    replacements?: [string, string][]
    excluded?: string[]
    missing?: string[]
    unpruned?: boolean
    main?: string
    /** A replacement by a directory whose go.mod cannot be read: [path, directory]. */
    local?: [string, string]
    workspace?: WorkspaceModule[]
    /** Served, but with no go.sum line. */
    unlisted?: string[]
  } = {}
): Promise<{ outcomes: Record<string, string>; selected?: string[] }> {
  const listed = Object.keys(served).filter(key => !o.unlisted?.includes(key))
  const modules: BuildModule[] = listed.map(key => ({
    ...parse(key),
    modHash: H,
    modAt: { file: 'go.sum', line: 1 }
  }))
  const graph: ModGraph = {
    main: o.main,
    unpruned: o.unpruned ?? false,
    roots: roots.map(parse),
    replacements: new Map<string, ModuleVersion | LocalModule>([
      ...(o.replacements ?? []).map(([from, to]): [string, ModuleVersion] => [from, parse(to)]),
      ...(o.local ? [[o.local[0], { directory: o.local[1] }] as [string, LocalModule]] : [])
    ]),
    excluded: new Set(o.excluded),
    workspace: o.workspace
  }
  const walkOne = async (module: BuildModule): Promise<FileWalk> => {
    const key = `${module.path}@${module.version}`
    if (o.missing?.includes(key)) {
      const answer = { kind: 'missing' as const, problem: '404' }
      return { module, file: 'mod', outcome: 'unresolved', asked: [{ candidate, answer }] }
    }
    const answer = { kind: 'served' as const, ...(served[key] && { goMod: served[key] }) }
    return {
      module,
      file: 'mod',
      outcome: 'served',
      servedBy: candidate,
      asked: [{ candidate, answer }]
    }
  }
  const { walks, selected } = await walkModGraphs([graph], modules, walkOne)
  const outcomes = Object.fromEntries(
    walks.map(w => [`${w.module.path}@${w.module.version}`, w.outcome])
  )
  return { outcomes, selected: selected && [...selected].sort() }
}

async function walk(...args: Parameters<typeof walkGraph>): Promise<Record<string, string>> {
  return (await walkGraph(...args)).outcomes
}

function parse(key: string): { path: string; version: string } {
  const [path, version] = key.split('@')
  return { path, version }
}

describe('the module graph walk', () => {
  it('loads the roots, not what a pruned root requires', async () => {
    const outcomes = await walk({ 'a@v1.0.0': goMod(true, 'b@v1.0.0'), 'b@v1.0.0': goMod(true) }, [
      'a@v1.0.0'
    ])
    expect(outcomes).toEqual({ 'a@v1.0.0': 'served', 'b@v1.0.0': 'not-fetched' })
  })

  it('loads everything below an unpruned module, pruned modules there included', async () => {
    const outcomes = await walk(
      {
        'old@v1.0.0': goMod(false, 'new@v1.0.0'),
        'new@v1.0.0': goMod(true, 'deep@v1.0.0'),
        'deep@v1.0.0': goMod(true),
        'unrelated@v1.0.0': goMod(true)
      },
      ['old@v1.0.0']
    )
    expect(outcomes).toEqual({
      'old@v1.0.0': 'served',
      'new@v1.0.0': 'served',
      'deep@v1.0.0': 'served',
      'unrelated@v1.0.0': 'not-fetched'
    })
  })

  it('loads a module reached both as a pruned root and below an unpruned one in both ways', async () => {
    const outcomes = await walk(
      {
        'old@v1.0.0': goMod(false, 'shared@v1.0.0'),
        'shared@v1.0.0': goMod(true, 'below@v1.0.0'),
        'below@v1.0.0': goMod(true)
      },
      ['shared@v1.0.0', 'old@v1.0.0']
    )
    expect(outcomes['below@v1.0.0']).toBe('served')
  })

  it("loads a replaced module's replacement, inside the graph too", async () => {
    const outcomes = await walk(
      {
        'old@v1.0.0': goMod(false, 'dep@v1.0.0'),
        'dep@v1.0.0': goMod(true),
        'fork@v2.0.0': goMod(true)
      },
      ['old@v1.0.0'],
      { replacements: [['dep', 'fork@v2.0.0']] }
    )
    expect(outcomes).toEqual({
      'old@v1.0.0': 'served',
      'dep@v1.0.0': 'not-fetched',
      'fork@v2.0.0': 'served'
    })
  })

  it('drops a requirement of a version the main module excludes, anywhere in the graph', async () => {
    // As Go 1.16 and later: old's requirement of c v1.5.0 is ignored, so c v1.0.0 stays the
    // version selected (the roots are tidy) and c v1.5.0's go.mod is never loaded.
    const outcomes = await walk(
      {
        'old@v1.0.0': goMod(false, 'c@v1.5.0'),
        'c@v1.0.0': goMod(true),
        'c@v1.5.0': goMod(true, 'd@v1.0.0'),
        'd@v1.0.0': goMod(true)
      },
      ['old@v1.0.0', 'c@v1.0.0'],
      { excluded: ['c@v1.5.0'] }
    )
    expect(outcomes).toEqual({
      'old@v1.0.0': 'served',
      'c@v1.0.0': 'served',
      'c@v1.5.0': 'not-fetched',
      'd@v1.0.0': 'not-fetched'
    })
  })

  it('loads everything the roots reach below a main module before go 1.17, and selects', async () => {
    // The main module's roots are unpruned: new's requirement is loaded although new prunes,
    // and neither root need be the version selected. stale is reached by nothing.
    const { outcomes, selected } = await walkGraph(
      {
        'new@v1.0.0': goMod(true, 'c@v1.5.0'),
        'c@v1.0.0': goMod(true),
        'c@v1.5.0': goMod(true, 'deep@v1.0.0'),
        'deep@v1.0.0': goMod(true),
        'stale@v1.0.0': goMod(true),
        'fork@v2.0.0': goMod(true, 'forkdep@v1.0.0'),
        'forkdep@v1.0.0': goMod(true)
      },
      ['new@v1.0.0', 'c@v1.0.0'],
      {
        unpruned: true,
        replacements: [['deep', 'fork@v2.0.0']],
        unlisted: ['fork@v2.0.0', 'forkdep@v1.0.0']
      }
    )
    // deep is replaced by fork, whose go.mod go.sum lacks: go mod download fetches it all the same
    // (checked against the checksum database), and goes on below it.
    expect(outcomes).toEqual({
      'new@v1.0.0': 'served',
      'c@v1.0.0': 'served',
      'c@v1.5.0': 'served',
      'deep@v1.0.0': 'not-fetched',
      'stale@v1.0.0': 'not-fetched',
      'fork@v2.0.0': 'served',
      'forkdep@v1.0.0': 'served'
    })
    expect(selected).toEqual(['c@v1.5.0', 'fork@v2.0.0', 'forkdep@v1.0.0', 'new@v1.0.0'])
  })

  it("loads a workspace module's version a dependency requires, but selects the module", async () => {
    const { outcomes, selected } = await walkGraph(
      { 'x@v1.0.0': goMod(false, 'a@v0.9.0'), 'a@v0.9.0': goMod(true) },
      [],
      { workspace: [{ path: 'a', requires: [parse('x@v1.0.0')], unpruned: false }] }
    )
    expect(outcomes).toEqual({ 'x@v1.0.0': 'served', 'a@v0.9.0': 'served' })
    expect(selected).toEqual(['x@v1.0.0'])
  })

  it('selects the main module over an older version of it that a dependency requires', async () => {
    const { outcomes, selected } = await walkGraph(
      { 'dep@v1.0.0': goMod(false, 'app@v0.9.0'), 'app@v0.9.0': goMod(false) },
      ['dep@v1.0.0'],
      { unpruned: true, main: 'app' }
    )
    // Go loads the go.mod of app v0.9.0 (a cycle), but builds the main module, fetching no zip.
    expect(outcomes).toEqual({ 'dep@v1.0.0': 'served', 'app@v0.9.0': 'served' })
    expect(selected).toEqual(['dep@v1.0.0'])
  })

  it("walks every line when it reaches a replacement directory whose go.mod can't be read", async () => {
    const graph = { 'a@v1.0.0': goMod(false, 'local@v1.0.0'), 'b@v1.0.0': goMod(true) }
    const { outcomes } = await walkGraph(graph, ['a@v1.0.0'], { local: ['local', './gone'] })
    expect(outcomes['b@v1.0.0']).toBe('served')
  })

  it('walks every line when a root is not the version minimal version selection picks', async () => {
    // An untidy go.mod: a requires c v1.5.0, go.mod lists c v1.0.0; Go reloads from c v1.5.0.
    const outcomes = await walk(
      {
        'a@v1.0.0': goMod(true, 'c@v1.5.0'),
        'c@v1.0.0': goMod(true),
        'c@v1.5.0': goMod(true)
      },
      ['a@v1.0.0', 'c@v1.0.0']
    )
    expect(Object.values(outcomes)).toEqual(['served', 'served', 'served'])
  })

  it('walks every line when a loaded go.mod cannot be read', async () => {
    const graph = { 'a@v1.0.0': goMod(true, 'b@v1.0.0'), 'b@v1.0.0': goMod(true) }
    const unread = await walk({ ...graph, 'a@v1.0.0': undefined }, ['a@v1.0.0'])
    expect(unread['b@v1.0.0']).toBe('served')
  })

  it('stops below a loaded go.mod that resolves nowhere, as the go command stops there', async () => {
    // The step fails on old's go.mod; what only old leads to is not asked, the rest is walked.
    const outcomes = await walk(
      {
        'old@v1.0.0': goMod(false, 'below@v1.0.0'),
        'below@v1.0.0': goMod(true),
        'a@v1.0.0': goMod(true, 'b@v1.0.0'),
        'b@v1.0.0': goMod(true)
      },
      ['old@v1.0.0', 'a@v1.0.0'],
      { missing: ['old@v1.0.0'] }
    )
    expect(outcomes).toEqual({
      'old@v1.0.0': 'unresolved',
      'below@v1.0.0': 'not-fetched',
      'a@v1.0.0': 'served',
      'b@v1.0.0': 'not-fetched'
    })
  })
})
