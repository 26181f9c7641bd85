/** Small formatting helpers for the Markdown tables. Pure. */
import type { Spread } from './summary.js'

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

export function millis(ms: number): string {
  return `${Math.round(ms)} ms`
}

export function mib(value: number): string {
  return `${value.toFixed(1)} MiB`
}

/** `median (min–max)`, or just the value when every run agreed or there was one run. */
export function spreadText(s: Spread, unit: (v: number) => string): string {
  if (s.n === 0) return '—'
  if (s.n === 1 || s.min === s.max) return unit(s.median)
  return `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`
}

export function count(v: number): string {
  return String(Math.round(v))
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string =>
    `| ${cells.map(c => c.replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Requests grouped into bursts (within `gapMs` of a burst's first): `150 ms: list; 1655 ms: info ×2, mod`. */
export function bursts(arrivals: { atMs: number; endpoint: string }[], gapMs = 50): string {
  const groups: { atMs: number; endpoint: string }[][] = []
  for (const arrival of [...arrivals].sort((a, b) => a.atMs - b.atMs)) {
    const last = groups.at(-1)
    if (last && arrival.atMs - last[0].atMs <= gapMs) last.push(arrival)
    else groups.push([arrival])
  }
  const kinds = (g: { endpoint: string }[]): string => {
    const counts = new Map<string, number>()
    for (const { endpoint } of g) counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1)
    return [...counts].map(([e, n]) => (n > 1 ? `${e} ×${n}` : e)).join(', ')
  }
  return groups.map(g => `${Math.round(g[0].atMs)} ms: ${kinds(g)}`).join('; ')
}
