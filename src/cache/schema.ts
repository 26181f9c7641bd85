// Checks for what comes back from the cache: JSON that another version, another machine or a
// damaged disk wrote. A value counts only when every part of it has the type the code expects;
// each check names the first part that does not, for the debug log and for tests.

/** A type guard that can also say why a value is not a T. */
export interface Schema<T> {
  (value: unknown): value is T
  /** `where` is wrong, and how; undefined when the value is a T. */
  problem(value: unknown, where?: string): string | undefined
  /** Never set: makes Schema<T> invariant in T, so an optional field must use optional(). */
  readonly exactly?: (value: T) => T
}

type Problem = (value: unknown, where: string) => string | undefined

function schema<T>(problem: Problem): Schema<T> {
  const is = (value: unknown): value is T => problem(value, 'value') === undefined
  return Object.assign(is, { problem: (value: unknown, where = 'value') => problem(value, where) })
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

function leaf<T>(expected: string, test: (value: unknown) => boolean): Schema<T> {
  return schema<T>((value, where) =>
    test(value) ? undefined : `${where} is ${describe(value)}, not ${expected}`
  )
}

export const string = leaf<string>('a string', v => typeof v === 'string')
export const boolean = leaf<boolean>('true or false', v => typeof v === 'boolean')
/** A count or an HTTP status: a whole number, not negative. */
export const count = leaf<number>(
  'a whole number ≥ 0',
  v => Number.isSafeInteger(v) && (v as number) >= 0
)
/** A duration or a time since the epoch, in ms. */
export const milliseconds = leaf<number>(
  'a finite number ≥ 0',
  v => typeof v === 'number' && Number.isFinite(v) && v >= 0
)
/** Any object, not null and not an array: for a part that the module reading it checks in full. */
export function checkedByItsReader<T extends object>(): Schema<T> {
  return leaf<T>('an object', isRecord)
}

export function oneOf<T extends string | number>(values: readonly T[]): Schema<T> {
  const allowed = new Set<unknown>(values)
  const expected = values.map(v => JSON.stringify(v))
  const what = expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`
  return leaf<T>(what, v => allowed.has(v))
}

/** One of the keys of `table`: a Record over a union type names every member, or tsc complains. */
export function oneOfKeys<T extends string>(table: Record<T, unknown>): Schema<T> {
  return oneOf(Object.keys(table) as T[])
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return schema<T | undefined>((value, where) =>
    value === undefined ? undefined : inner.problem(value, where)
  )
}

export function arrayOf<T>(item: Schema<T>): Schema<T[]> {
  return schema<T[]>((value, where) => {
    if (!Array.isArray(value)) return `${where} is ${describe(value)}, not an array`
    for (const [i, v] of value.entries()) {
      const problem = item.problem(v, `${where}[${i}]`)
      if (problem) return problem
    }
    return undefined
  })
}

/** An object used as a map: any keys, every value a T. */
export function recordOf<T>(item: Schema<T>): Schema<Record<string, T>> {
  return schema<Record<string, T>>((value, where) => {
    if (!isRecord(value)) return `${where} is ${describe(value)}, not an object`
    for (const [key, v] of Object.entries(value)) {
      const problem = item.problem(v, `${where}[${JSON.stringify(key)}]`)
      if (problem) return problem
    }
    return undefined
  })
}

/** A schema for a plain type guard, which cannot say more than that the value is wrong. */
export function fromGuard<T>(guard: ((value: unknown) => value is T) | Schema<T>): Schema<T> {
  return 'problem' in guard ? guard : leaf<T>('what its reader expects', guard)
}

/** A schema for each field of T, no more and no fewer: the compiler keeps it in step with T. */
export type Fields<T> = { [K in keyof Required<T>]: Schema<T[K]> }

/** An object with exactly these fields: a field the code does not know is a problem too. */
export function object<T>(fields: Fields<T>): Schema<T> {
  const entries = Object.entries(fields) as [string, Schema<unknown>][]
  return schema<T>((value, where) => {
    if (!isRecord(value)) return `${where} is ${describe(value)}, not an object`
    const unknown = Object.keys(value).find(key => !Object.hasOwn(fields, key))
    if (unknown !== undefined) return `${where}.${unknown} is not a known field`
    for (const [key, field] of entries) {
      const problem = field.problem(value[key], `${where}.${key}`)
      if (problem) return problem
    }
    return undefined
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
