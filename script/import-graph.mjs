// Checks that src/ imports only run down: no import cycle between files, and none between
// folders (each folder a layer). Usage: node script/import-graph.mjs [--folders]
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(process.argv.find(a => a.endsWith('src')) ?? 'src')
const files = []
const walk = dir => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full)
    else if (name.endsWith('.ts')) files.push(full)
  }
}
walk(root)

const importRe =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g
const edges = new Map()
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const to = new Set()
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2]
    to.add(resolve(dirname(file), spec).replace(/\.js$/, '.ts'))
  }
  edges.set(file, [...to])
}

// Folder edges that run up on purpose, each a leaf file with no imports of its own.
const ALLOWED = new Set([
  // url.Parse's errors quote the URL: its password is masked before anything can print it.
  'gostd/url.ts → credentials/mask.ts'
])

const folderOf = f => {
  const rel = relative(root, f)
  return rel.includes('/') ? rel.split('/')[0] : '.'
}

function cycles(graph) {
  const found = []
  const state = new Map()
  const stack = []
  const visit = node => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of graph.keys()) if (!state.has(node)) visit(node)
  return found
}

let bad = 0
for (const c of cycles(edges)) {
  bad++
  console.log('file cycle: ' + c.map(f => relative(root, f)).join(' → '))
}
const folders = new Map()
const why = new Map()
for (const [from, tos] of edges) {
  for (const to of tos) {
    const a = folderOf(from)
    const b = folderOf(to)
    if (a === b || a === '.' || b === '.') continue
    if (ALLOWED.has(`${relative(root, from)} → ${relative(root, to)}`)) continue
    if (!folders.has(a)) folders.set(a, new Set())
    folders.get(a).add(b)
    why.set(`${a}>${b}`, `${relative(root, from)} → ${relative(root, to)}`)
  }
}
const graph = new Map([...folders].map(([k, v]) => [k, [...v]]))
for (const c of cycles(graph)) {
  bad++
  const steps = c.slice(1).map((b, i) => why.get(`${c[i]}>${b}`))
  console.log(`folder cycle: ${c.join(' → ')}\n  ${steps.join('\n  ')}`)
}
if (process.argv.includes('--folders'))
  for (const [a, bs] of [...graph].sort()) console.log(`${a} → ${[...bs].sort().join(', ')}`)
if (bad > 0) process.exit(1)
console.log(`${files.length} files: imports run one way (no file or folder cycles)`)
