import { describe, expect, it } from '@jest/globals'
import { workspaceGraphOf } from '../../src/build/workspace.js'

describe('workspaceGraphOf', () => {
  const work = { text: 'go 1.22\n\nuse (\n\t./a\n\t./b\n)\n', dir: '/ws' }
  const a = {
    text: 'module example.com/a\n\ngo 1.22\n\nrequire example.com/x v1.0\n',
    dir: '/ws/a'
  }
  const b = { text: 'module example.com/b\n\ngo 1.16\n', dir: '/ws/b' }
  const withText = (file: { text: string; dir: string }, more: string) => ({
    ...file,
    text: file.text + more
  })
  const v = (path: string, version: string) => ({ path, version })

  it("is each module's path, requirements and pruning, with no roots of its own", () => {
    expect(workspaceGraphOf(work, [a, b])).toEqual({
      unpruned: false,
      roots: [],
      replacements: new Map(),
      excluded: new Set(),
      workspace: [
        {
          path: 'example.com/a',
          requires: [{ path: 'example.com/x', version: 'v1.0.0' }],
          unpruned: false
        },
        { path: 'example.com/b', requires: [], unpruned: true }
      ]
    })
  })

  it("merges go.work's replacements with each module's, as the go command does", () => {
    const graph = workspaceGraphOf(
      withText(work, 'replace example.com/x v1.0.0 => example.com/y v1.1.0\n'),
      [
        // go.work replaces x v1.0.0 only: a's replacement of x stands for every other version.
        withText(a, 'replace example.com/x => example.com/z v1.0.0\n'),
        // A directory is relative to the go.mod that names it; its go.mod is read from disk.
        withText(b, 'replace example.com/w => ../w\nreplace example.com/u v1.0.0 => ./u\n')
      ],
      new Map([['/ws/w', 'module example.com/w\n\ngo 1.22\n\nrequire example.com/q v1.0.0\n']])
    )
    expect(graph?.replacements).toEqual(
      new Map<string, unknown>([
        ['example.com/x@v1.0.0', v('example.com/y', 'v1.1.0')],
        ['example.com/x', v('example.com/z', 'v1.0.0')],
        [
          'example.com/w',
          { directory: '/ws/w', goMod: { pruned: true, requires: ['example.com/q@v1.0.0'] } }
        ],
        ['example.com/u@v1.0.0', { directory: '/ws/b/u' }]
      ])
    )
  })

  it('lets a later module replacing a path win over an earlier one replacing a version', () => {
    // replacementFrom: the modules in `use` order, the last match winning...
    const graph = workspaceGraphOf(work, [
      withText(a, 'replace example.com/x v1.0.0 => example.com/y v1.0.0\n'),
      withText(b, 'replace example.com/x => example.com/z v1.0.0\n')
    ])
    expect(graph?.replacements.get('example.com/x@v1.0.0')).toEqual(v('example.com/z', 'v1.0.0'))
    expect(graph?.replacements.get('example.com/x')).toEqual(v('example.com/z', 'v1.0.0'))
    // ...but a later match of the version itself that differs is a conflict Go reports.
    const reversed = { ...work, text: 'go 1.22\n\nuse (\n\t./b\n\t./a\n)\n' }
    expect(
      workspaceGraphOf(reversed, [
        withText(b, 'replace example.com/x => example.com/z v1.0.0\n'),
        withText(a, 'replace example.com/x v1.0.0 => example.com/y v1.0.0\n')
      ])
    ).toBeUndefined()
  })

  it("applies every module's excludes to the whole graph", () => {
    const graph = workspaceGraphOf(work, [a, withText(b, 'exclude example.com/q v1.0.0\n')])
    expect(graph?.excluded).toEqual(new Set(['example.com/q@v1.0.0']))
  })

  it('is undefined where the go command refuses, or this reader cannot follow', () => {
    // Two modules replace x differently, and go.work does not settle it.
    const conflicting = [
      withText(a, 'replace example.com/x => example.com/y v1.0.0\n'),
      withText(b, 'replace example.com/x => example.com/z v1.0.0\n')
    ]
    expect(workspaceGraphOf(work, conflicting)).toBeUndefined()
    // The same replacement twice is no conflict.
    const same = [conflicting[0], withText(b, 'replace example.com/x => example.com/y v1.0.0\n')]
    expect(workspaceGraphOf(work, same)).toBeDefined()
    // A workspace module replaced at all its versions.
    expect(
      workspaceGraphOf(withText(work, 'replace example.com/a => ../elsewhere\n'), [a, b])
    ).toBeUndefined()
    // A module requires a version another excludes.
    expect(
      workspaceGraphOf(work, [a, withText(b, 'exclude example.com/x v1.0.0\n')])
    ).toBeUndefined()
    expect(workspaceGraphOf(work, [a, { text: 'go 1.22\n', dir: '/ws/b' }])).toBeUndefined()
    expect(
      workspaceGraphOf(work, [a, { text: 'module "example.com/b\n', dir: '/ws/b' }])
    ).toBeUndefined()
  })
})
