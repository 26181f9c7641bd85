// Valid cached verdicts, generated, and every way to damage one part of a JSON value: the test
// then knows which part is wrong and can ask the check to name it.
import type { ProbeRecord } from '../../../src/http/record.js'
import fc from 'fast-check'
import { LEVELS, STAGES, type Finding } from '../../../src/probe/types.js'
import type { CachedVerdict } from '../../../src/cache/verdicts.js'

const ms = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true })
const count = fc.nat({ max: 10_000 })

const probe: fc.Arbitrary<ProbeRecord> = fc.record(
  {
    endpoint: fc.constantFrom(
      ...(['list', 'latest', 'info', 'mod', 'zip', 'supported', 'lookup', 'tile'] as const)
    ),
    module: fc.string(),
    url: fc.string(),
    status: fc.integer({ min: 100, max: 599 }),
    latencyMs: ms,
    totalMs: ms,
    attempts: fc.integer({ min: 0, max: 11 }),
    ok: fc.boolean(),
    problem: fc.string(),
    timedOut: fc.boolean(),
    tolerated: fc.boolean(),
    rateLimited: fc.record({ retryAfterMs: ms }),
    breakerOpen: fc.boolean(),
    phases: fc.record(
      { dnsMs: ms, connectMs: ms, tlsMs: ms, firstByteMs: ms, transferMs: ms },
      { requiredKeys: [] }
    )
  },
  { requiredKeys: ['endpoint', 'module', 'url', 'totalMs', 'attempts', 'ok'] }
)

const finding: fc.Arbitrary<Finding> = fc.record({
  stage: fc.constantFrom(...STAGES),
  level: fc.constantFrom(...LEVELS.filter((l): l is Finding['level'] => l !== 'healthy')),
  reason: fc.string()
})

/** Any verdict the cache may hold, optional parts present or not. */
export const cachedVerdict: fc.Arbitrary<CachedVerdict> = fc.record(
  {
    report: fc.record(
      {
        verdict: fc.constantFrom(...LEVELS),
        reason: fc.string(),
        findings: fc.array(finding, { maxLength: 4 }),
        latencyMs: ms,
        checksPassed: count,
        checksTotal: count,
        retries: count,
        probes: fc.array(probe, { maxLength: 4 }),
        latest: fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        breaker: fc.constantFrom('closed' as const, 'open' as const, 'half-open' as const),
        sumdb: fc.constantFrom('supported' as const, 'unsupported' as const),
        buildAnswers: fc.dictionary(
          fc.string(),
          fc.record(
            {
              kind: fc.constantFrom(...(['served', 'missing', 'failed', 'contradicts'] as const)),
              problem: fc.string()
            },
            { requiredKeys: ['kind'] }
          ),
          { maxKeys: 3 }
        )
      },
      {
        requiredKeys: [
          'verdict',
          'reason',
          'findings',
          'checksPassed',
          'checksTotal',
          'retries',
          'probes',
          'latest'
        ]
      }
    ),
    breaker: fc.record({
      version: fc.constant(2 as const),
      outcomes: fc.array(fc.constantFrom('ok' as const, 'failed' as const), { maxLength: 5 })
    })
  },
  { requiredKeys: ['report'] }
)

export type Key = string | number

/** A part of a JSON value: where it is, and how a check should name it. */
export interface Part {
  path: Key[]
  /** `entry.payload.report.probes[0].status`, `…latest["example.com/a"]`. */
  name: string
  /** The name with `[]` for any array index and `[*]` for any map key: `…probes[].status`. */
  field: string
  value: unknown
  /** A field of an object with a fixed set of fields (not an array item or a map's value). */
  isField: boolean
}

/**
 * Every part of `value`, itself included, except what is below a part `opaque` names. `maps`
 * names the fields whose value is an object used as a map (any key is valid there).
 */
export function partsOf(
  value: unknown,
  root: string,
  o: { opaque: (field: string) => boolean; maps: (field: string) => boolean }
): Part[] {
  const parts: Part[] = []
  const walk = (part: Part): void => {
    parts.push(part)
    const v = part.value
    if (o.opaque(part.field) || v === null || typeof v !== 'object') return
    const isMap = o.maps(part.field)
    for (const [k, child] of Object.entries(v)) {
      const [name, field] = Array.isArray(v)
        ? [`${part.name}[${k}]`, `${part.field}[]`]
        : isMap
          ? [`${part.name}[${JSON.stringify(k)}]`, `${part.field}[*]`]
          : [`${part.name}.${k}`, `${part.field}.${k}`]
      const path = [...part.path, Array.isArray(v) ? Number(k) : k]
      walk({ path, name, field, value: child, isField: !Array.isArray(v) && !isMap })
    }
  }
  walk({ path: [], name: root, field: root, value, isField: false })
  return parts
}

export const DAMAGES = ['null', 'wrong type', 'missing', 'unknown field'] as const
export type Damage = (typeof DAMAGES)[number]

/** A copy of `value` with `part` damaged so; undefined when this damage does not fit the part. */
export function damaged(value: unknown, part: Part, damage: Damage): unknown {
  if (damage === 'missing' && !part.isField) return undefined
  if (damage === 'unknown field' && !isPlainObject(part.value)) return undefined
  const next =
    damage === 'null'
      ? null
      : damage === 'wrong type'
        ? otherType(part.value)
        : damage === 'unknown field'
          ? { ...(part.value as object), unexpected: true }
          : undefined
  if (part.path.length === 0) return next
  const copy = structuredClone(value)
  const parent = part.path.slice(0, -1).reduce(child, copy) as Record<Key, unknown>
  const last = part.path[part.path.length - 1]
  if (damage === 'missing') delete parent[last]
  else parent[last] = next
  return copy
}

function child(v: unknown, k: Key): unknown {
  return (v as Record<Key, unknown>)[k]
}

/** A JSON value of another type than `v`. */
function otherType(v: unknown): unknown {
  if (typeof v === 'string') return 1
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? 1 : 0
  if (Array.isArray(v)) return {}
  if (isPlainObject(v)) return []
  return 'x'
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A cached verdict with every optional part present and every array and map filled. */
export const fullCachedVerdict: CachedVerdict = {
  report: {
    verdict: 'degraded',
    reason: 'needed retries on 1 of 3 requests',
    findings: [{ stage: 'probe', level: 'degraded', reason: 'needed retries on 1 of 3 requests' }],
    latencyMs: 12.5,
    checksPassed: 3,
    checksTotal: 3,
    retries: 1,
    probes: [
      {
        endpoint: 'info',
        module: 'example.com/hello@v1.0.0',
        url: 'https://proxy.example/example.com/hello/@v/v1.0.0.info',
        status: 200,
        latencyMs: 10,
        totalMs: 11.25,
        attempts: 2,
        ok: true,
        problem: 'needed a retry',
        timedOut: false,
        tolerated: false,
        rateLimited: { retryAfterMs: 1000 },
        breakerOpen: false,
        phases: { dnsMs: 1, connectMs: 2, tlsMs: 3, firstByteMs: 4, transferMs: 1.25 }
      }
    ],
    latest: { 'example.com/hello': 'v1.0.0' },
    breaker: 'closed',
    sumdb: 'supported',
    buildAnswers: {
      'example.com/hello@v1.0.0 mod': { kind: 'served' },
      'example.com/hello@v1.0.0 zip': { kind: 'missing', problem: 'GET … → 404 not found' }
    }
  },
  breaker: { version: 2, outcomes: ['ok', 'failed'] }
}
