// $GODEBUG as Go's runtime reads it (internal/godebug): `k=v,k2=v2`, a later setting overriding
// an earlier one, and a value's `#…` suffix (a bisect pattern) not part of it.

/** The value GODEBUG gives `name`, or undefined when it does not set it. */
export function goDebugValue(godebug: string | undefined, name: string): string | undefined {
  let value: string | undefined
  for (const setting of (godebug ?? '').split(',')) {
    const eq = setting.indexOf('=')
    if (eq >= 0 && setting.slice(0, eq) === name) value = setting.slice(eq + 1).split('#')[0]
  }
  return value
}
